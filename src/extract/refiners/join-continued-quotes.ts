import type { Candidate, RuleContext } from '../context.js';
import { quoteRange } from '../rules/shared.js';

/**
 * A quotation that runs over several paragraphs is one statement even when its speaker is named
 * only in the last one: `“We will rebuild.¶“Every house,” she said.` — the earlier paragraphs,
 * which no rule attributed, become content pieces of the attribution that holds the last.
 * @example joinContinuedQuotes(ctx, candidates, claimed)
 */
export function joinContinuedQuotes(ctx: RuleContext, candidates: Candidate[], claimed: Uint8Array): Candidate[] {
  const { quotes } = ctx.doc;
  const runsInto = new Map<number, number>(); // first token of the next paragraph → the quote that runs on into it
  quotes.forEach((q, i) => { if (q.continues) runsInto.set(q.close, i); });
  if (!runsInto.size) return candidates;
  for (const c of candidates) {
    const first = Math.min(...c.quotes);
    let q = first;
    for (let p = runsInto.get(quotes[q].open); quotes[q].continuation && p !== undefined && !claimed[p]; p = runsInto.get(quotes[q].open)) {
      c.content.unshift(quoteRange(ctx, p));
      c.quotes.push(p);
      claimed[p] = 1;
      q = p;
    }
    if (q !== first && !c.provenance.includes('quote.join-continued')) c.provenance.push('quote.join-continued');
  }
  return candidates;
}
