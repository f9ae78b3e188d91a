import type { RuleContext, TokenRange } from '../context.js';
import type { DocIndex } from './doc-index.js';
import type { FeatureSink } from './feature-buffer.js';
import { mix, mix3, mix4 } from './hash.js';
import { CLS, type TokenAttributes } from './token-attributes.js';

/** Cue labels: outside, begin, inside. */
export const CUE_LABELS = 3;

const NONE = 0x5bd1e995;

/**
 * Features of the cue tagger for the tokens of one sentence: word, lemma and neighbours, word
 * classes around, the learned cue rate, quote marks near, a following "that".
 * @example cueFeatures(ctx, attrs, index, sentence, new FeatureBuffer(mask))
 */
export function cueFeatures(ctx: RuleContext, a: TokenAttributes, idx: DocIndex, s: TokenRange, buf: FeatureSink): void {
  const strong = strongCues(a, s);
  for (let i = s.start; i < s.end; i++) {
    if (!buf.beginGroup(a.form[i])) {
      formFeatures(a, i, buf);
      buf.endGroup();
    }
    neighbourFeatures(a, s, i, buf);
    frameFeatures(a, s, strong, i, buf);
    buf.next();
  }
}

// The three groups below are separate functions so that V8 optimises each with its own inlining
// budget: in one function most of the 31 hash-and-add calls stayed calls (the cue tagger ran
// 1.05-1.14× slower in same-run A/B).

/** What the token's text alone decides (its class too, but for quote marks): one cached sum per form. */
function formFeatures(a: TokenAttributes, i: number, buf: FeatureSink): void {
  const rate = a.cueRate[i];
  const cls = a.cls[i];
  const lrate = a.lemmaRate[i];
  const vc = a.verbClass[i];
  buf.add(mix(1, 0));
  buf.add(mix(2, a.word[i]));
  buf.add(mix(3, a.lemma[i]));
  buf.add(mix(10, a.shape[i]));
  buf.add(mix(11, a.suffix[i]));
  buf.add(mix3(16, rate, cls));
  buf.add(mix3(19, a.reporting[i], cls));
  buf.add(mix3(28, a.reporting[i], rate));
  buf.add(mix(35, lrate));
  buf.add(mix3(36, lrate, cls));
  buf.add(mix3(52, vc, cls));
  buf.add(mix4(54, vc, rate > 10 ? 11 : rate >> 1, lrate > 10 ? 11 : lrate >> 1));
}

/** Words and classes around the token, within its sentence (NONE outside). */
function neighbourFeatures(a: TokenAttributes, s: TokenRange, i: number, buf: FeatureSink): void {
  const cls = a.cls[i];
  const prevCls = i > s.start ? a.cls[i - 1] : NONE;
  const nextCls = i + 1 < s.end ? a.cls[i + 1] : NONE;
  const w1 = i - 1 >= s.start ? a.word[i - 1] : NONE;
  const w2 = i - 2 >= s.start ? a.word[i - 2] : NONE;
  buf.add(mix(4, w1));
  buf.add(mix(5, i + 1 < s.end ? a.word[i + 1] : NONE));
  buf.add(mix(6, w2));
  buf.add(mix4(12, prevCls, cls, nextCls));
  buf.add(mix3(13, i - 2 >= s.start ? a.cls[i - 2] : NONE, prevCls));
  buf.add(mix3(14, nextCls, i + 2 < s.end ? a.cls[i + 2] : NONE));
  buf.add(mix3(20, a.quote[i], a.cueRate[i]));
  buf.add(mix3(25, i === s.start ? 1 : i === s.end - 1 ? 2 : 0, cls));
  buf.add(mix3(27, a.lemma[i], prevCls));
  buf.add(mix(45, i - 3 >= s.start ? a.word[i - 3] : NONE));
  buf.add(mix3(51, w2, w1));
  buf.add(mix4(55, a.verbClass[i], prevCls, nextCls));
}

