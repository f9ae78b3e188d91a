import type { Candidate } from './context.js';

/**
 * Joins the quote layer's and the model's attributions into one set without duplicates. The
 * model has read the quote layer's findings as features, so where the two meet (same cue, or
 * shared content) the model's attribution stands and records the rule in its provenance; rule
 * attributions the model did not touch are kept as they are. A rule the model does not read
 * ({@link Candidate.unreadByModel}: a transcript's turn, a headline's speaker) takes over the
 * spans of a model attribution on its cue, and meets no other: what the model finds inside a
 * turn is another statement.
 * @example combine(quoteCandidates, modelCandidates, ctx.doc.tokens.count)
 */
export function combine(rules: Candidate[], model: Candidate[], tokenCount: number): Candidate[] {
  const out = [...model];
  const owner = ownerOfTokens(model, tokenCount);
  for (const r of rules) {
    const unread = r.unreadByModel === true;
    const k = firstOwner(owner, r, unread);
    if (k < 0) { out.push(r); continue; }
    const m = model[k];
    for (const p of r.provenance) if (!m.provenance.includes(p)) m.provenance.push(p);
    m.quotes.push(...r.quotes);
    if (unread) Object.assign(m, { content: r.content, cue: r.cue, source: r.source, kind: r.kind });
  }
  return out;
}

/** Per token: the index of the model candidate whose cue (first) or content holds it, or -1. */
function ownerOfTokens(model: Candidate[], tokenCount: number): { cue: Int32Array; content: Int32Array } {
  const cue = new Int32Array(tokenCount).fill(-1);
  const content = new Int32Array(tokenCount).fill(-1);
  model.forEach((c, k) => {
    if (c.cue) cue.fill(k, c.cue.start, c.cue.end);
    for (const r of c.content) for (let t = r.start; t < r.end; t++) if (content[t] < 0) content[t] = k;
  });
  return { cue, content };
}

/**
 * The model candidate that shares the rule candidate's cue, else one that shares its content, else
 * -1. With `fromStart`, sharing the content means holding its first token: what the model finds
 * inside a transcript's turn ("After the Clinton camp announced …") is another statement.
 */
function firstOwner(owner: { cue: Int32Array; content: Int32Array }, r: Candidate, fromStart: boolean): number {
  if (r.cue) for (let t = r.cue.start; t < r.cue.end; t++) if (owner.cue[t] >= 0) return owner.cue[t];
  if (fromStart) return r.content.length ? owner.content[r.content[0].start] : -1;
  for (const range of r.content) for (let t = range.start; t < range.end; t++) if (owner.content[t] >= 0) return owner.content[t];
  return -1;
}
