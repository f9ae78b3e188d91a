import { isTerminalToken, type Candidate, type RuleContext } from '../context.js';
import { extendCueLeft, sourceBefore } from '../noun-phrase.js';
import { isQuoteCue, quoteCandidate, startsSentence } from './shared.js';

/**
 * A quote whose speaker and cue end the sentence before it with a colon:
 * `Caddell continued:¶“The health issue …”`.
 * @example introducedBefore(ctx, 0)
 */
export function introducedBefore(ctx: RuleContext, q: number): Candidate | null {
  if (!startsSentence(ctx, q)) return null;
  const open = ctx.doc.quotes[q].open;
  const s = ctx.doc.sentenceOf[open];
  if (s === 0) return null;
  const previous = ctx.doc.sentences[s - 1];
  const last = previous.end - 1;
  if (ctx.lower[last] !== ':') return null;
  for (let j = last - 1; j >= previous.start; j--) {
    if (isTerminalToken(ctx, j)) return null;
    if (!isQuoteCue(ctx, j)) continue;
    const cue = extendCueLeft(ctx, { start: j, end: j + 1 }, previous.start);
    const source = sourceBefore(ctx, cue.start, previous.start);
    return quoteCandidate(ctx, q, cue, source, 'quote.introduced-before', source ? 0.85 : 0.6);
  }
  return null;
}
