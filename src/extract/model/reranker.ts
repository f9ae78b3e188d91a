import type { TokenRange } from '../context.js';
import type { PreparedDoc, RoleTagging } from './attribution-model.js';
import { mix, mix3, mix4 } from './hash.js';
import { cueHead } from './role-features.js';

/**
 * A logistic model over whole candidate attributions (cue, source and content together):
 * it keeps what the taggers found only when the parts make sense together, and its probability
 * is the attribution's confidence.
 */
export interface Reranker {
  weights: Float32Array;
  mask: number;
  /** Candidates below this probability are dropped. */
  threshold: number;
}

/**
 * Hashed features of a candidate attribution.
 * @example rerankFeatures(prepared, tagging, reranker.mask)
 */
export function rerankFeatures(p: PreparedDoc, t: RoleTagging, mask: number): Int32Array {
  const a = p.attrs;
  const { cue } = t;
  const c = t.candidate;
  const head = cueHead(a, cue);
  const lemma = a.lemma[head];
  const cueMargin = clamp(Math.round(cue.margin / 4), -12, 12);
  const roleMargin = clamp(Math.round((t.pathScore - t.nullScore) / 8), -2, 20);
  const content = c.content;
  const first = content[0].start;
  const last = content[content.length - 1].end - 1;
  const size = content.reduce((n, r) => n + r.end - r.start, 0);
  const side = (first < cue.start ? 1 : 0) | (last >= cue.end ? 2 : 0);
  const src = c.source;
  const srcCls = src ? a.cls[src.start] : 255;
  const srcSide = src ? (src.start < cue.start ? 1 : 2) : 0;
  const srcSize = src ? sizeBucket(src.end - src.start) : 0;
  const rule = p.index.ruleCue[head] >= 0 ? 1 : p.index.ruleContent[head] >= 0 ? 2 : 0;
  const quoted = quotedShare(p, content);
  const firstCls = a.cls[first];
  const paragraph = p.ctx.doc.paragraphOf[cue.start];
  const sentenceInParagraph = Math.min(2, p.ctx.doc.sentenceOf[cue.start] - p.ctx.doc.sentenceOf[p.ctx.doc.paragraphs[paragraph].start]);
  const f = [
    mix(1, 0), mix(2, cueMargin), mix(3, roleMargin), mix3(4, cueMargin, roleMargin >> 1), mix(5, lemma), mix(6, a.word[head]),
    mix(7, a.lemmaRate[head]), mix3(8, a.reporting[head], a.lemmaRate[head]), mix(9, Math.min(3, cue.end - cue.start)),
    mix3(10, srcSide, srcCls), mix3(11, srcSize, srcSide), mix(12, sizeBucket(size)), mix(13, side), mix3(14, side, firstCls),
    mix(15, a.word[first]), mix(16, content.length), mix(17, rule), mix3(18, rule, quoted), mix(19, quoted),
    mix3(20, lemma, srcSide), mix3(21, lemma, firstCls), mix3(22, lemma, side), mix4(23, a.lemmaRate[head], firstCls, srcCls),
    mix3(24, Math.min(paragraph, 2), sentenceInParagraph), mix3(25, a.quote[head], quoted), mix4(26, cueMargin, srcSide, side),
    mix3(27, roleMargin, sizeBucket(size)), mix3(28, a.cls[head], a.lemmaRate[head]), mix4(29, srcCls, firstCls, side),
  ];
  return Int32Array.from(f, (h) => h & mask);
}

/**
 * The reranker's probability that a candidate is a real attribution.
 * @example acceptance(reranker, prepared, tagging) // 0.93
 */
export function acceptance(r: Reranker, p: PreparedDoc, t: RoleTagging): number {
  return sigmoid(logit(r.weights, rerankFeatures(p, t, r.mask)));
}

/** Σ weights of the features. */
export function logit(weights: Float32Array, feats: Int32Array): number {
  let z = 0;
  for (let k = 0; k < feats.length; k++) z += weights[feats[k]];
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** 0 none, 1 some, 2 all of the content inside quotation marks. */
function quotedShare(p: PreparedDoc, content: TokenRange[]): number {
  let inside = 0;
  let total = 0;
  for (const r of content) for (let t = r.start; t < r.end; t++) { total++; if (p.attrs.quote[t]) inside++; }
  return inside === 0 ? 0 : inside === total ? 2 : 1;
}

function sizeBucket(n: number): number {
  return n <= 1 ? 1 : n <= 3 ? 2 : n <= 7 ? 3 : n <= 15 ? 4 : n <= 30 ? 5 : 6;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}
