import type { Candidate, RuleContext } from '../context.js';
import { extendCueLeft, gapSource, sourceAfter, sourceBefore } from '../noun-phrase.js';
import { afterQuote, isQuoteCue, quoteCandidate } from './shared.js';
import { QUOTE } from '../../text/tokens.js';

const MAX_GAP = 25;
const DASHES = new Set(['—', '–', '―', '-', '--']);

/**
 * `“…,” he said` · `“…,” said Smith` · `“…,” Putin told reporters on Thursday` ·
 * `“…,” the economist Jared Bernstein, a former adviser, wrote`: the cue follows the quote.
 * @example quoteThenCue(ctx, 0)
 */
export function quoteThenCue(ctx: RuleContext, q: number): Candidate | null {
  const after = afterQuote(ctx, q);
  let t = after.start;
  if (t < after.end && DASHES.has(ctx.lower[t])) {
    // “…” ― Esther Tapia: a signature line
    const source = sourceAfter(ctx, t + 1, after.end);
    if (source && source.end >= after.end - 1 && source.end - source.start <= 6) {
      return quoteCandidate(ctx, q, { start: t, end: t + 1 }, source, 'quote.quote-dash-name', 0.85);
    }
  }
  if (t < after.end && (ctx.lower[t] === ',' || DASHES.has(ctx.lower[t]))) t++;
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
    const whole = gapSource(ctx, t, cue.start);
    const source = whole ?? sourceBefore(ctx, cue.start, t);
    if (!source) return null;
    return quoteCandidate(ctx, q, cue, source, 'quote.quote-source-said', whole ? 0.95 : 0.75);
  }
  return null;
}
