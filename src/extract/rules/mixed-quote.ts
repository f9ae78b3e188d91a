import { REPORTING_VERBS } from '../lexicon.js';
import { isTerminalToken, quoteEnd, sentenceAt, type Candidate, type RuleContext, type TokenRange } from '../context.js';
import { extendCueLeft, sourceBefore } from '../noun-phrase.js';
import { afterQuote, isInsideQuote, isQuoteCue } from './shared.js';
import { QUOTE } from '../../text/tokens.js';

const MAX_REACH = 60;

/**
 * A quotation inside reported speech: `Trump said Putin’s statement was “very promising” but
 * “not perfect”` · `Putin described the invasion as a “special military operation”`. The
 * content is the reported clause, from after the cue to the end of the sentence. Without a
 * reporting verb in the sentence the quote is a title or scare quote, and nothing is returned.
 * @example mixedQuote(ctx, 0)
 */
export function mixedQuote(ctx: RuleContext, q: number): Candidate | null {
  const open = ctx.doc.quotes[q].open;
  const sentence = sentenceAt(ctx, open);
  const clauseEnd = afterQuote(ctx, q).end;
  // look back at most MAX_REACH tokens: pathological sentences full of quotes stay linear
  for (let j = open - 1; j >= Math.max(sentence.start, open - MAX_REACH); j--) {
    if (isTerminalToken(ctx, j)) break;
    if (!REPORTING_VERBS.has(ctx.lower[j]) || isInsideQuote(ctx, j)) continue;
    const cue = extendCueLeft(ctx, { start: j, end: j + 1 }, sentence.start);
    const source = sourceBefore(ctx, cue.start, sentence.start);
    if (!source) continue;
    let start = j + 1;
    if (ctx.lower[start] === ':' || ctx.lower[start] === ',') start++;
    start = thatClause(ctx, start, open) ?? start;
    return mixed(ctx, q, { start, end: closeQuotes(ctx, Math.max(clauseEnd, open + 1)) }, cue, source, 'quote.mixed-said-clause');
  }
  return cueAfter(ctx, q, sentence);
}

/** `…was “a disaster,” Smith said.` — the reporting clause closes the sentence. */
function cueAfter(ctx: RuleContext, q: number, sentence: TokenRange): Candidate | null {
  const after = afterQuote(ctx, q);
  for (let j = after.start; j < Math.min(after.end, after.start + MAX_REACH); j++) {
    if (ctx.doc.tokens.kind[j] === QUOTE) return null;
    if (ctx.lower[j] !== ',' && j !== after.start) continue;
    const from = ctx.lower[j] === ',' ? j + 1 : j;
    for (let k = from; k < Math.min(after.end, from + 12); k++) {
      if (!isQuoteCue(ctx, k)) continue;
      const cue = extendCueLeft(ctx, { start: k, end: k + 1 }, from);
      const source = sourceBefore(ctx, cue.start, from);
      if (!source) return null;
      return mixed(ctx, q, { start: sentence.start, end: j }, cue, source, 'quote.mixed-clause-said');
    }
  }
  return null;
}

/**
 * `…was “very promising” but “not perfect.”` — a content that stops inside a quotation (before
 * its final period) takes in the rest of it, closing mark included, and of any quote around it.
 */
function closeQuotes(ctx: RuleContext, end: number): number {
  const t = end - 1;
  let q = ctx.doc.quoteOf[t];
  for (let depth = 0; q >= 0 && depth < 4; depth++) {
    const last = quoteEnd(ctx, q);
    if (last < t) break;
    end = Math.max(end, last + 1);
    const open = ctx.doc.quotes[q].open;
    q = open > 0 ? ctx.doc.quoteOf[open - 1] : -1;
  }
  return end;
}

/** "told reporters in the Oval Office that …": the content starts at "that" when it comes before the quote. */
function thatClause(ctx: RuleContext, from: number, open: number): number | null {
  for (let t = from; t < Math.min(open, from + 12); t++) {
    if (ctx.lower[t] === 'that') return t;
    if (isTerminalToken(ctx, t) || ctx.lower[t] === ',') return null;
  }
  return null;
}

function mixed(ctx: RuleContext, q: number, content: TokenRange, cue: TokenRange, source: TokenRange, rule: string): Candidate {
  return { content: [content], cue, source, confidence: 0.6, provenance: [rule], quotes: [q] };
}
