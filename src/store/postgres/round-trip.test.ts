import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, freshName, NO_PG, TEST_PG } from '../../../test/helpers/postgres.js';
import type { ExtractResult } from '../../core/types.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';

/** Random text (astral characters included) with random well-formed spans over it. */
const documents = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '“', '”', '\n', '😀', 'é', '𝒳'), fc.string({ unit: 'grapheme', maxLength: 1 })), minLength: 1, maxLength: 80 })
  .chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.nat(text.length), fc.nat(text.length)), { maxLength: 4 })));

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
    await fc.assert(fc.asyncProperty(documents, async ([text, cuts]) => {
      const result: ExtractResult = {
        attributions: cuts.map(([a, b, c, d], i) => {
          const [s1, e1] = [Math.min(a, b), Math.max(a, b)];
          const [s2, e2] = [Math.min(c, d), Math.max(c, d)];
          return { id: `a${i + 1}`, kind: 'direct', content: [{ start: s1, end: e1, text: text.slice(s1, e1) }], cue: null, source: { start: s2, end: e2, text: text.slice(s2, e2) }, confidence: 0.5, provenance: ['p'] };
        }),
        entities: [],
        diagnostics: [],
      };
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
