import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { ApiError } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built web UI from `root`: `/` is `index.html`, hashed files under `/assets/`
 * are cached for good, and a file with a `.gz` twin goes out compressed to clients that
 * accept gzip. Nothing outside `root` is reachable. Without a build, `/` says how to make one.
 * @example app.get('*', webUi('web/dist'))
 */
export function webUi(root: string) {
  const base = resolve(root);
  return async (c: Context): Promise<Response> => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = resolve(base, `.${decodePath(path)}`);
    if (!file.startsWith(base + sep) || !isFile(file) || !TYPES[extname(file)]) {
      if (path === '/index.html') return c.text('The web UI is not built: run "npm run build:web", then restart "onrecord serve". The API is at /api.', 503);
      throw ApiError.notFound(`no file ${path}`);
    }
    const gz = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && isFile(`${file}.gz`);
    c.header('Content-Type', TYPES[extname(file)]);
    c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (gz) c.header('Content-Encoding', 'gzip');
    return c.body(await readFile(gz ? `${file}.gz` : file));
  };
}

/**
 * Where the build of the web UI lives in this installation (`web/dist`, two levels up from
 * src/server and dist/server alike), built or not.
 * @example webRootPath() // '/…/onrecord/web/dist'
 */
export function webRootPath(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw ApiError.notFound(`no file ${path}`);
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
