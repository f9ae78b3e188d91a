import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, freshName, NO_PG, TEST_PG } from '../../../test/helpers/postgres.js';
import { resultWithSpans, spannedTexts } from '../../../test/helpers/round-trip.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';

describe.skipIf(!TEST_PG)('postgres store round trip', () => {
  const schema = freshName('roundtrip');
  let store: PostgresStore;
  beforeAll(async () => {
    store = await openPostgresStore(TEST_PG as string, { schema, maxConnections: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await admin(TEST_PG as string, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('round trip: spans come back exactly, text === input.slice(start, end)', async () => {
    await fc.assert(fc.asyncProperty(spannedTexts, async ([text, cuts]) => {
      const result = resultWithSpans(text, cuts);
      await store.pool.query('DELETE FROM documents'); // texts repeat across runs (" " and "\n" are one text)
      const { id } = await store.putDocument({ text }, result);
      const stored = await store.getDocument(id);
      expect(stored?.text).toBe(text.replace(/\0/g, '\ufffd'));
      expect(stored?.attributions.map((a) => [a.contentSpans, a.source])).toEqual(result.attributions.map((a) => [a.content, a.source]));
      for (const a of stored?.attributions ?? []) for (const s of [...a.contentSpans, a.source]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }), { numRuns: 60 });
  });
});

describe.skipIf(TEST_PG)('postgres store round trip', () => {
  it.skip(NO_PG, () => undefined);
});
