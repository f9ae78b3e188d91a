import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../server/listen.js';
import { UsageError } from '../errors.js';
import { startServe } from '../serve-run.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-serve-'));
const logged: string[] = [];
let server: Listening;
beforeAll(async () => {
  server = await startServe({ db: join(dir, 'corpus.db'), port: '0', host: '127.0.0.1', jobs: '1', loadSample: true }, (line) => logged.push(line));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP request, so the test controls the Host and Content-Length headers. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('onrecord serve', () => {
  it('serve: loads the sample into an empty corpus, listens on loopback, says where', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logged.join('\n')).toMatch(/loaded the sample corpus: 12 articles/);
    expect(logged.join('\n')).toContain(`serving the explorer at ${server.url}/`);
    const stats = JSON.parse((await raw('/api/stats')).body);
    expect(stats.documents).toBe(12);
  });

  it('serve: a body over 5 MB is 413 over HTTP, and the server goes on', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024 + 10) });
    const res = await raw('/api/extract', { method: 'POST', body, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
    expect((await raw('/api/health')).status).toBe(200);
  });

  it('serve: a loopback server answers only to loopback Host names', async () => {
    expect((await raw('/api/health', { headers: { host: 'attacker.example' } })).status).toBe(403);
    expect((await raw('/api/health', { headers: { host: 'localhost:8080' } })).status).toBe(200);
  });

  it('serve: the web UI (or, unbuilt, how to build it) at /', async () => {
    const res = await raw('/');
    expect([200, 503]).toContain(res.status);
    expect(res.body).toMatch(res.status === 200 ? /<div id="banner"/ : /npm run build:web/);
  });

  it('serve: bad flags and a port in use are one-line usage errors', async () => {
    const flags = { db: ':memory:', host: '127.0.0.1', jobs: '1' };
    await expect(startServe({ ...flags, port: 'eighty' })).rejects.toThrow(UsageError);
    await expect(startServe({ ...flags, port: String(server.port) }, () => undefined)).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is in use: pass another with --port/);
  });
});
