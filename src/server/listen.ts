import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running server. */
export interface Listening {
  /** `http://127.0.0.1:8080` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `app` on `host:port` (port 0 picks a free one), resolving once it listens; a port
 * in use rejects with a message that says so.
 * @example const {url, close} = await listen(app, {host: '127.0.0.1', port: 0})
 */
export function listen(app: Hono, { host, port }: { host: string; port: number }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', reject);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(LISTEN_ERRORS[err.code ?? '']?.(host, port) ?? `cannot listen on ${host}:${port}: ${err.message}`));
    });
  });
}

/** Why a server could not listen, in words a user can act on. */
const LISTEN_ERRORS: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (host, port) => `port ${port} on ${host} is in use: pass another with --port`,
  EACCES: (host, port) => `port ${port} on ${host} needs privileges: pass one above 1023 with --port`,
  EADDRNOTAVAIL: (host) => `${host} is not an address of this machine: pass another with --host`,
  ENOTFOUND: (host) => `${host} is not a known host name: pass an address with --host`,
};

/**
 * True for an address only this machine can reach.
 * @example isLoopback('127.0.0.1') // true
 */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
