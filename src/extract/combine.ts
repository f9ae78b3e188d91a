import type { Candidate, TokenRange } from './context.js';

/**
 * Joins the quote layer's and the model's attributions into one set without duplicates. The
 * model has read the quote layer's findings as features, so where the two meet (same cue, or
 * shared content) the model's attribution stands and records the rule in its provenance; rule
 * attributions the model did not touch are kept as they are.
 * @example combine(quoteCandidates, modelCandidates)
 */
export function combine(rules: Candidate[], model: Candidate[]): Candidate[] {
  const out = [...model];
  for (const r of rules) {
    const m = model.find((c) => (c.cue && r.cue && overlaps(c.cue, r.cue)) || sharesContent(c.content, r.content));
    if (!m) { out.push(r); continue; }
    for (const p of r.provenance) if (!m.provenance.includes(p)) m.provenance.push(p);
    m.quotes.push(...r.quotes);
  }
  return out;
}

function overlaps(a: TokenRange, b: TokenRange): boolean {
  return a.start < b.end && b.start < a.end;
}

function sharesContent(a: TokenRange[], b: TokenRange[]): boolean {
  return a.some((r) => b.some((s) => overlaps(r, s)));
}
