import { afterAll, describe, expect, it } from 'vitest';
import { storeContract, HARBOUR } from '../../../test/store-contract.js';
import { admin, freshName, NO_PG, TEST_PG } from '../../../test/helpers/postgres.js';
import { resultFor } from '../../../test/helpers/results.js';
import { createPool } from './connection.js';
import { loadPgMigrations, migratePostgres } from './migrate.js';
import { openPostgresStore } from './postgres-store.js';

const schemas: string[] = [];
/** A store in a schema of its own, dropped when the file's tests are done. */
function freshStore(readonly = false, schema = freshName('contract')) {
  schemas.push(schema);
  return openPostgresStore(TEST_PG as string, { schema, readonly, maxConnections: 4 });
}
afterAll(async () => {
  if (TEST_PG && schemas.length) await admin(TEST_PG, `DROP SCHEMA IF EXISTS ${[...new Set(schemas)].join(', ')} CASCADE`);
});

if (!TEST_PG) {
  describe('postgres store', () => it.skip(NO_PG, () => undefined));
} else {
  storeContract('postgres', () => freshStore());

  describe('postgres store', () => {
    it('migrate: workers starting together apply the migrations once', async () => {
      const schema = freshName('race');
      schemas.push(schema);
      const pools = Array.from({ length: 4 }, () => createPool(TEST_PG as string, { schema, max: 1 }));
      const applied = await Promise.all(pools.map((p) => migratePostgres(p, schema)));
      expect(applied.flat()).toEqual(loadPgMigrations().map((m) => m.version));
      await Promise.all(pools.map((p) => p.end()));
    });

    it('migrate: refuses a schema from a newer onrecord', async () => {
      const store = await freshStore();
      await store.pool.query("INSERT INTO schema_migrations VALUES (999, 'future', 'x')");
      await expect(migratePostgres(store.pool, store.schema)).rejects.toThrow(/newer than this onrecord knows/);
      await store.close();
    });

    it('openPostgresStore: read-only opening refuses a schema it would have to migrate, and refuses writes', async () => {
      await expect(freshStore(true)).rejects.toThrow(/schema version 0, older than this onrecord's/);
      const schema = freshName('ro');
      await (await freshStore(false, schema)).close();
      const store = await freshStore(true, schema);
      await expect(store.putDocument({ text: 'x' }, resultFor('x', []))).rejects.toThrow(/read-only/);
      await expect(store.pool.query("INSERT INTO documents (id, text, content_hash, ingested_at) VALUES ('x', 'x', 'x', 'x')")).rejects.toThrow(/read-only transaction/);
      await store.close();
    });

    it('postgres store: concurrent writers store one document once, and one speaker once', async () => {
      const schema = freshName('race');
      const stores = await Promise.all(Array.from({ length: 4 }, () => freshStore(false, schema)));
      const r = resultFor(HARBOUR, [{ content: '“We will not rush the harbour vote,”', source: 'Maria Okafor', cue: 'said' }]);
      const puts = await Promise.all(stores.flatMap((s, i) => [
        s.putDocument({ id: 'same', text: HARBOUR }, r),
        s.putDocument({ id: `copy-${i}`, text: `${HARBOUR} Copy ${i}.` }, r),
      ]));
      expect(puts.filter((p) => p.id === 'same').map((p) => p.status).sort()).toEqual(['inserted', 'unchanged', 'unchanged', 'unchanged']);
      expect(await stores[0].stats()).toMatchObject({ documents: 5, attributions: 5, speakers: 1 });
      expect((await stores[0].listSpeakers({})).items.map((s) => [s.name, s.attributions])).toEqual([['Maria Okafor', 5]]);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('postgres store: NUL characters keep their offsets', async () => {
      const store = await freshStore();
      const text = '“Yes\u0000,” said Maria Okafor.';
      const { id } = await store.putDocument({ text }, resultFor(text, [{ content: '“Yes\u0000,”', source: 'Maria Okafor', cue: 'said' }]));
      const stored = await store.getDocument(id);
      expect(stored?.text).toBe(text.replace('\u0000', '\ufffd'));
      expect(stored?.attributions[0].source).toEqual({ start: text.indexOf('Maria'), end: text.indexOf('Maria') + 12, text: 'Maria Okafor' });
      await store.close();
    });
  });
}
