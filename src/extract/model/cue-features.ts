import type { RuleContext, TokenRange } from '../context.js';
import type { DocIndex } from './doc-index.js';
import { FeatureBuffer } from './feature-buffer.js';
import { mix, mix3, mix4 } from './hash.js';
import type { SequenceFeatures } from './linear.js';
import { CLS, type TokenAttributes } from './token-attributes.js';

/** Cue labels: outside, begin, inside. */
export const CUE_LABELS = 3;

const NONE = 0x5bd1e995;

/**
 * Features of the cue tagger for the tokens of one sentence: word, lemma and neighbours, word
 * classes around, the learned cue rate, quote marks near, a following "that".
 * @example cueFeatures(ctx, attrs, index, sentence, mask)
 */
export function cueFeatures(ctx: RuleContext, a: TokenAttributes, idx: DocIndex, s: TokenRange, mask: number): SequenceFeatures {
  const buf = new FeatureBuffer(mask, (s.end - s.start) * 40);
  const at = (arr: Uint32Array | Uint8Array, i: number) => (i >= s.start && i < s.end ? arr[i] : NONE);
  for (let i = s.start; i < s.end; i++) {
    const w = a.word[i];
    const rate = a.cueRate[i];
    const cls = a.cls[i];
    const quoteNear = quoteContext(a, s, i);
    const thatNext = hasThatAhead(a, s, i);
    buf.add(mix(1, 0));
    buf.add(mix(2, w));
    buf.add(mix(3, a.lemma[i]));
    buf.add(mix(4, at(a.word, i - 1)));
    buf.add(mix(5, at(a.word, i + 1)));
    buf.add(mix(6, at(a.word, i - 2)));
    buf.add(mix(7, at(a.word, i + 2)));
    buf.add(mix3(8, at(a.word, i - 1), w));
    buf.add(mix3(9, w, at(a.word, i + 1)));
    buf.add(mix(10, a.shape[i]));
    buf.add(mix(11, a.suffix[i]));
    buf.add(mix4(12, at(a.cls, i - 1), cls, at(a.cls, i + 1)));
    buf.add(mix3(13, at(a.cls, i - 2), at(a.cls, i - 1)));
    buf.add(mix3(14, at(a.cls, i + 1), at(a.cls, i + 2)));
    buf.add(mix(15, rate));
    buf.add(mix3(16, rate, cls));
    buf.add(mix3(17, at(a.cueRate, i - 1), rate));
    buf.add(mix3(18, rate, at(a.cueRate, i + 1)));
    buf.add(mix3(19, a.reporting[i], cls));
    buf.add(mix3(20, a.quote[i], rate));
    buf.add(mix3(21, quoteNear, rate));
    buf.add(mix3(22, quoteNear, a.lemma[i]));
    buf.add(mix3(23, thatNext, rate));
    buf.add(mix3(24, thatNext, a.lemma[i]));
    buf.add(mix3(25, i === s.start ? 1 : i === s.end - 1 ? 2 : 0, cls));
    buf.add(mix3(26, w, at(a.cls, i + 1)));
    buf.add(mix3(27, a.lemma[i], at(a.cls, i - 1)));
    buf.add(mix3(28, a.reporting[i], rate));
    buf.add(mix4(29, a.reporting[i], quoteNear, thatNext));
    buf.add(mix3(31, idx.ruleCue[i] >= 0 ? 1 : idx.ruleContent[i] >= 0 ? 2 : idx.ruleSource[i] >= 0 ? 3 : 0, rate > 10 ? 11 : rate >> 1));
    if (cls === CLS.comma || cls === CLS.colon) buf.add(mix3(30, at(a.word, i - 1), at(a.cls, i + 1)));
    buf.next();
  }
  return buf.finish();
}

/** 1: a closing quote just before (“…,” he said), 2: an opening quote just after (said: “…”), 3: both, 0: neither. */
function quoteContext(a: TokenAttributes, s: TokenRange, i: number): number {
  let v = 0;
  for (let j = i - 1; j >= Math.max(s.start, i - 5); j--) if (a.cls[j] === CLS.quoteClose) { v |= 1; break; }
  for (let j = i + 1; j < Math.min(s.end, i + 8); j++) if (a.cls[j] === CLS.quoteOpen) { v |= 2; break; }
  return v;
}

function hasThatAhead(a: TokenAttributes, s: TokenRange, i: number): number {
  for (let j = i + 1; j < Math.min(s.end, i + 4); j++) if (a.cls[j] === CLS.that) return j - i;
  return 0;
}
