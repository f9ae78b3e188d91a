import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultWithSpans, spannedTexts } from '../../../test/helpers/round-trip.js';
import { openSqliteStore } from './sqlite-store.js';

describe('sqlite store round trip', () => {
  it('round trip: spans come back exactly, text === input.slice(start, end)', async () => {
    await fc.assert(fc.asyncProperty(spannedTexts, async ([text, cuts]) => {
      const store = openSqliteStore(':memory:');
      const result = resultWithSpans(text, cuts);
      const { id } = await store.putDocument({ text }, result);
      const stored = await store.getDocument(id);
      await store.close();
      expect(stored?.text).toBe(text);
      expect(stored?.attributions.map((a) => [a.contentSpans, a.source])).toEqual(result.attributions.map((a) => [a.content, a.source]));
      for (const a of stored?.attributions ?? []) for (const s of [...a.contentSpans, a.source]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }), { numRuns: 150 });
  });
});
