import type { RuleContext, TokenRange } from '../context.js';
import { STRONG_CUE_RATE } from './doc-index.js';
import type { FeatureSink } from './feature-buffer.js';
import { mix, mix3, mix4 } from './hash.js';
import { CLS, type TokenAttributes } from './token-attributes.js';

/** Cue labels: outside, begin, inside. */
export const CUE_LABELS = 3;

const NONE = 0x5bd1e995;

/**
 * Features of the cue tagger for the tokens of one sentence: word, lemma and neighbours, word
 * classes around, the learned cue rate, quote marks near, a following "that".
 * @example cueFeatures(ctx, attrs, sentence, new FeatureBuffer(mask))
 */
export function cueFeatures(ctx: RuleContext, a: TokenAttributes, s: TokenRange, buf: FeatureSink): void {
  const h = CONTEXT_HASHES;
  const ahead = lookAhead(a, s);
  // the last closing quote and strong cue word before the token in the sentence (-1: none)
  let lastClose = -1;
  let lastStrong = -1;
  for (let i = s.start; i < s.end; i++) {
    if (!buf.beginGroup(a.form[i])) {
      formFeatures(a, i, buf);
      buf.endGroup();
    }
    neighbourFeatures(a, s, i, h);
    frameFeatures(a, s, i, ahead, lastClose, lastStrong, h);
    tagFeatures(a, s, i, h);
    buf.addAll(h, CONTEXT_FEATURES);
    buf.next();
    if (a.cls[i] === CLS.quoteClose) lastClose = i;
    if (isStrong(a.cueRate[i])) lastStrong = i;
  }
}

/**
 * The context and tag features' hashes of the current token: written at fixed places, then
 * handed to the sink in one call, which an inference sink sums at once (the cue tagger 1.18×
 * faster than with one `add` call per context feature, same-run A/B; the tag features, added one
 * by one after them before, come last, in the same order).
 */
const CONTEXT_FEATURES = 23;
const CONTEXT_HASHES = new Int32Array(CONTEXT_FEATURES);

// The three groups below are separate functions so that V8 optimises each with its own inlining
// budget: in one function most of the 31 hash calls stayed calls (the cue tagger ran 1.05-1.14×
// slower in same-run A/B).

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

/** Words and classes around the token, within its sentence (NONE outside), into `h[0…11]`. */
function neighbourFeatures(a: TokenAttributes, s: TokenRange, i: number, h: Int32Array): void {
  const cls = a.cls[i];
  const prevCls = i > s.start ? a.cls[i - 1] : NONE;
  const nextCls = i + 1 < s.end ? a.cls[i + 1] : NONE;
  const w1 = i - 1 >= s.start ? a.word[i - 1] : NONE;
  const w2 = i - 2 >= s.start ? a.word[i - 2] : NONE;
  h[0] = mix(4, w1);
  h[1] = mix(5, i + 1 < s.end ? a.word[i + 1] : NONE);
  h[2] = mix(6, w2);
  h[3] = mix4(12, prevCls, cls, nextCls);
  h[4] = mix3(13, i - 2 >= s.start ? a.cls[i - 2] : NONE, prevCls);
  h[5] = mix3(14, nextCls, i + 2 < s.end ? a.cls[i + 2] : NONE);
  h[6] = mix3(20, a.quote[i], a.cueRate[i]);
  h[7] = mix3(25, i === s.start ? 1 : i === s.end - 1 ? 2 : 0, cls);
  h[8] = mix3(27, a.lemma[i], prevCls);
  h[9] = mix(45, i - 3 >= s.start ? a.word[i - 3] : NONE);
  h[10] = mix3(51, w2, w1);
  h[11] = mix4(55, a.verbClass[i], prevCls, nextCls);
}

/**
 * What frames the token: quote marks, "that", the words before and after, the nearest strong cue;
 * into `h[12…18]`. `ahead` is the sentence's {@link lookAhead}; `lastClose` and `lastStrong` the
 * last closing quote and strong cue word before `i` in the sentence (-1: none).
 */
function frameFeatures(a: TokenAttributes, s: TokenRange, i: number, ahead: Int32Array, lastClose: number, lastStrong: number, h: Int32Array): void {
  const rate = a.cueRate[i];
  const rateBucket = rate > 10 ? 11 : rate >> 1;
  const code = ahead[2 * (i - s.start)];
  // 1: a closing quote in the 5 tokens before (“…,” he said), 2: an opening quote in the 7 after (said: “…”)
  const quoteContext = (lastClose >= Math.max(s.start, i - 5) ? 1 : 0) | ((code >> AHEAD_QUOTE) & 1) << 1;
  h[12] = mix4(29, a.reporting[i], quoteContext, (code >> AHEAD_THAT) & 3);
  const right = code & RIGHT_FRAME;
  h[13] = mix3(32, a.lemma[i], right);
  h[14] = mix4(37, a.lemmaRate[i], right, a.reporting[i]);
  h[15] = mix4(38, a.suffix[i], right, leftFrame(a, s, i));
  // the nearest strong cue word other than i in the sentence (the left one on a tie)
  const rightCue = ahead[2 * (i - s.start) + 1];
  const hasLeft = lastStrong >= 0;
  const hasRight = rightCue < s.end;
  let side = 0;
  let dist = 0;
  let word = 0;
  if (hasLeft || hasRight) {
    const toLeft = hasLeft && (!hasRight || i - lastStrong <= rightCue - i);
    const j = toLeft ? lastStrong : rightCue;
    const d = toLeft ? i - lastStrong : rightCue - i;
    side = toLeft ? 1 : 2;
    dist = d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
    word = a.word[j];
  }
  h[16] = mix4(40, side, dist, rateBucket);
  h[17] = mix4(41, side, dist, a.lemma[i]);
  h[18] = mix4(42, side, word, rateBucket);
}

