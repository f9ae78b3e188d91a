import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { defaultModel } from './default-model.js';
import { between, docIndex, markFoundCues } from './doc-index.js';
import { tokenAttributes, type TokenAttributes } from './token-attributes.js';

const TEXT = `“It is over,” she said; aides added that talks, which began in May: would resume.
He told reporters that he expected a deal. “Not yet,” a spokesman said, according to the agency.`;

function attrs(): TokenAttributes {
  return tokenAttributes(buildContext(analyzeText(TEXT)), defaultModel().lexicon);
}

/** The first position ≥ i whose token passes `is`, or n: the definition, by scanning. */
function scanNext(a: TokenAttributes, i: number, is: (k: number) => boolean): number {
  for (let k = i; k < a.count; k++) if (is(k)) return k;
  return a.count;
}

function scanPrev(a: TokenAttributes, i: number, is: (k: number) => boolean): number {
  for (let k = i; k >= 0; k--) if (is(k)) return k;
  return -1;
}

describe('markFoundCues', () => {
  it('markFoundCues: marks the found cues, not the near misses, and the distances equal scanning for the nearest found cue', () => {
    const a = attrs();
    const idx = docIndex(a, []);
    const cues = [{ start: 5, end: 6 }, { start: 9, end: 11 }, { start: 14, end: 15, nearMiss: true as const }, { start: 20, end: 21 }];
    markFoundCues(idx, cues);
    const first = (k: number) => k === 5 || k === 9 || k === 20;
    const inFound = (k: number) => k === 5 || k === 9 || k === 10 || k === 20;
    for (let i = 0; i < a.count; i++) {
      expect(idx.inFoundCue[i]).toBe(inFound(i) ? 1 : 0);
      expect(idx.foundCues[i + 1] - idx.foundCues[i]).toBe(first(i) ? 1 : 0);
      const next = scanNext(a, i + 1, first);
      expect(idx.toFoundCue[i]).toBe(next < a.count ? next - i : 255);
      const last = i > 0 ? scanPrev(a, i - 1, inFound) : -1;
      expect(idx.fromFoundCue[i]).toBe(last >= 0 ? i - last : 255);
    }
    expect(between(idx.foundCues, 0, 12)).toBe(2);
    markFoundCues(idx, []);
    expect(idx.inFoundCue.every((x) => x === 0) && idx.foundCues.every((x) => x === 0) && idx.toFoundCue.every((x) => x === 255)).toBe(true);
  });
});
