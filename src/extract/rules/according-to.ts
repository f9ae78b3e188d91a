import { sentenceAt, type Candidate, type RuleContext } from '../context.js';
import { sourceAfter } from '../noun-phrase.js';
import { afterQuote, endsSentence, quoteCandidate } from './shared.js';

/**
 * `according to Smith, “…”` and `“…,” according to Smith`.
 * @example accordingTo(ctx, 0)
 */
export function accordingTo(ctx: RuleContext, q: number): Candidate | null {
  const after = afterQuote(ctx, q);
  let t = after.start;
  if (ctx.lower[t] === ',') t++;
  if (ctx.lower[t] === 'according' && ctx.lower[t + 1] === 'to') {
    const source = sourceAfter(ctx, t + 2, after.end);
    if (source) return quoteCandidate(ctx, q, { start: t, end: t + 2 }, source, 'quote.according-to', 0.9);
  }
  const open = ctx.doc.quotes[q].open;
  const sentence = sentenceAt(ctx, open);
  if (!endsSentence(ctx, q) || ctx.lower[open - 1] !== ',') return null;
  for (let j = open - 2; j > sentence.start; j--) {
    if (ctx.lower[j - 1] !== 'according' || ctx.lower[j] !== 'to') continue;
    const source = sourceAfter(ctx, j + 1, open - 1);
    return source ? quoteCandidate(ctx, q, { start: j - 1, end: j + 1 }, source, 'quote.according-to', 0.9) : null;
  }
  return null;
}
