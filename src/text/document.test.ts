import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryText, splitsSurrogatePair } from '../../test/helpers/arbitrary-text.js';
import { analyzeText, type TextDoc } from './document.js';

/** The latest-opened quote that holds each token, by brute force. */
function naiveQuoteOf(doc: TextDoc): number[] {
  const out = new Array<number>(doc.tokens.count).fill(-1);
  doc.quotes.forEach((q, i) => {
    for (let t = q.open; t <= (q.continues ? q.close - 1 : q.close); t++) out[t] = i;
  });
  return out;
}

describe('analyzeText', () => {
  it('analyzeText: token offsets increase, do not overlap and stay inside the text', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      const { tokens } = analyzeText(text);
      let previousEnd = 0;
      for (let i = 0; i < tokens.count; i++) {
        expect(tokens.start[i]).toBeGreaterThanOrEqual(previousEnd);
        expect(tokens.end[i]).toBeGreaterThan(tokens.start[i]);
        previousEnd = tokens.end[i];
      }
      expect(previousEnd).toBeLessThanOrEqual(text.length);
    }), { numRuns: 500 });
  });

  it('analyzeText: no token boundary splits a surrogate pair', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      const { tokens } = analyzeText(text);
      for (let i = 0; i < tokens.count; i++) {
        expect(splitsSurrogatePair(text, tokens.start[i])).toBe(false);
        expect(splitsSurrogatePair(text, tokens.end[i])).toBe(false);
      }
    }), { numRuns: 500 });
  });

  it('analyzeText: sentences and paragraphs partition the tokens in order', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      const doc = analyzeText(text);
      for (const ranges of [doc.sentences, doc.paragraphs]) {
        let at = 0;
        for (const r of ranges) {
          expect(r.start).toBe(at);
          expect(r.end).toBeGreaterThan(r.start);
          at = r.end;
        }
        expect(at).toBe(doc.tokens.count);
      }
      for (const s of doc.sentences) expect(doc.paragraphOf[s.start]).toBe(doc.paragraphOf[s.end - 1]);
    }), { numRuns: 500 });
  });

  it('analyzeText: every quote stays in one paragraph and opens and closes on quote marks', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      const doc = analyzeText(text);
      for (const q of doc.quotes) {
        const last = q.continues ? q.close - 1 : q.close;
        expect(last).toBeGreaterThan(q.open);
        expect(doc.paragraphOf[q.open]).toBe(doc.paragraphOf[last]);
        if (!q.continues) expect(doc.tokens.kind[q.close]).toBe(doc.tokens.kind[q.open]);
      }
    }), { numRuns: 500 });
  });

  it('analyzeText: quoteOf is the latest-opened quote holding each token', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      const doc = analyzeText(text);
      expect(Array.from(doc.quoteOf)).toEqual(naiveQuoteOf(doc));
    }), { numRuns: 500 });
  });

  it('analyzeText: diagnostic spans are slices of the text', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      for (const d of analyzeText(text).diagnostics) {
        if (d.span) expect(text.slice(d.span.start, d.span.end)).toBe(d.span.text);
      }
    }), { numRuns: 500 });
  });
});
