import type { Candidate, RuleContext } from '../context.js';
import { isPunct } from '../context.js';
import { extendCueLeft, sourceAfter, sourceBefore } from '../noun-phrase.js';
import { afterQuote, isQuoteCue, quoteCandidate } from './shared.js';
import { QUOTE } from '../../text/tokens.js';

const MAX_GAP = 25;

/**
 * `“…,” he said` · `“…,” said Smith` · `“…,” Putin told reporters on Thursday` ·
 * `“…,” the economist Jared Bernstein, a former adviser, wrote`: the cue follows the quote.
 * @example quoteThenCue(ctx, 0)
 */
export function quoteThenCue(ctx: RuleContext, q: number): Candidate | null {
  const after = afterQuote(ctx, q);
  let t = after.start;
  if (t < after.end && (ctx.lower[t] === ',' || ctx.lower[t] === '—' || ctx.lower[t] === '–')) t++;
  if (t >= after.end) return null;
  if (isQuoteCue(ctx, t)) {
    // "…," said Smith — cue before the speaker
    const source = sourceAfter(ctx, t + 1, after.end);
    return source ? quoteCandidate(ctx, q, { start: t, end: t + 1 }, source, 'quote.quote-said-source', 0.92) : null;
  }
  for (let j = t + 1; j < Math.min(after.end, t + MAX_GAP); j++) {
    if (ctx.doc.tokens.kind[j] === QUOTE) return null;
    if (!isQuoteCue(ctx, j)) continue;
    const cue = extendCueLeft(ctx, { start: j, end: j + 1 }, t);
    const source = sourceBefore(ctx, cue.start, t);
    if (!source) return null;
    const adjacent = source.start === firstWord(ctx, t);
    return quoteCandidate(ctx, q, cue, source, 'quote.quote-source-said', adjacent ? 0.95 : 0.75);
  }
  return null;
}

function firstWord(ctx: RuleContext, t: number): number {
  while (isPunct(ctx, t)) t++;
  return t;
}
