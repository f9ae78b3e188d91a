import { mapPacked } from '../core/arrays.js';
import { makeSpan } from '../core/span.js';
import type { Attribution, AttributionKind, Span } from '../core/types.js';
import { QUOTE } from '../text/tokens.js';
import type { Candidate, RuleContext, TokenRange } from './context.js';

/**
 * Turns token-indexed candidates into attributions with character spans, ordered by their first
 * content piece and numbered `a1`, `a2`, …
 * @example assemble(ctx, candidates)[0].content[0].text // '“No,”'
 */
export function assemble(ctx: RuleContext, candidates: Candidate[]): Attribution[] {
  const sorted = candidates
    .filter((c) => c.content.length > 0)
    .sort((a, b) => a.content[0].start - b.content[0].start);
  return mapPacked(sorted, (c, i) => {
    const content = c.content.map((r) => toSpan(ctx, r));
    return {
      id: `a${i + 1}`,
      kind: c.kind ?? kindOf(ctx, c.content),
      content,
      cue: c.cue ? toSpan(ctx, c.cue) : null,
      source: c.source ? toSpan(ctx, c.source) : null,
      confidence: Math.round(c.confidence * 1000) / 1000,
      provenance: c.provenance,
    };
  });
}

/** The character span of a token range. */
export function toSpan(ctx: RuleContext, r: TokenRange): Span {
  return makeSpan(ctx.doc.text, ctx.doc.tokens.start[r.start], ctx.doc.tokens.end[r.end - 1]);
}

/** Direct when every piece is a whole quotation, mixed when quote marks appear otherwise, else indirect. */
function kindOf(ctx: RuleContext, content: TokenRange[]): AttributionKind {
  const { kind } = ctx.doc.tokens;
  let quoted = 0;
  let marks = 0;
  for (const r of content) {
    let last = r.end - 1;
    while (last > r.start && ctx.lower[last].length === 1 && '.,;:!?'.includes(ctx.lower[last])) last--;
    if (isWholeQuote(ctx, r, last)) quoted++;
    for (let t = r.start; t < r.end; t++) if (kind[t] === QUOTE) marks++;
  }
  if (quoted === content.length) return 'direct';
  return marks > 0 ? 'mixed' : 'indirect';
}

/**
 * The piece is one quotation from its opening to its closing mark (`last`): not `“a” and “b”`,
 * which opens and closes on marks of two quotes. A paragraph of a quote that runs on
 * (`“We will not give up.¶“…”`) is whole, though no mark closes it there.
 */
function isWholeQuote(ctx: RuleContext, r: TokenRange, last: number): boolean {
  const q = ctx.doc.quoteOf[r.start];
  const region = q >= 0 ? ctx.doc.quotes[q] : undefined;
  if (!region || region.open !== r.start) return false;
  return region.continues ? region.close === r.end : region.close === last;
}
