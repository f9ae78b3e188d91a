import type { Diagnostic } from '../core/types.js';
import type { Candidate, RuleContext } from './context.js';
import { joinContinuedQuotes } from './refiners/join-continued-quotes.js';
import { joinFollowingQuotes } from './refiners/join-following-quotes.js';
import { mergeSameCue } from './refiners/merge-same-cue.js';
import { orphanQuotes } from './refiners/orphan-quotes.js';
import { accordingTo } from './rules/according-to.js';
import { cueThenQuote } from './rules/cue-then-quote.js';
import { introducedBefore } from './rules/introduced-before.js';
import { mixedQuote } from './rules/mixed-quote.js';
import { quoteThenCue } from './rules/quote-then-cue.js';

type QuoteRule = (ctx: RuleContext, q: number) => Candidate | null;

/** The quote rules, most specific first: the first that matches a quotation wins. */
export const QUOTE_RULES: readonly QuoteRule[] = [quoteThenCue, accordingTo, cueThenQuote, introducedBefore, mixedQuote];

/**
 * Attributes the quotations of a text: each outer quote goes through {@link QUOTE_RULES}, then
 * the refiners merge pieces that share a cue, join quotes that run over paragraphs or follow an
 * attributed one, and keep unattributed full-sentence quotes as speaker-less attributions.
 * @example findQuoteAttributions(buildContext(analyzeText('“No,” he said.')), [])
 */
export function findQuoteAttributions(ctx: RuleContext, diagnostics: Diagnostic[]): Candidate[] {
  const { quotes } = ctx.doc;
  const claimed = new Uint8Array(quotes.length);
  let candidates: Candidate[] = [];
  for (let q = 0; q < quotes.length; q++) {
    if (claimed[q] || quotes[q].depth > 0) continue;
    for (const rule of QUOTE_RULES) {
      const c = rule(ctx, q);
      if (!c) continue;
      candidates.push(c);
      claimQuotesIn(ctx, c, claimed);
      break;
    }
  }
  candidates = mergeSameCue(candidates);
  candidates = joinContinuedQuotes(ctx, candidates, claimed);
  candidates = joinFollowingQuotes(ctx, candidates, claimed);
  return orphanQuotes(ctx, candidates, claimed, diagnostics);
}

/** A mixed attribution's content can hold several quotes ("very promising" but "not perfect"). */
function claimQuotesIn(ctx: RuleContext, c: Candidate, claimed: Uint8Array): void {
  const { quotes } = ctx.doc;
  for (const r of c.content) {
    for (let q = firstOpenAtOrAfter(ctx, r.start); q < quotes.length && quotes[q].open < r.end; q++) {
      if (!c.quotes.includes(q)) c.quotes.push(q);
    }
  }
  for (const q of c.quotes) claimed[q] = 1;
}

function firstOpenAtOrAfter(ctx: RuleContext, t: number): number {
  const { quotes } = ctx.doc;
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].open < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
