import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { call, testApp } from '../../../test/helpers/server.js';
import type { Store } from '../../store/store.js';

let app: Hono;
let store: Store;
beforeAll(async () => ({ app, store } = await testApp({ sample: true })));
afterAll(() => store.close());

describe('GET /api/attributions', () => {
  it('attributions: words and a speaker, newest first, with the document', async () => {
    const { status, body } = await call(app, 'GET', '/api/attributions?q=evidence&speaker=Valdera');
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    for (const hit of body.items) expect(hit.speaker.name).toMatch(/Valdera/);
    expect(body.items[0].document).toMatchObject({ outlet: 'Ashford Coast Herald', date: '2025-04-03' });
  });

  it('attributions: pages follow the cursor without repeats', async () => {
    const seen: string[] = [];
    let path = '/api/attributions?limit=5';
    for (;;) {
      const { body } = await call(app, 'GET', path);
      seen.push(...body.items.map((h: { id: string }) => h.id));
      if (!body.nextCursor) break;
      path = `/api/attributions?limit=5&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen.length).toBe((await store.stats()).attributions);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('attributions: outlet, kind and date filters combine', async () => {
    const { body } = await call(app, 'GET', '/api/attributions?outlet=estuary%20radio&kind=direct&from=2025-03-10&to=2025-03-31');
    expect(body.items.length).toBeGreaterThan(0);
    for (const hit of body.items) {
      expect(hit.document.outlet).toBe('Estuary Radio');
      expect(hit.kind).toBe('direct');
      expect(hit.date >= '2025-03-10' && hit.date <= '2025-03-31').toBe(true);
    }
  });

  it.each([
    ['kind=quoted', 'kind'],
    ['from=yesterday', 'from'],
    ['to=2025-13-01', 'to'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['cursor=zzz', 'cursor'],
    ['q=a&q=b', 'q'],
    ['sort=date', 'sort'],
    ['q=%21%21', 'q'],
  ])('attributions: ?%s is 400 naming %s', async (params, field) => {
    const { status, body } = await call(app, 'GET', `/api/attributions?${params}`);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });
});

describe('speakers', () => {
  it('speakers: listed most quoted first, found by name, detailed by id', async () => {
    const list = (await call(app, 'GET', '/api/speakers')).body;
    expect(list.items[0].attributions).toBeGreaterThanOrEqual(list.items[1].attributions);
    const found = (await call(app, 'GET', '/api/speakers?q=lena')).body.items;
    expect(found[0].name).toBe('Lena Haddad');
    expect([...found[0].aliases, ...found[0].variants]).toContain('Hadad');
    const { status, body } = await call(app, 'GET', `/api/speakers/${found[0].id}`);
    expect(status).toBe(200);
    expect(body.statementsPerWeek.length).toBeGreaterThan(1);
    expect(body.outlets.map((o: { outlet: string }) => o.outlet)).toContain('Ashford Coast Herald');
    expect(body.latest[0].speaker.id).toBe(found[0].id);
  });

  it('speakers: an unknown id is 404, a bad limit 400', async () => {
    expect((await call(app, 'GET', '/api/speakers/999999')).status).toBe(404);
    expect((await call(app, 'GET', '/api/speakers/not-a-number')).status).toBe(404);
    expect((await call(app, 'GET', '/api/speakers?limit=x')).body.error.field).toBe('limit');
  });
});

describe('POST /api/sample', () => {
  it('sample: loading again stores nothing new', async () => {
    const before = await store.stats();
    const { status, body } = await call(app, 'POST', '/api/sample', {});
    expect(status).toBe(200);
    expect(body).toEqual({ documents: before.documents, inserted: 0, attributions: 0 });
    expect((await call(app, 'GET', '/api/stats')).body).toMatchObject({ documents: 12, sampleAvailable: true });
  });
});
