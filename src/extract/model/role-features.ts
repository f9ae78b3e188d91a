import type { RuleContext, TokenRange } from '../context.js';
import { between, type DocIndex } from './doc-index.js';
import { EmissionSink, type FeatureSink } from './feature-buffer.js';
import { mix, mix3, mix4 } from './hash.js';
import type { LinearModel } from './linear.js';
import { CLS, type TokenAttributes } from './token-attributes.js';

/** Role labels: O, B-source, I-source, B-content, I-content. */
export const ROLE_LABELS = 5;
export const ROLE = { O: 0, BS: 1, IS: 2, BC: 3, IC: 4 } as const;
/** Transition groups: side of the cue (2) × what the token is (6), so label changes can depend on commas, quotes, "that". */
export const ROLE_GROUPS = 12;

/** Stands for a missing neighbour (before the start, after the end). */
export const NONE = 0x5bd1e995;
const MAX_LEFT = 70;
const MAX_RIGHT = 110;

/**
 * The window the role tagger reads for a cue: the cue's paragraph, clipped around the cue.
 * @example roleWindow(ctx, {start: 10, end: 11}) // {start: 0, end: 40}
 */
export function roleWindow(ctx: RuleContext, cue: TokenRange): TokenRange {
  const p = ctx.doc.paragraphs[ctx.doc.paragraphOf[cue.start]];
  return { start: Math.max(p.start, cue.start - MAX_LEFT), end: Math.min(p.end, cue.end + MAX_RIGHT) };
}

/**
 * Features of every token of the window relative to one cue: side and distance, what lies
 * between (commas, quote marks, sentence ends, other likely cues, "that", colons), the words
 * and classes around, the parts of speech of the token and of the cue's head word, what the
 * quote layer said about the token, and the other statements around: the cues the cue tagger
 * found between the token and the cue, in the token, and beyond it ({@link DocIndex.foundCues}).
 * Transition group = side × boundary class. With `withStatic` false, only the cue-dependent
 * features are collected (the rest are summed once per token and side by
 * {@link staticRoleEmissions}).
 * @example roleFeatures(ctx, attrs, index, cue, window, new FeatureBuffer(mask), true)
 */
export function roleFeatures(ctx: RuleContext, a: TokenAttributes, idx: DocIndex, cue: TokenRange, w: TokenRange, buf: FeatureSink, withStatic: boolean): void {
  const head = cueHead(a, cue);
  const cueLemma = a.lemma[head];
  const cueSentence = ctx.doc.sentenceOf[cue.start];
  const cueRule = idx.ruleCue[head];
  const before = cue.start > 0 ? a.cls[cue.start - 1] : NONE;
  const after = cue.end < a.count ? a.cls[cue.end] : NONE;
  const cueQuoted = a.quote[head];
  const headPos = a.pos[head];
  for (let i = w.start; i < w.end; i++) {
    const inCue = i >= cue.start && i < cue.end;
    const d = i < cue.start ? 0 : inCue ? 2 : 1;
    if (inCue) {
      buf.add(mix(100, 0));
      buf.next();
      continue;
    }
    if (withStatic) addStatic(ctx, a, i, d, buf);
    const dist = d === 0 ? cue.start - i : i - cue.end + 1;
    const db = bucket(dist);
    const cb = coarse(dist);
    const far = d === 0 ? cue.start : cue.end - 1;
    const sig = betweenSignature(idx, i, far);
    const quotes = (sig >> 4) & 3;
    const cues = (sig >> 6) & 3;
    const sent = Math.max(-2, Math.min(2, ctx.doc.sentenceOf[i] - cueSentence));
    const cls = a.cls[i];
    const rule = ruleSignal(idx, i, cueRule);
    buf.add(mix4(103, d, db, sent));
    buf.add(mix4(105, d, cueLemma, cb));
    buf.add(mix3(112, d, sig));
    buf.add(mix4(113, d, sig, cb));
    buf.add(mix4(114, d, cues, db));
    buf.add(mix4(115, d, a.quote[i], quotes));
    buf.add(mix4(119, d, cueLemma, sent));
    buf.add(mix4(121, d, rule, cls));
    buf.add(mix4(122, d, before, after));
    buf.add(mix4(125, d, cueQuoted, a.quote[i]));
    buf.add(mix4(126, d, sig, cls));
    buf.add(mix4(132, d, a.lemmaRate[i] > 10 ? 11 : a.lemmaRate[i] >> 1, cb));
    if (dist <= 3) buf.add(mix4(128, d, a.word[i], dist));
    buf.add(mix4(147, d, headPos, cb));
    buf.add(mix4(148, d, headPos, a.pos[i]));
    const found = Math.min(2, between(idx.foundCues, i, far));
    buf.add(mix4(151, d, found, db));
    buf.add(mix4(152, d, found * 2 + idx.inFoundCue[i], cls));
    buf.add(mix4(153, d, bucket(d === 1 ? idx.toFoundCue[i] : idx.fromFoundCue[i]), cls));
    buf.next();
  }
}

