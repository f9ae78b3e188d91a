import { diagnostic } from '../../core/diagnostics.js';
import { makeSpan } from '../../core/span.js';
import type { Diagnostic } from '../../core/types.js';
import { WORD } from '../../text/tokens.js';
import { isTerminalToken, type Candidate, type RuleContext } from '../context.js';
import { endsSentence, quoteCandidate, quoteRange, startsSentence } from '../rules/shared.js';

const MIN_WORDS = 4;

/**
 * A quote that fills a whole sentence but that no rule could attribute is still speech:
 * it becomes an attribution with no source (low confidence) and a `quote-no-speaker` diagnostic.
 * Short quotes inside sentences stay titles or scare quotes.
 * @example orphanQuotes(ctx, candidates, claimed, diagnostics)
 */
export function orphanQuotes(ctx: RuleContext, candidates: Candidate[], claimed: Uint8Array, diagnostics: Diagnostic[]): Candidate[] {
  const { quotes, tokens, text } = ctx.doc;
  for (let q = 0; q < quotes.length; q++) {
    if (claimed[q] || quotes[q].depth > 0 || quotes[q].level !== 1) continue;
    if (!startsSentence(ctx, q) || !endsSentence(ctx, q)) continue;
    const range = quoteRange(ctx, q);
    let words = 0;
    for (let t = range.start; t < range.end; t++) if (tokens.kind[t] === WORD) words++;
    if (words < MIN_WORDS || !punctuated(ctx, range.end - 1)) continue;
    candidates.push(quoteCandidate(ctx, q, null, null, 'quote.orphan', 0.3));
    claimed[q] = 1;
    diagnostics.push(diagnostic('quote-no-speaker', { span: makeSpan(text, tokens.start[range.start], tokens.end[range.end - 1]) }));
  }
  return candidates;
}

/**
 * Speech ends with punctuation inside or right after its closing mark (“We will win.” or
 * “We will win”.); a heading or title does not (“The Long Road Home”).
 */
function punctuated(ctx: RuleContext, last: number): boolean {
  for (let t = last; t >= last - 2 && t >= 0; t--) if (isTerminalToken(ctx, t) || ctx.lower[t] === ',') return true;
  return last + 1 < ctx.lower.length && isTerminalToken(ctx, last + 1);
}
