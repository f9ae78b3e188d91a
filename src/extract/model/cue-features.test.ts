import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { lookAhead } from './cue-features.js';
import { defaultModel } from './default-model.js';
import { STRONG_CUE_RATE } from './doc-index.js';
import { CLS, tokenAttributes } from './token-attributes.js';

const TEXT = `“It is over,” she said; aides added that talks, which began in May: would resume.
He told reporters that he expected a deal, to be signed soon. “Not yet,” a spokesman said, according to the agency: “We will see.”`;

/** The first position after i and before `end` whose token passes `is`, or `end`: the definition, by scanning. */
function scanNext(i: number, end: number, is: (k: number) => boolean): number {
  for (let k = i + 1; k < end; k++) if (is(k)) return k;
  return end;
}

describe('lookAhead', () => {
  it('lookAhead: each token\'s code and next strong cue word equal scanning its sentence ahead', () => {
    const ctx = buildContext(analyzeText(TEXT));
    const a = tokenAttributes(ctx, defaultModel().lexicon);
    const cls = (c: number) => (k: number) => a.cls[k] === c;
    const strong = (k: number) => a.cueRate[k] >= STRONG_CUE_RATE && a.cueRate[k] <= 10;
    const seen = new Set<number>();
    let strongAhead = 0;
    for (const s of ctx.doc.sentences) {
      const ahead = lookAhead(a, s);
      for (let i = s.start; i < s.end; i++) {
        const end = scanNext(i, Math.min(s.end, i + 9), (k) => a.cls[k] === CLS.terminal || a.cls[k] === CLS.semicolon);
        const next = i + 1 < end ? a.cls[i + 1] : -1;
        const that = scanNext(i, s.end, cls(CLS.that));
        const right = (that < Math.min(end, i + 7) ? 1 : 0)
          | (scanNext(i, end, cls(CLS.quoteOpen)) < end ? 2 : 0)
          | (scanNext(i, Math.min(end, i + 5), cls(CLS.colon)) < Math.min(end, i + 5) ? 4 : 0)
          | (next === CLS.to ? 8 : 0)
          | (scanNext(i, Math.min(end, i + 4), cls(CLS.relative)) < Math.min(end, i + 4) ? 16 : 0)
          | (next === CLS.comma ? 32 : 0);
        const quoteAfter = scanNext(i, s.end, cls(CLS.quoteOpen)) < Math.min(s.end, i + 8) ? 1 : 0;
        const thatAhead = that < Math.min(s.end, i + 4) ? that - i : 0;
        const code = ahead[2 * (i - s.start)];
        expect([code & 63, (code >> 6) & 1, (code >> 7) & 3]).toEqual([right, quoteAfter, thatAhead]);
        expect(ahead[2 * (i - s.start) + 1]).toBe(scanNext(i, s.end, strong));
        seen.add(code);
        if (ahead[2 * (i - s.start) + 1] < s.end) strongAhead++;
      }
    }
    // not vacuous: quote marks, "that", colons, wh-words, "to" and commas all lie ahead somewhere
    const bits = [...seen].reduce((x, y) => x | y, 0);
    expect(bits & 0x1ff).toBe(0x1ff);
    expect(strongAhead).toBeGreaterThan(0);
  });
});
