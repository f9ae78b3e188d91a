import fc from 'fast-check';
import type { ExtractResult } from '../../src/core/types.js';

/** Random text (astral characters included) with up to four pairs of random cut points in it. */
export const spannedTexts = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '“', '”', '\n', '😀', 'é', '𝒳'), fc.string({ unit: 'grapheme', maxLength: 1 })), minLength: 1, maxLength: 80 })
  .chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.nat(text.length), fc.nat(text.length)), { maxLength: 4 })));

/**
 * An extraction result with one attribution per pair of cuts: content between the first two,
 * source between the last two, each span's text sliced from `text`.
 * @example resultWithSpans('abc', [[0, 1, 2, 3]]).attributions[0].source?.text // 'c'
 */
export function resultWithSpans(text: string, cuts: Array<[number, number, number, number]>): ExtractResult {
  return {
    attributions: cuts.map(([a, b, c, d], i) => {
      const [s1, e1] = [Math.min(a, b), Math.max(a, b)];
      const [s2, e2] = [Math.min(c, d), Math.max(c, d)];
      return { id: `a${i + 1}`, kind: 'direct', content: [{ start: s1, end: e1, text: text.slice(s1, e1) }], cue: null, source: { start: s2, end: e2, text: text.slice(s2, e2) }, confidence: 0.5, provenance: ['p'] };
    }),
    entities: [],
    diagnostics: [],
  };
}
