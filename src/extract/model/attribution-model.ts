import type { Candidate, RuleContext, TokenRange } from '../context.js';
import { cueFeatures, CUE_LABELS } from './cue-features.js';
import { docIndex, type DocIndex } from './doc-index.js';
import { applyForced, emissions, viterbi, viterbiRequiring, type LinearModel, type SequenceFeatures } from './linear.js';
import { acceptance, type Reranker } from './reranker.js';
import { ROLE, roleFeatures, roleWindow } from './role-features.js';
import { tokenAttributes, type CueLexicon, type TokenAttributes } from './token-attributes.js';
import { WORD } from '../../text/tokens.js';

/** The trained model: a cue tagger, a role tagger that reads one cue at a time, and the learned cue lexicon. */
export interface AttributionModel {
  cue: LinearModel;
  role: LinearModel;
  lexicon: CueLexicon;
  /**
   * Tokens the cue tagger labels O but whose cue score is within this slack of O still go to the
   * role tagger, which keeps them only if it finds content: recall for rare cues ("pledged").
   */
  cueSlack: number;
  /** Subtracted from the O score of every token before role decoding: > 0 favours finding content. */
  roleBias?: number;
  /** When the best role path has no source, the best path with one is taken if it scores within this slack. */
  sourceSlack?: number;
  /** Accepts or rejects each candidate attribution from its features as a whole; its probability is the confidence. */
  reranker?: Reranker;
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
export function findCues(p: PreparedDoc, cue: LinearModel, slack = 0): ScoredCue[] {
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
    if (slack > 0) addNearMisses(p, s, labels, em, slack, out);
  }
  return out;
}

/** Single-token cues the tagger rejected by less than `slack` (words only). */
function addNearMisses(p: PreparedDoc, s: TokenRange, labels: Uint8Array, em: Float32Array, slack: number, out: ScoredCue[]): void {
  for (let k = 0; k < labels.length; k++) {
    if (labels[k] !== 0 || p.ctx.doc.tokens.kind[s.start + k] !== WORD) continue;
    const margin = em[k * CUE_LABELS + 1] - em[k * CUE_LABELS];
    if (margin > -slack) out.push({ start: s.start + k, end: s.start + k + 1, margin });
  }
}

/** A cue's role tagging: the candidate, and the scores of its path and of the all-O path. */
export interface RoleTagging {
  candidate: Candidate;
  cue: ScoredCue;
  pathScore: number;
  nullScore: number;
}

/**
 * Tags the source and content of one cue; null when the tagger finds no content.
 * @example tagRoles(prepared, model.role, cue)
 */
export function tagRoles(p: PreparedDoc, role: LinearModel, cue: ScoredCue, bias = 0, sourceSlack = 0): RoleTagging | null {
  const w = roleWindow(p.ctx, cue);
  const seq = roleFeatures(p.ctx, p.attrs, p.index, cue, w, role.mask);
  const em = emissions(role, seq);
  if (bias) for (let i = 0; i < seq.length; i++) em[i * role.labels] -= bias;
  applyForced(em, cueForcing(cue, w), role.labels);
  const best = viterbi(role, seq, em);
  let labels = best.labels;
  let pathScore = best.score;
  if (!labels.includes(ROLE.BS) && sourceSlack > 0) {
    // most attributions have a source: take the best path with one unless it costs too much
    const withSource = viterbiRequiring(role, seq, em, ROLE.BS);
    if (withSource && best.score - withSource.score < sourceSlack) ({ labels, score: pathScore } = withSource);
  }
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
  const candidate: Candidate = {
    content,
    cue: { start: cue.start, end: cue.end },
    source: nearest(sources, cue),
    confidence: 1 / (1 + Math.exp(-cue.margin / 4)),
    provenance: ['model.cue-role'],
    quotes: [],
  };
  return { candidate, cue, pathScore, nullScore: allOutsideScore(role, seq, em) };
}

/** Score of labelling every position O. */
function allOutsideScore(role: LinearModel, seq: SequenceFeatures, em: Float32Array): number {
  const L = role.labels;
  const rowSize = (L + 1) * L;
  let s = 0;
  for (let i = 0; i < seq.length; i++) s += em[i * L] + role.transitions[seq.groups[i] * rowSize + (i === 0 ? L * L : 0)];
  return s;
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
  const kept: Candidate[] = [];
  for (const t of candidates(p, model)) {
    const prob = model.reranker ? acceptance(model.reranker, p, t) : t.candidate.confidence;
    if (model.reranker && prob < model.reranker.threshold) continue;
    t.candidate.confidence = prob;
    kept.push(t.candidate);
  }
  return resolveOverlaps(kept);
}

/**
 * Every cue candidate with its role tagging (before the reranker decides).
 * @example candidates(prepared, model).length
 */
export function candidates(p: PreparedDoc, model: AttributionModel): RoleTagging[] {
  const out: RoleTagging[] = [];
  for (const cue of findCues(p, model.cue, model.cueSlack)) {
    const t = tagRoles(p, model.role, cue, model.roleBias ?? 0, model.sourceSlack ?? 0);
    if (t) out.push(t);
  }
  return out;
}

/** Each token in at most one attribution: a candidate whose content mostly repeats a surer one's is dropped. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.confidence - a.confidence);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const size = c.content.reduce((n, r) => n + r.end - r.start, 0);
    const shared = kept.reduce((n, k) => n + sharedTokens(c.content, k.content), 0);
    if (shared * 2 <= size) kept.push(c);
  }
  return kept;
}

function sharedTokens(a: TokenRange[], b: TokenRange[]): number {
  let n = 0;
  for (const r of a) for (const s of b) n += Math.max(0, Math.min(r.end, s.end) - Math.max(r.start, s.start));
  return n;
}
