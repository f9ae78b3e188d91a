import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { defaultModel } from './default-model.js';
import { between, docIndex, markSureCues, STRONG_CUE_RATE } from './doc-index.js';
import { CLS, tokenAttributes, type TokenAttributes } from './token-attributes.js';

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

describe('docIndex nearest-of-kind arrays', () => {
  it('docIndex: next*/prev* give the nearest token of each kind at or after / at or before every position', () => {
    const a = attrs();
    const idx = docIndex(a, []);
    const cls = (c: number) => (k: number) => a.cls[k] === c;
    const strong = (k: number) => a.cueRate[k] >= STRONG_CUE_RATE && a.cueRate[k] <= 10;
    const brk = (k: number) => a.cls[k] === CLS.terminal || a.cls[k] === CLS.semicolon;
    for (let i = 0; i <= a.count; i++) {
      expect(idx.nextQuoteOpen[i]).toBe(scanNext(a, i, cls(CLS.quoteOpen)));
      expect(idx.nextThat[i]).toBe(scanNext(a, i, cls(CLS.that)));
      expect(idx.nextColon[i]).toBe(scanNext(a, i, cls(CLS.colon)));
      expect(idx.nextRelative[i]).toBe(scanNext(a, i, cls(CLS.relative)));
      expect(idx.nextBreak[i]).toBe(scanNext(a, i, brk));
      expect(idx.nextStrong[i]).toBe(scanNext(a, i, strong));
    }
    for (let i = 0; i < a.count; i++) {
      expect(idx.prevStrong[i]).toBe(scanPrev(a, i, strong));
      expect(idx.prevQuoteClose[i]).toBe(scanPrev(a, i, cls(CLS.quoteClose)));
    }
  });

  it('docIndex: the text has each kind, so the test above is not vacuous', () => {
    const a = attrs();
    const idx = docIndex(a, []);
    for (const next of [idx.nextQuoteOpen, idx.nextThat, idx.nextColon, idx.nextRelative, idx.nextBreak, idx.nextStrong]) expect(next[0]).toBeLessThan(a.count);
    expect(idx.prevQuoteClose[a.count - 1]).toBeGreaterThanOrEqual(0);
  });
});

describe('markSureCues', () => {
  it('markSureCues: marks only positive-margin cues, and the distances equal scanning for the nearest sure cue', () => {
    const a = attrs();
    const idx = docIndex(a, []);
    const cues = [{ start: 5, end: 6, margin: 3 }, { start: 9, end: 11, margin: 0.5 }, { start: 14, end: 15, margin: -2 }, { start: 20, end: 21, margin: 1 }];
    markSureCues(idx, cues);
    const first = (k: number) => k === 5 || k === 9 || k === 20;
    const inSure = (k: number) => k === 5 || k === 9 || k === 10 || k === 20;
    for (let i = 0; i < a.count; i++) {
      expect(idx.inSureCue[i]).toBe(inSure(i) ? 1 : 0);
      expect(idx.sureCues[i + 1] - idx.sureCues[i]).toBe(first(i) ? 1 : 0);
      const next = scanNext(a, i + 1, first);
      expect(idx.toSureCue[i]).toBe(next < a.count ? next - i : 255);
      const last = i > 0 ? scanPrev(a, i - 1, inSure) : -1;
      expect(idx.fromSureCue[i]).toBe(last >= 0 ? i - last : 255);
    }
    expect(between(idx.sureCues, 0, 12)).toBe(2);
    markSureCues(idx, []);
    expect(idx.inSureCue.every((x) => x === 0) && idx.sureCues.every((x) => x === 0) && idx.toSureCue.every((x) => x === 255)).toBe(true);
  });
});
