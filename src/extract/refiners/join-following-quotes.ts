import type { Candidate, RuleContext } from '../context.js';
import { endsSentence, quoteRange, startsSentence } from '../rules/shared.js';

/**
 * A quote that fills its own sentence right after an attributed quote continues it:
 * `“…,” she said. “…”`, and a paragraph that is only a quote continues the attribution that
 * ends the paragraph before (`Caddell said …¶“More.”`). Each becomes another content piece.
 * @example joinFollowingQuotes(ctx, candidates, claimed)
 */
export function joinFollowingQuotes(ctx: RuleContext, candidates: Candidate[], claimed: Uint8Array): Candidate[] {
  const { quotes } = ctx.doc;
  const sorted = [...candidates].sort((a, b) => lastToken(a) - lastToken(b));
  let k = -1;
  for (let q = 0; q < quotes.length; q++) {
    if (claimed[q] || quotes[q].depth > 0 || !startsSentence(ctx, q) || !endsSentence(ctx, q)) continue;
    const open = quotes[q].open;
    while (k + 1 < sorted.length && lastToken(sorted[k + 1]) < open) k++;
    const previous = k >= 0 ? sorted[k] : undefined;
    if (!previous || !previous.quotes.length || !followsDirectly(ctx, lastToken(previous), open)) continue;
    previous.content.push(quoteRange(ctx, q));
    previous.quotes.push(q);
    if (!previous.provenance.includes('quote.join-following')) previous.provenance.push('quote.join-following');
    claimed[q] = 1; // previous still sorts before sorted[k + 1]: nothing between them is attributed
  }
  return candidates;
}

function lastToken(c: Candidate): number {
  let last = -1;
  for (const r of c.content) last = Math.max(last, r.end - 1);
  if (c.cue) last = Math.max(last, c.cue.end - 1);
  if (c.source) last = Math.max(last, c.source.end - 1);
  return last;
}

/** The quote opens the sentence right after the one where the attribution ends, in the same or the next paragraph. */
function followsDirectly(ctx: RuleContext, last: number, open: number): boolean {
  const { sentenceOf, paragraphOf } = ctx.doc;
  return sentenceOf[open] === sentenceOf[last] + 1 && paragraphOf[open] - paragraphOf[last] <= 1;
}
