import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { handleError } from './errors.js';
import { webUi } from './static.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-static-'));
const root = join(dir, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'app-1.js.gz'), gzipSync('console.log(1)'));
writeFileSync(join(dir, 'secret.txt'), 'not for the web');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function app(webRoot: string): Hono {
  const a = new Hono();
  a.onError((err, c) => handleError(err, c, () => undefined));
  a.get('*', webUi(webRoot));
  return a;
}

describe('webUi', () => {
  it('webUi: / is index.html, not cached; hashed assets cached for good, gzipped when accepted', async () => {
    const index = await app(root).request('/');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const gz = await app(root).request('/assets/app-1.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toMatch(/immutable/);
    const plain = await app(root).request('/assets/app-1.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(1)');
  });

  it('webUi: nothing outside the build is reachable, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%E0', '/assets/app-1.js%00.html']) {
      const res = await app(root).request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('not for the web');
    }
  });

  it('webUi: without a build, / says how to make one', async () => {
    const res = await app(join(dir, 'none')).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:web/);
  });
});
