import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { call, testApp } from '../../test/helpers/server.js';
import type { Store } from '../store/store.js';

const HOSTILE = 'Protesters gathered.\n\n“<script>window.__pwned = 1</script> is not a plan,” Mayor Ines Valdera said. <img src=x onerror="window.__pwned = 2">';
const ARTICLE = '“We will decide when we know what the terminal does to the water,” Mayor Ines Valdera said on Thursday.';

let app: Hono;
let store: Store;
beforeAll(async () => ({ app, store } = await testApp()));
afterAll(() => store.close());

describe('POST /api/extract', () => {
  it('extract: who said what, with offsets into the text, nothing stored', async () => {
    const { status, body } = await call(app, 'POST', '/api/extract', { text: ARTICLE, date: '2025-03-07' });
    expect(status).toBe(200);
    const [a] = body.attributions;
    expect(a.source.text).toBe('Mayor Ines Valdera');
    expect(ARTICLE.slice(a.content[0].start, a.content[0].end)).toBe(a.content[0].text);
    expect(a.saidAt.date).toBe('2025-03-06');
    expect((await store.stats()).documents).toBe(0);
  });

  it('extract: with a byline, "I" outside quotations is the writer', async () => {
    const text = 'The ferry was late again on Monday. I told the council that the timetable is a fiction.';
    const { status, body } = await call(app, 'POST', '/api/extract', { text, byline: 'By Lena Varga' });
    expect(status).toBe(200);
    expect(body.attributions[0].source.text).toBe('I');
    expect(body.attributions[0].speaker).toMatchObject({ name: 'Lena Varga', kind: 'person' });
  });

  it('extract: a hostile article comes back as data, its markup untouched', async () => {
    const { status, body, headers } = await call(app, 'POST', '/api/extract', { text: HOSTILE });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(body.attributions[0].content[0].text).toContain('<script>window.__pwned = 1</script>');
  });

  it.each([
    [{}, 'text', /required/],
    [{ text: 42 }, 'text', /expected a string, got number/],
    [{ text: 'x', date: 'March' }, 'date', /YYYY-MM-DD/],
    [{ text: 'x', date: '2025-02-30' }, 'date', /YYYY-MM-DD/],
    [{ text: 'x', lang: 'en' }, 'lang', /unknown field/],
  ])('extract: invalid input %j is 400 naming the field', async (input, field, message) => {
    const { status, body } = await call(app, 'POST', '/api/extract', input);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_field', field });
    expect(body.error.message).toMatch(message);
  });

  it('extract: a body that is not JSON, or not an object, is 400 on the body', async () => {
    for (const raw of ['{"text": ', '[1]', 'null']) {
      const { status, body } = await call(app, 'POST', '/api/extract', raw);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_json', field: 'body' });
    }
  });

  it('extract: a body that is not declared JSON is 415 (no cross-site form posts)', async () => {
    const { status, body } = await call(app, 'POST', '/api/extract', JSON.stringify({ text: 'x' }), { 'content-type': 'text/plain' });
    expect(status).toBe(415);
    expect(body.error.field).toBe('content-type');
  });

  it('extract: a body over 5 MB is 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ text: 'a'.repeat(5 * 1024 * 1024) });
    expect((await call(app, 'POST', '/api/extract', big, { 'content-length': String(Buffer.byteLength(big)) })).status).toBe(413);
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const res = await app.request('/api/extract', { method: 'POST', body: stream, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('documents', () => {
  it('documents: stored once (201, Location), then unchanged (200); read back with speakers and diagnostics', async () => {
    const doc = { id: 'hostile-1', text: HOSTILE, date: '2025-03-07', outlet: 'Test Herald', title: 'Hostile' };
    const first = await call(app, 'POST', '/api/documents', doc);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'hostile-1', status: 'inserted' });
    expect(first.headers.get('location')).toBe('/api/documents/hostile-1');
    expect((await call(app, 'POST', '/api/documents', doc)).body.status).toBe('unchanged');
    const { status, body } = await call(app, 'GET', '/api/documents/hostile-1');
    expect(status).toBe(200);
    expect(body.text).toBe(HOSTILE);
    expect(body.attributions[0].speaker.name).toMatch(/Valdera/);
    expect(body.entities[0]).toMatchObject({ name: body.attributions[0].speaker.name, attributions: 1 });
    expect(body).toHaveProperty('diagnostics');
    expect(body).not.toHaveProperty('sourcePath');
  });

  it('documents: a saved page is given as html and its article text stored', async () => {
    const html = '<html><head><title>Quay</title><script>alert(1)</script></head><body><nav>Home</nav><article><p>“The water has never been this high,” said Martha Penhale, who runs a café on Harbour Row.</p></article></body></html>';
    const { status, body } = await call(app, 'POST', '/api/documents', { html, url: 'https://example.org/quay' });
    expect(status).toBe(201);
    const doc = (await call(app, 'GET', `/api/documents/${body.id}`)).body;
    expect(doc.text).toMatch(/^“The water has never been this high,” said Martha Penhale/);
    expect(doc.text).not.toContain('alert');
  });

  it('documents: text and html together, neither, empty text or a page without text are 400', async () => {
    expect((await call(app, 'POST', '/api/documents', { text: 'a', html: '<p>a</p>' })).body.error.field).toBe('text');
    expect((await call(app, 'POST', '/api/documents', { title: 'x' })).body.error.field).toBe('text');
    expect((await call(app, 'POST', '/api/documents', { text: '  ' })).body.error.field).toBe('text');
    const page = await call(app, 'POST', '/api/documents', { html: '<html><body></body></html>' });
    expect(page.status).toBe(400);
    expect(page.body.error).toMatchObject({ field: 'html', message: 'html: no article text found in the page' });
  });

  it('documents: an unknown id is 404 in the JSON error shape', async () => {
    const { status, body } = await call(app, 'GET', '/api/documents/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'no document with id "nope"' } });
  });
});

describe('errors', () => {
  it('errors: an unexpected failure is a bare 500, logged on the server, no stack to the client', async () => {
    const logged: string[] = [];
    const broken = { getDocument: async () => { throw new Error('disk on fire at /var/secret/path'); } } as unknown as Store;
    const { app: bad } = await testApp({ store: broken, log: (m) => logged.push(m) });
    const { status, body } = await call(bad, 'GET', '/api/documents/x');
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'internal error: the server could not complete the request' } });
    expect(logged[0]).toMatch(/disk on fire[\s\S]*at /);
  });

  it('errors: an unknown route is 404 JSON', async () => {
    expect((await call(app, 'GET', '/api/nothing')).body.error.code).toBe('not_found');
  });

  it('errors: a loopback server refuses other Host names (DNS rebinding)', async () => {
    const { app: guarded } = await testApp({ store, allowedHosts: ['127.0.0.1', 'localhost'] });
    expect((await call(guarded, 'GET', '/api/health', undefined, { host: 'evil.example:8080' })).status).toBe(403);
    expect((await call(guarded, 'GET', '/api/health', undefined, { host: '127.0.0.1:8080' })).status).toBe(200);
  });

  it('errors: pages get a strict Content-Security-Policy', async () => {
    const { headers } = await call(app, 'GET', '/api/health');
    expect(headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