/**
 * The transition group of each window position: side of the cue × boundary class (into `out`
 * when given, `w.end - w.start` long).
 * @example roleGroups(cue, window, attrs)
 */
export function roleGroups(cue: TokenRange, w: TokenRange, a: TokenAttributes, out?: Uint8Array): Uint8Array {
  const groups = out ?? new Uint8Array(w.end - w.start);
  for (let i = w.start; i < w.end; i++) groups[i - w.start] = (i < cue.start ? 0 : 6) + boundaryClass(a.cls[i]);
  return groups;
}

/**
 * Role emission scores of the features that depend only on a token and its side of the cue,
 * `n × L` per side, computed on first use per token and shared by every cue of the document.
 * Unscaled: the sums of the weights (integers for a quantised model), scaled with the rest.
 * @example new StaticRoleEmissions(ctx, attrs, model).sideScores(i, i + 1, 0)[i * 5]
 */
export class StaticRoleEmissions {
  private readonly done: Uint8Array;
  /** One sink per side, holding that side's `n × L` scores. */
  private readonly sinks: [EmissionSink, EmissionSink];
  /** A quantised (loaded) role model: integer weights, whose sums do not depend on their order. */
  private readonly quantised: boolean;

  /**
   * With `dense` (read for a quantised model only), each token and side also gets the row of
   * `dense.table` at `dense.rows[i × 2 + d]`: the summed weights of other features that depend
   * on the token and side alone.
   */
  constructor(private readonly ctx: RuleContext, private readonly a: TokenAttributes, private readonly model: LinearModel, private readonly dense?: DenseRows) {
    this.done = new Uint8Array(a.count * 2);
    this.sinks = [new EmissionSink(model, a.count, false), new EmissionSink(model, a.count, false)];
    this.quantised = isQuantisedRole(model);
  }

  /**
   * The static scores of tokens [from, to) on side d (0 before the cue, 1 after), each at
   * `i × L` of the array returned; those not computed yet are computed first, so that the
   * caller's loop over the tokens reads one array and calls nothing.
   */
  sideScores(from: number, to: number, d: number): Float32Array {
    if (this.quantised) this.sumMissing(from, to, d);
    else this.addMissing(from, to, d);
    return this.sinks[d].scores;
  }

  /** A model in training: each token's features through the sink, in {@link addStatic}'s order. */
  private addMissing(from: number, to: number, d: number): void {
    const sink = this.sinks[d];
    for (let i = from; i < to; i++) {
      if (this.done[i * 2 + d]) continue;
      sink.seek(i);
      addStatic(this.ctx, this.a, i, d, sink);
      sink.next();
      this.done[i * 2 + d] = 1;
    }
  }

