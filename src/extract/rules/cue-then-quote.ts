import { isTerminalToken, sentenceAt, type Candidate, type RuleContext } from '../context.js';
import { extendCueLeft, sourceBefore, trailingName } from '../noun-phrase.js';
import { endsSentence, isQuoteCue, quoteCandidate } from './shared.js';
import { QUOTE } from '../../text/tokens.js';

const MAX_GAP = 12;

/**
 * `Smith said: “…”` · `Smith told reporters on Thursday: “…”` · `Smith said, “…”` ·
 * `Smith said “…”`: the cue precedes a quote that ends the sentence.
 * @example cueThenQuote(ctx, 0)
 */
export function cueThenQuote(ctx: RuleContext, q: number): Candidate | null {
  const open = ctx.doc.quotes[q].open;
  const sentence = sentenceAt(ctx, open);
  if (!endsSentence(ctx, q)) return null;
  let t = open - 1;
  if (t < sentence.start) return null;
  const w = ctx.lower[t];
  const marked = w === ':' || w === ',';
  if (marked) t--;
  for (let j = t; j >= Math.max(sentence.start, t - MAX_GAP); j--) {
    if (ctx.doc.tokens.kind[j] === QUOTE || isTerminalToken(ctx, j)) return null;
    if (!isQuoteCue(ctx, j)) continue;
    if (!marked && j !== t) return null; // Smith said the plan was “a disaster” is mixed, not direct
    const cue = extendCueLeft(ctx, { start: j, end: j + 1 }, sentence.start);
    const source = sourceBefore(ctx, cue.start, sentence.start);
    return quoteCandidate(ctx, q, cue, source, 'quote.source-said-quote', source ? 0.9 : 0.6);
  }
  return w === ':' ? colonQuote(ctx, open - 1, sentence.start, q) : null;
}

/** `A lesson from Loretta Lynch: ‘Be the voice…’` — a name, a colon and a quote: the colon is the cue. */
function colonQuote(ctx: RuleContext, colon: number, start: number, q: number): Candidate | null {
  const source = trailingName(ctx, start, colon);
  return source ? quoteCandidate(ctx, q, { start: colon, end: colon + 1 }, source, 'quote.name-colon-quote', 0.5) : null;
}
