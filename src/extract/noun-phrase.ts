import { isUpper } from '../text/chars.js';
import { NUMBER, QUOTE, WORD } from '../text/tokens.js';
import { isPunct, isTerminalToken, type RuleContext, type TokenRange } from './context.js';
import words from './data/function-words.json' with { type: 'json' };

const MODIFIERS = new Set(words.cueModifiers);
const OPENERS = new Set(words.clauseOpeners);
const RELATIVES = new Set(words.relativePronouns);
const PRONOUNS = new Set(words.pronouns);
const ENDERS = new Set(words.sourceEnders);
const ENDERS_BEFORE_OCCASION = new Set(words.sourceEndersBeforeOccasion);
const OCCASION = new Set(words.occasionWords);
const NOT_NP_STARTERS = new Set(words.notNounPhraseStarters);
const BARRIERS = new Set([':', ';', '[', ']', '—', '–', '--', '-', '―', 'that']);
const MAX_SOURCE = 40;

/**
 * Extends a cue verb leftwards over auxiliaries and adverbs: "has also said", "later told".
 * @example extendCueLeft(ctx, {start: 5, end: 6}, 0) // covers "also said"
 */
export function extendCueLeft(ctx: RuleContext, cue: TokenRange, limit: number): TokenRange {
  let s = cue.start;
  while (s - 1 > limit && MODIFIERS.has(ctx.lower[s - 1]) && !PRONOUNS.has(ctx.lower[s - 1])) s--;
  return { start: s, end: cue.end };
}

/**
 * The subject that ends right before the cue at `end`: "he", "the announcer" (not "As a phone
 * rang, the announcer"), "Smith, a spokesman," (an appositive when a comma precedes the cue).
 * A participle cue ("…, saying “…”") takes the subject of its clause instead.
 * @example sourceBefore(ctx, cueStart, sentenceStart)
 */
export function sourceBefore(ctx: RuleContext, end: number, limit: number): TokenRange | null {
  const s = clauseStart(ctx, end, limit);
  if (s >= end) return null;
  if (ctx.lower[end]?.endsWith('ing')) return clauseSubject(ctx, s, end);
  const chunks = splitOnCommas(ctx, s, end);
  let k = chunks.length - 1;
  if (ctx.lower[end - 1] === ',') while (k > 0 && isAppositive(ctx, chunks[k].start)) k--;
  let start = chunks[k].start;
  while (start < end && (OPENERS.has(ctx.lower[start]) || isPunct(ctx, start))) start++;
  return trimmedSource(ctx, start, end) ?? trailingName(ctx, start, end);
}

/**
 * The whole stretch `[from, to)` as a source when it holds no clause barrier: between a quote and
 * its cue (`“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`).
 * @example gapSource(ctx, quoteEnd + 2, cueStart)
 */
export function gapSource(ctx: RuleContext, from: number, to: number): TokenRange | null {
  for (let t = from; t < to; t++) {
    if (ctx.lower[t] === '(') t = skipParenthesis(ctx, t, to) - 1;
    else if (isBarrier(ctx, t)) return null;
  }
  return trimmedSource(ctx, from, to);
}

/**
 * The source mention that starts at `from`, after a cue ("said Tom Smith, a spokesman for the
 * campaign"), up to the end of the clause, or to an occasion ("on Monday", "in a statement")
 * or a participle (", adding"); null when it does not look like one.
 * @example sourceAfter(ctx, cueEnd, sentenceEnd)
 */
export function sourceAfter(ctx: RuleContext, from: number, limit: number): TokenRange | null {
  let e = from;
  while (e < limit && e - from < MAX_SOURCE) {
    const w = ctx.lower[e];
    if (ctx.doc.tokens.kind[e] === QUOTE || isTerminalToken(ctx, e) || (BARRIERS.has(w) && w !== 'that')) break;
    if (e > from && endsSourceAfter(ctx, e)) break;
    if (w === '(') { e = skipParenthesis(ctx, e, limit); continue; }
    e++;
  }
  return trimmedSource(ctx, from, e);
}

function endsSourceAfter(ctx: RuleContext, e: number): boolean {
  const w = ctx.lower[e];
  const next = ctx.lower[e + 1] ?? '';
  if (w === ',') return ENDERS.has(next) || next.endsWith('ing');
  if (ENDERS.has(w)) return true;
  return ENDERS_BEFORE_OCCASION.has(w) && OCCASION.has(next);
}