  /**
   * A quantised model: first each missing token's form group (through the sink, which caches it)
   * and context hashes, then their weights summed in a loop that does nothing else, so that many
   * of its random reads into the weights are in flight at once (statics 1.05–1.08× faster).
   */
  private sumMissing(from: number, to: number, d: number): void {
    const { sinks, done, a } = this;
    const sink = sinks[d];
    if (HASHES.length < (to - from) * CONTEXT_FEATURES) HASHES = new Int32Array(2 * (to - from) * CONTEXT_FEATURES);
    const h = HASHES;
    let k = 0;
    for (let i = from; i < to; i++) {
      if (done[i * 2 + d]) continue;
      sink.seek(i);
      if (!sink.beginGroup(a.form[i], d)) {
        addFormGroup(a, i, d, sink);
        sink.endGroup();
        sink.next();
      }
      contextHashes(this.ctx, a, i, d, h, k);
      k += CONTEXT_FEATURES;
    }
    const { weights: w, mask } = this.model;
    const out = sink.scores;
    const table = this.dense?.table ?? ZERO_ROW;
    const rows = this.dense?.rows;
    k = 0;
    for (let i = from; i < to; i++) {
      if (done[i * 2 + d]) continue;
      done[i * 2 + d] = 1;
      const t = rows ? rows[i * 2 + d] : 0;
      let s0 = table[t], s1 = table[t + 1], s2 = table[t + 2], s3 = table[t + 3], s4 = table[t + 4];
      for (const end = k + CONTEXT_FEATURES; k < end; k++) {
        const b = (h[k] & mask) * 5;
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
      }
      const o = i * 5;
      out[o] += s0; out[o + 1] += s1; out[o + 2] += s2; out[o + 3] += s3; out[o + 4] += s4;
    }
  }
}

/**
 * A loaded role model: int8 weights (their sums are integers, exact in any order) and the five
 * role labels, which the fast paths unroll.
 * @example isQuantisedRole(defaultModel().role) // true
 */
export function isQuantisedRole(m: LinearModel): boolean {
  return m.weights instanceof Int8Array && m.labels === ROLE_LABELS;
}

/** Rows of a dense table of summed weights, one per token and side (see {@link StaticRoleEmissions}). */
export interface DenseRows {
  table: Float32Array;
  /** At `i × 2 + d`, where token i's row for side d starts in `table`. */
  rows: Int32Array;
}

const ZERO_ROW = new Float32Array(ROLE_LABELS);

/** Features of token i that do not depend on the cue, only on the side `d` it lies on. */
function addStatic(ctx: RuleContext, a: TokenAttributes, i: number, d: number, buf: FeatureSink): void {
  if (!buf.beginGroup(a.form[i], d)) {
    addFormGroup(a, i, d, buf);
    buf.endGroup();
  }
  contextHashes(ctx, a, i, d, HASHES, 0);
  buf.addAll(HASHES, CONTEXT_FEATURES);
}

/** What the token's text and side alone decide: one cached sum per form and side. */
function addFormGroup(a: TokenAttributes, i: number, d: number, buf: FeatureSink): void {
  buf.add(mix(101, d));
  buf.add(mix3(104, d, a.word[i]));
  buf.add(mix3(106, d, a.cls[i]));
  buf.add(mix3(116, d, a.shape[i]));
  buf.add(mix3(117, d, a.suffix[i]));
}

/** How many hashes {@link contextHashes} writes. */
const CONTEXT_FEATURES = 10;
/** Scratch for {@link contextHashes}: a side's missing tokens' hashes, one after another. */
let HASHES = new Int32Array(64 * CONTEXT_FEATURES);

/**
 * The static features of token i on side d beyond its form's (its neighbours in the paragraph,
 * its sentence's end, parts of speech), as hashes into `out` from `at`.
 */
function contextHashes(ctx: RuleContext, a: TokenAttributes, i: number, d: number, out: Int32Array, at: number): void {
  const p = ctx.doc.paragraphs[ctx.doc.paragraphOf[i]];
  const prevCls = i > p.start ? a.cls[i - 1] : NONE;
  const nextCls = i + 1 < p.end ? a.cls[i + 1] : NONE;
  const prevWord = i > p.start ? a.word[i - 1] : NONE;
  const nextWord = i + 1 < p.end ? a.word[i + 1] : NONE;
  const cls = a.cls[i];
  const toEnd = Math.min(6, sentenceEnd(ctx, i) - i);
  out[at + 0] = mix4(108, d, prevCls, cls);
  out[at + 1] = mix4(109, d, cls, nextCls);
  out[at + 2] = mix3(110, d, prevWord);
  out[at + 3] = mix3(111, d, nextWord);
  out[at + 4] = mix4(129, d, toEnd, cls);
  out[at + 5] = mix4(130, d, prevWord, a.word[i]);
  out[at + 6] = mix4(131, d, toEnd, nextCls);
  const pos = a.pos[i];
  out[at + 7] = mix3(140, d, pos);
  out[at + 8] = mix4(141, d, i > p.start ? a.pos[i - 1] : NONE, pos);
  out[at + 9] = mix4(142, d, pos, i + 1 < p.end ? a.pos[i + 1] : NONE);
}

