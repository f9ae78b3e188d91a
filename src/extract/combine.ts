import type { Candidate, TokenRange } from './context.js';

/**
 * Joins the quote layer's and the model's attributions into one set without duplicates. When
 * both found the same cue, the quote layer's content wins for quotes it attributed (its
 * boundaries are the quote marks) and the model fills what the rule left empty; a model
 * attribution whose content mostly lies inside a quote-layer attribution is dropped.
 * @example combine(quoteCandidates, modelCandidates)
 */
export function combine(rules: Candidate[], model: Candidate[]): Candidate[] {
  const out = [...rules];
  for (const m of model) {
    const same = rules.find((r) => r.cue && m.cue && overlaps(r.cue, m.cue));
    if (same) {
      same.source ??= m.source;
      if (!same.provenance.includes('model.cue-role')) same.provenance.push('model.confirmed');
      same.confidence = Math.max(same.confidence, m.confidence);
      continue;
    }
    if (rules.some((r) => coveredShare(m.content, r.content) > 0.5)) continue;
    out.push(m);
  }
  return out;
}

function overlaps(a: TokenRange, b: TokenRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Share of the tokens of `a` that lie inside `b`. */
function coveredShare(a: TokenRange[], b: TokenRange[]): number {
  let total = 0;
  let inside = 0;
  for (const r of a) {
    total += r.end - r.start;
    for (const s of b) inside += Math.max(0, Math.min(r.end, s.end) - Math.max(r.start, s.start));
  }
  return total ? inside / total : 0;
}