/** The first token after the nearest barrier (quote mark, colon, sentence end) left of `end`; parentheses are stepped over. */
function clauseStart(ctx: RuleContext, end: number, limit: number): number {
  let s = end;
  while (s > limit) {
    if (ctx.lower[s - 1] === ')') {
      const open = openingParenthesis(ctx, s - 1, limit);
      if (open === s - 1) break;
      s = open;
    } else if (isBarrier(ctx, s - 1)) break;
    else s--;
  }
  return s;
}

/** "Blige sings to Clinton before asking her" → "Blige": the noun phrase opening the clause. */
function clauseSubject(ctx: RuleContext, s: number, end: number): TokenRange | null {
  while (s < end && (OPENERS.has(ctx.lower[s]) || isPunct(ctx, s))) s++;
  let e = s;
  while (e < end && (isCapitalized(ctx, e) || PRONOUNS.has(ctx.lower[e]) || e === s && !NOT_NP_STARTERS.has(ctx.lower[e]) || ctx.lower[e] === 'of' || /^['’]s$/.test(ctx.lower[e]))) {
    if (PRONOUNS.has(ctx.lower[e])) { e++; break; }
    e++;
  }
  return trimmedSource(ctx, s, e);
}

/**
 * "In a Bloomberg interview Trump" → "Trump": the run of capitalised words, or a pronoun, just before `end`.
 * @example trailingName(ctx, sentenceStart, colon)
 */
export function trailingName(ctx: RuleContext, start: number, end: number): TokenRange | null {
  if (end - 1 >= start && PRONOUNS.has(ctx.lower[end - 1])) return { start: end - 1, end };
  let s = end;
  while (s > start && isCapitalized(ctx, s - 1)) s--;
  return s < end ? { start: s, end } : null;
}

function trimmedSource(ctx: RuleContext, start: number, end: number): TokenRange | null {
  while (start < end && isPunct(ctx, start)) start++;
  let stop = end;
  while (stop > start && isPunct(ctx, stop - 1) && ctx.lower[stop - 1] !== ')') stop--;
  if (stop <= start || stop - start > MAX_SOURCE || !looksNominal(ctx, start)) return null;
  return { start, end: stop };
}

/** Index past the ")" matching the "(" at `t` (party labels: "Rep. Jim Jordan (R-Ohio)"), or `t + 1` when unmatched. */
function skipParenthesis(ctx: RuleContext, t: number, limit: number): number {
  for (let j = t + 1; j < Math.min(limit, t + 10); j++) if (ctx.lower[j] === ')') return j + 1;
  return t + 1;
}

/** Index of the "(" matching the ")" at `t`, or `t` when unmatched (so the walk stops). */
function openingParenthesis(ctx: RuleContext, t: number, limit: number): number {
  for (let j = t - 1; j >= Math.max(limit, t - 10); j--) if (ctx.lower[j] === '(') return j;
  return t;
}

/** "a spokesman", "the former aide", "who runs …", "R-Ky.": a chunk that describes the one before it. */
function isAppositive(ctx: RuleContext, t: number): boolean {
  const w = ctx.lower[t];
  if (RELATIVES.has(w) && w !== 'that') return true;
  if (/^[rdi]-/.test(w)) return true;
  if (w === 'one' && ctx.lower[t + 1] === 'of') return true;
  if ((w === 'a' || w === 'an' || w === 'the') && t + 1 < ctx.lower.length) return !isCapitalized(ctx, t + 1);
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
  const w = ctx.lower[t];
  return ctx.doc.tokens.kind[t] === QUOTE || isTerminalToken(ctx, t) || BARRIERS.has(w) || w === '(' || w === ')';
}

function isCapitalized(ctx: RuleContext, t: number): boolean {
  return ctx.doc.tokens.kind[t] === WORD && isUpper(ctx.doc.text.charCodeAt(ctx.doc.tokens.start[t]));
}

/** Does not start with a word that cannot open a noun phrase ("to", "which", "adding"). */
function looksNominal(ctx: RuleContext, t: number): boolean {
  const kind = ctx.doc.tokens.kind[t];
  if (kind !== WORD) return kind === NUMBER;
  return !NOT_NP_STARTERS.has(ctx.lower[t]);
}