/** The token's part of speech, with its neighbours' and with its learned cue rate; into `h[19…22]`. */
function tagFeatures(a: TokenAttributes, s: TokenRange, i: number, h: Int32Array): void {
  const pos = a.pos[i];
  h[19] = mix(60, pos);
  h[20] = mix3(61, i > s.start ? a.pos[i - 1] : NONE, pos);
  h[21] = mix3(62, pos, i + 1 < s.end ? a.pos[i + 1] : NONE);
  h[22] = mix3(63, pos, a.cueRate[i]);
}

/** A cue-rate bucket from {@link STRONG_CUE_RATE} to 10: a strong cue word ("said", "according"). */
function isStrong(rate: number): boolean {
  return rate >= STRONG_CUE_RATE && rate <= 10;
}

/** {@link lookAhead}'s code: the bits of {@link rightFrame} (0–5), an opening quote in the 7 tokens after (6), {@link thatAhead} (7–8). */
const RIGHT_FRAME = 63;
const AHEAD_QUOTE = 6;
const AHEAD_THAT = 7;

/** {@link lookAhead}'s pairs, in a buffer kept between calls (each call overwrites it: it lives while one sentence's features are made). */
let AHEAD = new Int32Array(512);

/**
 * What lies ahead of each token of a sentence, found in one backward scan: per token two
 * numbers, the code of what follows it ({@link RIGHT_FRAME}, {@link AHEAD_QUOTE},
 * {@link AHEAD_THAT}) and the position of the first strong cue word after it in the sentence
 * (`s.end` when none), at `2 * (i - s.start)` and the next place; the last closing quote and
 * strong cue word before a token are followed as the tokens come. Computed per sentence: with
 * nearest-of-kind arrays of the whole document (8 Int32Arrays `prepare` built into `DocIndex`),
 * extract() was about 1.01× slower over dev. The array is a buffer the next call overwrites.
 * @example lookAhead(attrs, sentence)[2 * (i - sentence.start) + 1] // the next strong cue word after i
 */
export function lookAhead(a: TokenAttributes, s: TokenRange): Int32Array {
  const { start, end } = s;
  if (AHEAD.length < 2 * (end - start)) AHEAD = new Int32Array(4 * (end - start));
  const out = AHEAD;
  const cls = a.cls;
  // the first token of each kind after i in the sentence, `end` when none (every bound below is at most `end`)
  let quoteOpen = end, that = end, colon = end, relative = end, brk = end, strong = end;
  let next = -1; // the class of token i + 1 (-1: past the sentence)
  for (let i = end - 1; i >= start; i--) {
    const at = 2 * (i - start);
    out[at] = rightFrame(i, brk, next, that, quoteOpen, colon, relative)
      | (quoteOpen < end && quoteOpen < i + 8 ? 1 << AHEAD_QUOTE : 0)
      | thatAhead(i, end, that) << AHEAD_THAT;
    out[at + 1] = strong;
    const c = (next = cls[i]);
    if (c === CLS.quoteOpen) quoteOpen = i;
    else if (c === CLS.that) that = i;
    else if (c === CLS.colon) colon = i;
    else if (c === CLS.relative) relative = i;
    else if (c === CLS.terminal || c === CLS.semicolon) brk = i;
    if (isStrong(a.cueRate[i])) strong = i;
  }
  return out;
}

/**
 * What follows a possible cue, up to 8 tokens and before a sentence end or semicolon: bit 0 "that" within 6, 1 an opening quote, 2 a colon within 4, 3 "to" next, 4 a wh-word within 3, 5 a comma next.
 * `brk` is the first sentence end or semicolon after i in the sentence, `next` the class of token i + 1, and the
 * other arguments the first token of each kind after i; each is the sentence's end when there is none (-1 for `next`).
 * Plain comparisons, not `Math.min` of three: {@link lookAhead} 1.5× faster over dev.
 */
function rightFrame(i: number, brk: number, next: number, that: number, quoteOpen: number, colon: number, relative: number): number {
  const end = brk < i + 9 ? brk : i + 9;
  const after = i + 1 < end ? next : -1;
  return (that < end && that < i + 7 ? 1 : 0)
    | (quoteOpen < end ? 2 : 0)
    | (colon < end && colon < i + 5 ? 4 : 0)
    | (after === CLS.to ? 8 : 0)
    | (relative < end && relative < i + 4 ? 16 : 0)
    | (after === CLS.comma ? 32 : 0);
}

/** What precedes it: bit 0 a pronoun in the two tokens before, 1 a capitalised word just before. */
function leftFrame(a: TokenAttributes, s: TokenRange, i: number): number {
  const c1 = i - 1 >= s.start ? a.cls[i - 1] : -1;
  const c2 = i - 2 >= s.start ? a.cls[i - 2] : -1;
  return (c1 === CLS.pronoun || c2 === CLS.pronoun ? 1 : 0) | (c1 === CLS.capitalized ? 2 : 0);
}

/** How far ahead the first "that" of the next 3 tokens is (0: none), `that` the first after i in the sentence (`end`, the sentence's end, when none). */
function thatAhead(i: number, end: number, that: number): number {
  return that < end && that < i + 4 ? that - i : 0;
}
