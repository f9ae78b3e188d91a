import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/types.js';
import { analyzeText } from '../text/document.js';
import { resolveSpeakers } from './index.js';

/** The speaker name resolved for the first occurrence of `source` in `text`. */
function speakerOf(text: string, source: string): string | null {
  const at = text.indexOf(source);
  const from = at + source.length;
  const end = text.indexOf('.', from);
  const a: Attribution = {
    id: 'a', kind: 'indirect', content: [{ start: from, end, text: text.slice(from, end) }], cue: null,
    source: { start: at, end: from, text: source }, confidence: 1, provenance: [],
  };
  resolveSpeakers(analyzeText(text), [a], []);
  return a.speaker?.name ?? null;
}

describe('supportedNominal', () => {
  it.each([
    ['supportedNominal: a noun before the role makes another role ("band leader" is no leader of a country)',
      'Russian President Ivan Petrov arrived. At the dinner, the band leader called guests to the stage.', 'the band leader', 'band leader'],
    ['supportedNominal: title modifiers and demonyms keep the title',
      'Russian President Ivan Petrov arrived. At the dinner, the former Russian leader called guests to the stage.', 'the former Russian leader', 'Ivan Petrov'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