/** 0 word, 1 comma, 2 sentence end, 3 quote mark, 4 "that"/wh-word, 5 other punctuation or conjunction. */
function boundaryClass(cls: number): number {
  if (cls === CLS.comma) return 1;
  if (cls === CLS.terminal || cls === CLS.semicolon || cls === CLS.colon) return 2;
  if (cls === CLS.quoteOpen || cls === CLS.quoteClose) return 3;
  if (cls === CLS.that || cls === CLS.relative) return 4;
  if (cls === CLS.conjunction || cls === CLS.dash || cls === CLS.parenOpen || cls === CLS.parenClose || cls === CLS.punct) return 5;
  return 0;
}

function sentenceEnd(ctx: RuleContext, i: number): number {
  return ctx.doc.sentences[ctx.doc.sentenceOf[i]].end;
}

/**
 * What lies between token i and the cue's near end `far`, packed in 10 bits: commas (0–3, bits
 * 0–1), sentence ends (0–2, bits 2–3), quote marks (0–3, bits 4–5), other likely cues (0–2, bits
 * 6–7), "that" (0–1, bit 8), colons (0–1, bit 9).
 * @example (betweenSignature(index, i, cue.start) >> 4) & 3 // quote marks between, at most 3
 */
export function betweenSignature(idx: DocIndex, i: number, far: number): number {
  const commas = Math.min(3, between(idx.commas, i, far));
  const terms = Math.min(2, between(idx.terminals, i, far));
  const quotes = Math.min(3, between(idx.quoteMarks, i, far));
  const cues = Math.min(2, between(idx.likelyCues, i, far));
  const thats = Math.min(1, between(idx.thats, i, far));
  const colons = Math.min(1, between(idx.colons, i, far));
  return packSignature(commas, terms, quotes, cues, thats, colons);
}

/**
 * The 10 bits of {@link betweenSignature} from its six counts (each already capped).
 * @example packSignature(1, 0, 2, 0, 1, 0) // 0b1_00_10_00_01 = 289
 */
export function packSignature(commas: number, terms: number, quotes: number, cues: number, thats: number, colons: number): number {
  return commas | (terms << 2) | (quotes << 4) | (cues << 6) | (thats << 8) | (colons << 9);
}

/** What the quote layer said about token i: 1 content, 2 source of this cue's rule; 3 content, 4 source of another rule. */
export function ruleSignal(idx: DocIndex, i: number, cueRule: number): number {
  const c = idx.ruleContent[i];
  const s = idx.ruleSource[i];
  if (cueRule >= 0 && c === cueRule) return 1;
  if (cueRule >= 0 && s === cueRule) return 2;
  if (c >= 0) return 3;
  if (s >= 0) return 4;
  return 0;
}

/** The token of the cue with the highest learned cue rate ("has also said" → "said"). */
export function cueHead(a: TokenAttributes, cue: TokenRange): number {
  let best = cue.start;
  for (let i = cue.start; i < cue.end; i++) if (a.cueRate[i] <= 10 && (a.cueRate[best] > 10 || a.cueRate[i] > a.cueRate[best])) best = i;
  return best;
}

export function bucket(d: number): number {
  if (d <= 5) return d;
  if (d <= 8) return 6;
  if (d <= 12) return 7;
  if (d <= 20) return 8;
  if (d <= 35) return 9;
  return 10;
}

export function coarse(d: number): number {
  return d <= 2 ? d : d <= 6 ? 3 : d <= 15 ? 4 : 5;
}
