import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/types.js';
import { openSqliteStore } from './sqlite-store.js';

/** Random text (astral characters included) with random well-formed spans over it. */
const documents = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '“', '”', '\n', '😀', 'é', '𝒳'), fc.string({ unit: 'grapheme', maxLength: 1 })), minLength: 1, maxLength: 80 })
  .chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.nat(text.length), fc.nat(text.length)), { maxLength: 4 })));

describe('sqlite store round trip', () => {
  it('round trip: spans come back exactly, text === input.slice(start, end)', async () => {
    await fc.assert(fc.asyncProperty(documents, async ([text, cuts]) => {
      const store = openSqliteStore(':memory:');
      const result: ExtractResult = {
        attributions: cuts.map(([a, b, c, d], i) => {
          const [s1, e1] = [Math.min(a, b), Math.max(a, b)];
          const [s2, e2] = [Math.min(c, d), Math.max(c, d)];
          return { id: `a${i + 1}`, kind: 'direct', content: [{ start: s1, end: e1, text: text.slice(s1, e1) }], cue: null, source: { start: s2, end: e2, text: text.slice(s2, e2) }, confidence: 0.5, provenance: ['p'] };
        }),
        entities: [],
        diagnostics: [],
      };
      const { id } = await store.putDocument({ text }, result);
      const stored = await store.getDocument(id);
      await store.close();
      expect(stored?.text).toBe(text);
      expect(stored?.attributions.map((a) => [a.contentSpans, a.source])).toEqual(result.attributions.map((a) => [a.content, a.source]));
      for (const a of stored?.attributions ?? []) for (const s of [...a.contentSpans, a.source]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }), { numRuns: 150 });
  });
});
