import { isUpper } from '../text/chars.js';
import { QUOTE, WORD } from '../text/tokens.js';
import { isPunct, isTerminalToken, type RuleContext, type TokenRange } from './context.js';
import words from './data/function-words.json' with { type: 'json' };

const MODIFIERS = new Set(words.cueModifiers);
const OPENERS = new Set(words.clauseOpeners);
const RELATIVES = new Set(words.relativePronouns);
const STOP_AFTER = new Set(['on', 'at', 'during', 'after', 'before', 'when', 'while', 'via', 'as', 'in', 'to', 'from', 'with', 'by', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'tonight', 'adding', 'saying', 'according', 'and', 'but', 'because', 'since', 'though', 'although']);
const BARRIERS = new Set([':', ';', '(', ')', '[', ']', '—', '–', '--', '-', 'that']);
const MAX_SOURCE = 30;

/**
 * Extends a cue verb leftwards over auxiliaries and adverbs: "has also said", "later told".
 * @example extendCueLeft(ctx, {start: 5, end: 6}, 0) // covers "also said"
 */
export function extendCueLeft(ctx: RuleContext, cue: TokenRange, limit: number): TokenRange {
  let s = cue.start;
  while (s - 1 > limit && MODIFIERS.has(ctx.lower[s - 1]) && !isPronounLike(ctx, s - 1)) s--;
  return { start: s, end: cue.end };
}

/**
 * The source mention that ends right before `end` ("he", "the economist Jared Bernstein, a former
 * adviser,"), found by walking left to a clause boundary; null when nothing noun-like is there.
 * @example sourceBefore(ctx, cueStart, sentenceStart)
 */
export function sourceBefore(ctx: RuleContext, end: number, limit: number): TokenRange | null {
  let s = end;
  while (s > limit && !isBarrier(ctx, s - 1)) s--;
  if (s >= end) return null;
  const chunks = splitOnCommas(ctx, s, end);
  let k = chunks.length - 1;
  while (k > 0 && isAppositive(ctx, chunks[k].start)) k--;
  let start = chunks[k].start;
  while (start < end && (OPENERS.has(ctx.lower[start]) || isPunct(ctx, start))) start++;
  let stop = end;
  while (stop > start && isPunct(ctx, stop - 1)) stop--;
  if (stop <= start || stop - start > MAX_SOURCE || !looksNominal(ctx, start)) return null;
  return { start, end: stop };
}

/**
 * The source mention that starts at `from`, after a cue ("said Tom Smith, a spokesman"), up to
 * the end of the clause or a time phrase; null when it does not look like one.
 * @example sourceAfter(ctx, cueEnd, sentenceEnd)
 */
export function sourceAfter(ctx: RuleContext, from: number, limit: number): TokenRange | null {
  let e = from;
  while (e < limit && e - from < MAX_SOURCE) {
    const w = ctx.lower[e];
    if (ctx.doc.tokens.kind[e] === QUOTE || isTerminalToken(ctx, e) || BARRIERS.has(w) && w !== 'that') break;
    if (e > from && STOP_AFTER.has(w) && !(w === 'to' && ctx.lower[e - 1] === 'according')) break;
    if (w === ',' && e + 1 < limit && (STOP_AFTER.has(ctx.lower[e + 1]) || ctx.lower[e + 1].endsWith('ing'))) break;
    e++;
  }
  while (e > from && isPunct(ctx, e - 1)) e--;
  if (e <= from || !looksNominal(ctx, from)) return null;
  return { start: from, end: e };
}

/** "a spokesman", "the former aide", "who runs …": a chunk that describes the one before it. */
function isAppositive(ctx: RuleContext, t: number): boolean {
  const w = ctx.lower[t];
  if (RELATIVES.has(w) && w !== 'that') return true;
  if ((w === 'a' || w === 'an' || w === 'the') && t + 1 < ctx.lower.length) {
    return !isUpper(ctx.doc.text.charCodeAt(ctx.doc.tokens.start[t + 1]));
  }
  return false;
}

function splitOnCommas(ctx: RuleContext, s: number, e: number): TokenRange[] {
  const out: TokenRange[] = [];
  let from = s;
  for (let t = s; t < e; t++) {
    if (ctx.lower[t] !== ',') continue;
    if (t > from) out.push({ start: from, end: t });
    from = t + 1;
  }
  if (e > from) out.push({ start: from, end: e });
  return out.length ? out : [{ start: s, end: e }];
}

function isBarrier(ctx: RuleContext, t: number): boolean {
  return ctx.doc.tokens.kind[t] === QUOTE || isTerminalToken(ctx, t) || BARRIERS.has(ctx.lower[t]);
}

function isPronounLike(ctx: RuleContext, t: number): boolean {
  const w = ctx.lower[t];
  return w === 'he' || w === 'she' || w === 'it' || w === 'they' || w === 'i' || w === 'we';
}

/** Starts with a capital, a number, a determiner or a pronoun: something that can name a speaker. */
function looksNominal(ctx: RuleContext, t: number): boolean {
  const kind = ctx.doc.tokens.kind[t];
  if (kind !== WORD) return kind === 2;
  if (isUpper(ctx.doc.text.charCodeAt(ctx.doc.tokens.start[t]))) return true;
  return NP_STARTERS.has(ctx.lower[t]);
}

const NP_STARTERS = new Set(words.npStarters);
