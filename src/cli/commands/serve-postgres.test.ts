import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PG, scratchDatabase, TEST_PG } from '../../../test/helpers/postgres.js';
import type { Listening } from '../../server/listen.js';
import { startServe } from '../serve-run.js';

/** The API over HTTP on a PostgreSQL corpus: what `onrecord serve --db postgres://…` serves. */
describe.skipIf(!TEST_PG)('onrecord serve on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let server: Listening;
  const logged: string[] = [];
  beforeAll(async () => {
    db = await scratchDatabase(TEST_PG as string, 'serve');
    server = await startServe({ db: db.url, port: '0', host: '127.0.0.1', jobs: '1', loadSample: true }, (line) => logged.push(line));
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const get = async (path: string): Promise<any> => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    return res.json();
  };

  it('serve: loads the sample into an empty PostgreSQL corpus and says where it serves it from', async () => {
    expect(logged.join('\n')).toMatch(/loaded the sample corpus: 12 articles/);
    expect(logged.join('\n')).toMatch(/corpus postgres:\/\/.*: 12 articles/);
    expect(await get('/api/stats')).toMatchObject({ documents: 12, outlets: expect.any(Number), bytes: expect.any(Number) });
    expect((await get('/api/health')).status).toBe('ok');
  });

  it('serve: search, speakers, a speaker and a document, paged as on SQLite', async () => {
    const page = await get('/api/attributions?q=port&limit=2');
    expect(page.items).toHaveLength(2);
    expect(page.items[0].date >= page.items[1].date).toBe(true);
    const next = await get(`/api/attributions?q=port&limit=2&cursor=${page.nextCursor}`);
    expect(next.items.map((i: { id: string }) => i.id)).not.toContain(page.items[1].id);
    const speakers = await get('/api/speakers?limit=3');
    expect(speakers.items[0].attributions).toBeGreaterThanOrEqual(speakers.items[1].attributions);
    const speaker = await get(`/api/speakers/${speakers.items[0].id}`);
    expect(speaker.latest.length).toBeGreaterThan(0);
    expect((await get(`/api/documents/${encodeURIComponent(page.items[0].documentId)}`)).attributions.length).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/attributions?cursor=nonsense`)).status).toBe(400);
  });

  it('serve: POST /api/documents stores once', async () => {
    const post = () => fetch(`${server.url}/api/documents`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'pg-post-1', date: '2025-03-14', text: '“The quay reopens on Monday,” said Maria Okafor.' }),
    });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
    expect((await get('/api/stats')).documents).toBe(13);
  });
});

describe.skipIf(TEST_PG)('onrecord serve on PostgreSQL', () => {
  it.skip(NO_PG, () => undefined);
});
