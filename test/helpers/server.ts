import type { Hono } from 'hono';
import { createExtractor } from '../../src/ingest/extractor.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { loadSampleCorpus, samplePath } from '../../src/server/sample-corpus.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * An app on a fresh in-memory store, optionally holding the sample corpus.
 * @example const {app, store} = await testApp({sample: true})
 */
export async function testApp(options: { sample?: boolean } & Partial<AppOptions> = {}): Promise<{ app: Hono; store: Store }> {
  const store = options.store ?? openSqliteStore(':memory:');
  const extractor = await createExtractor(1);
  if (options.sample) await loadSampleCorpus(store, extractor, samplePath() as string);
  const app = await createApp({ samplePath: samplePath(), ...options, store, extractor });
  return { app, store };
}

/**
 * A JSON request to the app, in-process.
 * @example const {status, body} = await call(app, 'POST', '/api/extract', {text: '…'})
 */
export async function call(app: Hono, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await app.request(path, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the test sees the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