/** What frames the token: quote marks, "that", the words before and after, the nearest strong cue. */
function frameFeatures(a: TokenAttributes, s: TokenRange, strong: number[], i: number, buf: FeatureSink): void {
  const rate = a.cueRate[i];
  const rateBucket = rate > 10 ? 11 : rate >> 1;
  buf.add(mix4(29, a.reporting[i], quoteContext(a, s, i), hasThatAhead(a, s, i)));
  const right = rightFrame(a, s, i);
  const left = leftFrame(a, s, i);
  buf.add(mix3(32, a.lemma[i], right));
  buf.add(mix4(37, a.lemmaRate[i], right, a.reporting[i]));
  buf.add(mix4(38, a.suffix[i], right, left & 3));
  const other = nearestOther(a, strong, i);
  buf.add(mix4(40, other.side, other.dist, rateBucket));
  buf.add(mix4(41, other.side, other.dist, a.lemma[i]));
  buf.add(mix4(42, other.side, other.word, rateBucket));
}

/** Positions in the sentence of words with a high learned cue rate ("said", "according"). */
function strongCues(a: TokenAttributes, s: TokenRange): number[] {
  const out: number[] = [];
  for (let i = s.start; i < s.end; i++) if (a.cueRate[i] >= 7 && a.cueRate[i] <= 10) out.push(i);
  return out;
}

/** The nearest strong cue word other than i: side (0 none, 1 left, 2 right), distance bucket, its word. */
function nearestOther(a: TokenAttributes, strong: number[], i: number): { side: number; dist: number; word: number } {
  let best = -1;
  for (const j of strong) if (j !== i && (best < 0 || Math.abs(j - i) < Math.abs(best - i))) best = j;
  if (best < 0) return { side: 0, dist: 0, word: 0 };
  const d = Math.abs(best - i);
  return { side: best < i ? 1 : 2, dist: d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6, word: a.word[best] };
}

/** 1: a closing quote just before (“…,” he said), 2: an opening quote just after (said: “…”), 3: both, 0: neither. */
function quoteContext(a: TokenAttributes, s: TokenRange, i: number): number {
  let v = 0;
  for (let j = i - 1; j >= Math.max(s.start, i - 5); j--) if (a.cls[j] === CLS.quoteClose) { v |= 1; break; }
  for (let j = i + 1; j < Math.min(s.end, i + 8); j++) if (a.cls[j] === CLS.quoteOpen) { v |= 2; break; }
  return v;
}

/** What follows a possible cue: bit 0 "that" soon, 1 an opening quote, 2 a colon, 3 "to" next, 4 a wh-word soon, 5 a comma next. */
function rightFrame(a: TokenAttributes, s: TokenRange, i: number): number {
  let v = 0;
  const end = Math.min(s.end, i + 9);
  for (let j = i + 1; j < end; j++) {
    const c = a.cls[j];
    if (c === CLS.terminal || c === CLS.semicolon) break;
    if (c === CLS.that && j - i <= 6) v |= 1;
    else if (c === CLS.quoteOpen) v |= 2;
    else if (c === CLS.colon && j - i <= 4) v |= 4;
    else if (c === CLS.to && j === i + 1) v |= 8;
    else if (c === CLS.relative && j - i <= 3) v |= 16;
    else if (c === CLS.comma && j === i + 1) v |= 32;
  }
  return v;
}

/** What precedes it: bit 0 a pronoun, 1 a capitalised word, 2 a determiner near, 3 an auxiliary, 4 "to", 5 "who", 6 a comma, 7 a closing quote near. */
function leftFrame(a: TokenAttributes, s: TokenRange, i: number): number {
  let v = 0;
  for (let j = i - 1; j >= Math.max(s.start, i - 3); j--) {
    const c = a.cls[j];
    const next = j === i - 1;
    if (c === CLS.pronoun && j >= i - 2) v |= 1;
    else if (c === CLS.capitalized && next) v |= 2;
    else if (c === CLS.determiner) v |= 4;
    else if (c === CLS.auxiliary && next) v |= 8;
    else if (c === CLS.to && next) v |= 16;
    else if (c === CLS.relative && j >= i - 2) v |= 32;
    else if (c === CLS.comma && next) v |= 64;
    else if (c === CLS.quoteClose) v |= 128;
  }
  return v;
}

function hasThatAhead(a: TokenAttributes, s: TokenRange, i: number): number {
  for (let j = i + 1; j < Math.min(s.end, i + 4); j++) if (a.cls[j] === CLS.that) return j - i;
  return 0;
}
