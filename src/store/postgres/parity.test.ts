import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, freshName, NO_PG, TEST_PG } from '../../../test/helpers/postgres.js';
import { createExtractor } from '../../ingest/extractor.js';
import { loadSampleCorpus, samplePath } from '../../server/sample-corpus.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { AttributionHit, SearchQuery, Store, StoredAttribution } from '../store.js';
import { openPostgresStore } from './postgres-store.js';

/** The same corpus in both stores answers every query the same (ids aside: each store numbers its own). */
describe.skipIf(!TEST_PG)('sqlite and postgres parity', () => {
  const schema = freshName('parity');
  let sqlite: Store;
  let postgres: Store;
  beforeAll(async () => {
    sqlite = openSqliteStore(':memory:');
    postgres = await openPostgresStore(TEST_PG as string, { schema, maxConnections: 4 });
    const extractor = await createExtractor(1);
    for (const store of [sqlite, postgres]) await loadSampleCorpus(store, extractor, samplePath() as string);
  });
  afterAll(async () => {
    await Promise.all([sqlite?.close(), postgres?.close()]);
    await admin(TEST_PG as string, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const shape = (a: StoredAttribution | AttributionHit) => [a.documentId, a.localId, a.kind, a.content, a.speaker?.name ?? null, a.date];
  const queries: SearchQuery[] = [
    {}, { q: 'port' }, { q: 'dredging OR terminal' }, { q: '"container terminal"' }, { q: 'fish*' }, { q: 'port NOT terminal' }, { q: 'jobs' },
    { speaker: 'Petrov' }, { speaker: 'valdera' }, { outlet: ' estuary radio' }, { kind: 'indirect' }, { from: '2025-03-05', to: '2025-03-12' },
    { q: 'the', limit: 3 }, { q: 'said', kind: 'direct', outlet: 'The Calderwick Courier' },
  ];

  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('parity: search %s', async (_name, query) => {
    const [a, b] = await Promise.all([sqlite.searchAttributions(query), postgres.searchAttributions(query)]);
    expect(b.items.map(shape)).toEqual(a.items.map(shape));
    expect(b.nextCursor === null).toBe(a.nextCursor === null);
  });

  it('parity: speakers, one speaker, a document, the counts, the export', async () => {
    const strip = (s: { id: string }) => ({ ...s, id: undefined });
    const [a, b] = await Promise.all([sqlite.listSpeakers({ limit: 100 }), postgres.listSpeakers({ limit: 100 })]);
    expect(b.items.map(strip)).toEqual(a.items.map(strip));
    expect((await postgres.listSpeakers({ q: 'pet' })).items.map((s) => s.name)).toEqual((await sqlite.listSpeakers({ q: 'pet' })).items.map((s) => s.name));
    const [da, db] = await Promise.all([sqlite.getSpeaker(a.items[0].id), postgres.getSpeaker(b.items[0].id)]);
    expect({ ...db, id: 0, latest: db?.latest.map(shape) }).toEqual({ ...da, id: 0, latest: da?.latest.map(shape) });
    const [ga, gb] = await Promise.all([sqlite.getDocument('sample-01'), postgres.getDocument('sample-01')]);
    expect({ ...gb, ingestedAt: 0, attributions: gb?.attributions.map(shape) }).toEqual({ ...ga, ingestedAt: 0, attributions: ga?.attributions.map(shape) });
    const [sa, sb] = await Promise.all([sqlite.stats(), postgres.stats()]);
    expect({ ...sb, bytes: 0 }).toEqual({ ...sa, bytes: 0 });
    const all = async (s: Store) => {
      const out = [];
      for await (const hit of s.exportAttributions()) out.push(shape(hit));
      return out;
    };
    expect(await all(postgres)).toEqual(await all(sqlite));
  });
});

describe.skipIf(TEST_PG)('sqlite and postgres parity', () => {
  it.skip(NO_PG, () => undefined);
});
