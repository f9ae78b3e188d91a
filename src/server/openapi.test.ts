import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { schemaErrors } from '../../test/helpers/json-schema.js';
import { call, testApp } from '../../test/helpers/server.js';
import type { Store } from '../store/store.js';
import { OPENAPI } from './openapi.js';

let app: Hono;
let store: Store;
beforeAll(async () => ({ app, store } = await testApp({ sample: true })));
afterAll(() => store.close());

const schemas = OPENAPI.components.schemas as Record<string, unknown>;
/** The schema the document gives for a response, by path, method and status. */
function responseSchema(path: string, method: string, status: number): Record<string, unknown> {
  const op = (OPENAPI.paths as unknown as Record<string, Record<string, { responses: Record<number, { content: { 'application/json': { schema: Record<string, unknown> } } }> }>>)[path][method];
  return op.responses[status].content['application/json'].schema;
}

describe('OpenAPI document', () => {
  it('openapi: served at /api/openapi.json, every route of the app described and nothing else', async () => {
    const { status, body } = await call(app, 'GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect([...new Set(routes)].sort()).toEqual(documented.sort());
  });

  it('openapi: every $ref names a schema that exists', () => {
    const refs = [...JSON.stringify(OPENAPI).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.filter((r) => !(r in schemas))).toEqual([]);
  });

  it('openapi: real responses conform to their schemas', async () => {
    const speaker = (await call(app, 'GET', '/api/speakers')).body.items[0].id;
    const cases: Array<[string, string, number, unknown?]> = [
      ['get', '/api/health', 200], ['get', '/api/stats', 200],
      ['post', '/api/extract', 200, { text: '“We agree,” Mayor Ines Valdera said on Monday.', date: '2025-03-07' }],
      ['post', '/api/documents', 201, { text: '“We disagree,” Councillor Tobias Renn said.', id: 'openapi-1' }],
      ['get', '/api/documents/sample-03', 200], ['get', '/api/attributions?q=terminal', 200], ['get', '/api/speakers', 200],
      ['get', `/api/speakers/${speaker}`, 200], ['post', '/api/sample', 200, {}],
      ['get', '/api/documents/none', 404], ['get', '/api/attributions?kind=x', 400],
    ];
    for (const [method, url, status, body] of cases) {
      const res = await call(app, method.toUpperCase(), url, body);
      expect(res.status, url).toBe(status);
      const path = url.split('?')[0].replace(/^\/api\/(documents|speakers)\/[^/]+$/, '/api/$1/{id}');
      expect(schemaErrors(responseSchema(path, method, status), res.body, schemas), `${method} ${url}`).toEqual([]);
    }
  });

  it('openapi: the checker does catch a response that breaks its schema', () => {
    expect(schemaErrors(schemas.PutResult as Record<string, unknown>, { id: 1, status: 'kept' }, schemas)).toEqual([
      '$: missing attributions',
      '$.id: expected string, got number',
      '$.status: "kept" not in ["inserted","updated","unchanged","duplicate"]',
    ]);
  });
});
