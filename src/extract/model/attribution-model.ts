import type { Candidate, RuleContext, TokenRange } from '../context.js';
import { cueFeatures, CUE_LABELS } from './cue-features.js';
import { docIndex, type DocIndex } from './doc-index.js';
import { applyForced, emissions, viterbi, type LinearModel } from './linear.js';
import { ROLE, roleFeatures, roleWindow } from './role-features.js';
import { tokenAttributes, type CueLexicon, type TokenAttributes } from './token-attributes.js';

/** The trained model: a cue tagger, a role tagger that reads one cue at a time, and the learned cue lexicon. */
export interface AttributionModel {
  cue: LinearModel;
  role: LinearModel;
  lexicon: CueLexicon;
}

/** A cue found by the cue tagger, with its margin over the runner-up label. */
export interface ScoredCue extends TokenRange {
  margin: number;
}

/**
 * Everything the model needs about one document, computed once.
 * @example const prepared = prepare(ctx, model.lexicon, quoteCandidates)
 */
export interface PreparedDoc {
  ctx: RuleContext;
  attrs: TokenAttributes;
  index: DocIndex;
}

/** Computes token attributes and indices for a document. */
export function prepare(ctx: RuleContext, lexicon: CueLexicon, quoteCandidates: readonly Candidate[]): PreparedDoc {
  const attrs = tokenAttributes(ctx, lexicon);
  return { ctx, attrs, index: docIndex(ctx, attrs, quoteCandidates) };
}

/**
 * Runs the cue tagger sentence by sentence.
 * @example findCues(prepared, model.cue)
 */
export function findCues(p: PreparedDoc, cue: LinearModel): ScoredCue[] {
  const out: ScoredCue[] = [];
  for (const s of p.ctx.doc.sentences) {
    const seq = cueFeatures(p.ctx, p.attrs, p.index, s, cue.mask);
    const em = emissions(cue, seq);
    const { labels } = viterbi(cue, seq, em);
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== 1) continue;
      let j = i + 1;
      while (j < labels.length && labels[j] === 2) j++;
      let margin = Infinity;
      for (let k = i; k < j; k++) margin = Math.min(margin, em[k * CUE_LABELS + labels[k]] - em[k * CUE_LABELS]);
      out.push({ start: s.start + i, end: s.start + j, margin });
      i = j - 1;
    }
  }
  return out;
}

/**
 * Tags the source and content of one cue; null when the tagger finds no content.
 * @example tagRoles(prepared, model.role, cue)
 */
export function tagRoles(p: PreparedDoc, role: LinearModel, cue: ScoredCue): Candidate | null {
  const w = roleWindow(p.ctx, cue);
  const seq = roleFeatures(p.ctx, p.attrs, p.index, cue, w, role.mask);
  const em = emissions(role, seq);
  applyForced(em, cueForcing(cue, w), role.labels);
  const { labels } = viterbi(role, seq, em);
  const content: TokenRange[] = [];
  const sources: TokenRange[] = [];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== ROLE.BS && y !== ROLE.BC) continue;
    let j = i + 1;
    while (j < labels.length && labels[j] === y + 1) j++;
    (y === ROLE.BS ? sources : content).push({ start: w.start + i, end: w.start + j });
    i = j - 1;
  }
  if (!content.length) return null;
  return {
    content,
    cue: { start: cue.start, end: cue.end },
    source: nearest(sources, cue),
    confidence: 1 / (1 + Math.exp(-cue.margin / 4)),
    provenance: ['model.cue-role'],
    quotes: [],
  };
}

/** Cue tokens can only be O for the role tagger. */
export function cueForcing(cue: TokenRange, w: TokenRange): Int8Array {
  const forced = new Int8Array(w.end - w.start).fill(-1);
  for (let i = cue.start; i < cue.end; i++) forced[i - w.start] = ROLE.O;
  return forced;
}

function nearest(spans: TokenRange[], cue: TokenRange): TokenRange | null {
  let best: TokenRange | null = null;
  let bestDist = Infinity;
  for (const s of spans) {
    const d = s.end <= cue.start ? cue.start - s.end : s.start - cue.end;
    if (d < bestDist) { best = s; bestDist = d; }
  }
  return best;
}

/**
 * The model's attributions for a prepared document.
 * @example predict(prepared, model)
 */
export function predict(p: PreparedDoc, model: AttributionModel): Candidate[] {
  const out: Candidate[] = [];
  for (const cue of findCues(p, model.cue)) {
    const c = tagRoles(p, model.role, cue);
    if (c) out.push(c);
  }
  return out;
}
