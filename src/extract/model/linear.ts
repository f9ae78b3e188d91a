/**
 * A linear sequence model over hashed features: per-label weights for each feature bucket,
 * label-transition weights (in groups, e.g. left/right of a cue), and Viterbi decoding with
 * hard constraints (BIO). Shared by the cue tagger and the role tagger.
 */

/** Per-label weights of hashed features: what every tagger has (the part-of-speech tagger no more). */
export interface HashedWeights {
  /** Number of labels L. */
  labels: number;
  /** Buckets − 1 (a power of two minus one). */
  mask: number;
  /** `buckets × L`: weight of label y for bucket b at `b * L + y` (times {@link scale}). */
  weights: Float32Array | Int8Array;
  /** Multiplies every weight: 1 while training; the quantisation step of a loaded model. */
  scale: number;
}

/** Weights of one sequence tagger. */
export interface LinearModel extends HashedWeights {
  /** `groups × (L + 1) × L`: row L is the start of the sequence. */
  transitions: Float32Array;
  /** `(L + 1) × L`, 1 where the transition is allowed. */
  allowed: Uint8Array;
}

/**
 * The sum of hashed features' weights, unscaled (times `m.scale` for the score of a loaded model),
 * of the features from index `from` to `to` (all by default).
 * @example weightSum(model.reranker, [mix(1, 2)])
 * @example weightSum(model.reranker, feats.hashes, start, feats.length) // the features appended since `start`
 */
export function weightSum(m: HashedWeights, feats: ArrayLike<number>, from = 0, to = feats.length): number {
  const { weights, mask } = m;
  let s = 0;
  for (let k = from; k < to; k++) s += weights[feats[k] & mask];
  return s;
}

/** Features of a sequence: bucket ids of position i at `feats[offsets[i]] … feats[offsets[i + 1] − 1]`. */
export interface SequenceFeatures {
  length: number;
  feats: Int32Array;
  offsets: Int32Array;
  /** Transition group of each position (0 when the model has one group). */
  groups: Uint8Array;
}

/**
 * Emission scores `n × L` of a sequence.
 * @example emissions(model, seq)[i * model.labels + y]
 */
export function emissions(model: LinearModel, seq: SequenceFeatures): Float32Array {
  const L = model.labels;
  const out = new Float32Array(seq.length * L);
  const w = model.weights;
  const scale = model.scale;
  for (let i = 0; i < seq.length; i++) {
    const base = i * L;
    for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) {
      const b = seq.feats[k] * L;
      for (let y = 0; y < L; y++) out[base + y] += w[b + y];
    }
    if (scale !== 1) for (let y = 0; y < L; y++) out[base + y] *= scale;
  }
  return out;
}

/**
 * Best label sequence under emissions + transitions, respecting `allowed`, and its score; the
 * labels go to `out` when given (n long): the forward pass of {@link MaxMarginals} and its path,
 * in a buffer kept between calls.
 * @example viterbi(model, seq.groups, emissions(model, seq)).labels
 */
export function viterbi(model: LinearModel, groups: Uint8Array, em: Float32Array, out?: Uint8Array): { labels: Uint8Array; score: number } {
  const cells = groups.length * model.labels;
  if (!VITERBI_TABLES || VITERBI_TABLES.cells < cells) VITERBI_TABLES = new MarginalTables(2 * cells);
  return new MaxMarginals(model, groups, em, VITERBI_TABLES).best(out);
}

/** {@link viterbi}'s tables: they live only while it runs. */
let VITERBI_TABLES: MarginalTables | null = null;

/**
 * The best score reaching a label that any label may precede, the transitions into it at `tr[at]`,
 * `tr[at + 5]`, … (one per previous label); its previous label goes to `back[o]`.
 */
function fromAny(d0: number, d1: number, d2: number, d3: number, d4: number, tr: Float64Array, at: number, back: Uint16Array, o: number): number {
  let best = d0 + tr[at];
  let arg = 0;
  let s = d1 + tr[at + 5]; if (s > best) { best = s; arg = 1; }
  s = d2 + tr[at + 10]; if (s > best) { best = s; arg = 2; }
  s = d3 + tr[at + 15]; if (s > best) { best = s; arg = 3; }
  s = d4 + tr[at + 20]; if (s > best) { best = s; arg = 4; }
  back[o] = arg;
  return best;
}

/**
 * {@link MaxMarginals}' forward pass for the role tagger's BIO labels, unrolled: the generic
 * loop's comparisons in the same order, minus those of forbidden transitions (−∞, which never win
 * a strict comparison), so the same scores and back-pointers. Into I-source only from B- or
 * I-source, into I-content only from B- or I-content. The role tagger decodes some 3,500 windows
 * per pass over dev (extraction, {@link viterbi} in training too).
 */
function bio5Forward(tr: Float64Array, groups: Uint8Array, em: Float32Array, fw: Float64Array, before: Uint16Array): void {
  const n = groups.length;
  for (let i = 1; i < n; i++) {
    const g = groups[i] * 30;
    const o = i * 5;
    const p = o - 5;
    const d0 = fw[p], d1 = fw[p + 1], d2 = fw[p + 2], d3 = fw[p + 3], d4 = fw[p + 4];
    fw[o] = fromAny(d0, d1, d2, d3, d4, tr, g, before, o) + em[o];
    fw[o + 1] = fromAny(d0, d1, d2, d3, d4, tr, g + 1, before, o + 1) + em[o + 1];
    fw[o + 3] = fromAny(d0, d1, d2, d3, d4, tr, g + 3, before, o + 3) + em[o + 3];
    let a = d1 + tr[g + 7], b = d2 + tr[g + 12];
    fw[o + 2] = (b > a ? b : a) + em[o + 2]; before[o + 2] = b > a ? 2 : 1;
    a = d3 + tr[g + 19]; b = d4 + tr[g + 24];
    fw[o + 4] = (b > a ? b : a) + em[o + 4]; before[o + 4] = b > a ? 4 : 3;
  }
}

/**
 * {@link MaxMarginals}' backward pass for the role tagger's BIO labels, unrolled like
 * {@link bio5Forward}: out of O, not into an I; out of a source label, not into I-content, and
 * the other way round.
 */
function bio5Backward(tr: Float64Array, groups: Uint8Array, em: Float32Array, bw: Float64Array, after: Uint16Array): void {
  const n = groups.length;
  for (let i = n - 2; i >= 0; i--) {
    const g = groups[i + 1] * 30;
    const o = i * 5;
    const q = o + 5;
    const b0 = bw[q], b1 = bw[q + 1], b2 = bw[q + 2], b3 = bw[q + 3], b4 = bw[q + 4];
    bw[o] = toAmong(b0, b1, -Infinity, b3, -Infinity, tr, g, after, o) + em[o];
    bw[o + 1] = toAmong(b0, b1, b2 + tr[g + 7], b3, -Infinity, tr, g + 5, after, o + 1) + em[o + 1];
    bw[o + 2] = toAmong(b0, b1, b2 + tr[g + 12], b3, -Infinity, tr, g + 10, after, o + 2) + em[o + 2];
    bw[o + 3] = toAmong(b0, b1, -Infinity, b3, b4 + tr[g + 19], tr, g + 15, after, o + 3) + em[o + 3];
    bw[o + 4] = toAmong(b0, b1, -Infinity, b3, b4 + tr[g + 24], tr, g + 20, after, o + 4) + em[o + 4];
  }
}

/**
 * {@link MaxMarginals}' forward pass for the cue tagger's labels (O, B, I), unrolled like
 * {@link bio5Forward}: the same comparisons in the same order, minus those of the forbidden
 * transitions (into I from O). Nearly every sentence of dev gets the cue tagger's max-marginals.
 */
function bio3Forward(tr: Float64Array, groups: Uint8Array, em: Float32Array, fw: Float64Array, before: Uint16Array): void {
  const n = groups.length;
  for (let i = 1; i < n; i++) {
    const g = groups[i] * 12;
    const o = i * 3;
    const p = o - 3;
    const d0 = fw[p], d1 = fw[p + 1], d2 = fw[p + 2];
    fw[o] = best3(d0 + tr[g], d1 + tr[g + 3], d2 + tr[g + 6], before, o) + em[o];
    fw[o + 1] = best3(d0 + tr[g + 1], d1 + tr[g + 4], d2 + tr[g + 7], before, o + 1) + em[o + 1];
    fw[o + 2] = best3(-Infinity, d1 + tr[g + 5], d2 + tr[g + 8], before, o + 2) + em[o + 2];
  }
}

/** {@link MaxMarginals}' backward pass for the cue tagger's labels, unrolled like {@link bio3Forward}. */
function bio3Backward(tr: Float64Array, groups: Uint8Array, em: Float32Array, bw: Float64Array, after: Uint16Array): void {
  const n = groups.length;
  for (let i = n - 2; i >= 0; i--) {
    const g = groups[i + 1] * 12;
    const o = i * 3;
    const q = o + 3;
    const b0 = bw[q], b1 = bw[q + 1], b2 = bw[q + 2];
    bw[o] = best3(tr[g] + b0, tr[g + 1] + b1, -Infinity, after, o) + em[o];
    bw[o + 1] = best3(tr[g + 3] + b0, tr[g + 4] + b1, tr[g + 5] + b2, after, o + 1) + em[o + 1];
    bw[o + 2] = best3(tr[g + 6] + b0, tr[g + 7] + b1, tr[g + 8] + b2, after, o + 2) + em[o + 2];
  }
}

/** The best of three scores (−∞ when all are), ties to the first; its index (0 when all are −∞) goes to `arg[o]`. */
function best3(v0: number, v1: number, v2: number, arg: Uint16Array, o: number): number {
  let best = -Infinity;
  let a = 0;
  if (v0 > best) { best = v0; a = 0; }
  if (v1 > best) { best = v1; a = 1; }
  if (v2 > best) { best = v2; a = 2; }
  arg[o] = a;
  return best;
}

/**
 * The best of going on to O, B-source or B-content (transitions at `tr[at]`, `tr[at + 1]`,
 * `tr[at + 3]`) or to the two I labels, whose transitions `i2` and `i4` already hold (−∞ when
 * forbidden); in label order, ties to the first. The next label goes to `after[o]`.
 */
function toAmong(b0: number, b1: number, i2: number, b3: number, i4: number, tr: Float64Array, at: number, after: Uint16Array, o: number): number {
  let best = b0 + tr[at];
  let arg = 0;
  let s = b1 + tr[at + 1]; if (s > best) { best = s; arg = 1; }
  if (i2 > best) { best = i2; arg = 2; }
  s = b3 + tr[at + 3]; if (s > best) { best = s; arg = 3; }
  if (i4 > best) { best = i4; arg = 4; }
  after[o] = arg;
  return best;
}

const BIO = new WeakMap<Uint8Array, number>();

/** True when the model's allowed transitions are exactly {@link bioAllowed}(types) (checked once per table). */
function isBio(model: LinearModel, types: number): boolean {
  let t = BIO.get(model.allowed);
  if (t === undefined) {
    const bio = bioAllowed(types);
    t = bio.length === model.allowed.length && bio.every((v, k) => v === model.allowed[k]) ? types : -1;
    BIO.set(model.allowed, t);
  }
  return t === types;
}

/**
 * Decoding's work arrays, reused from call to call (decoding is not re-entrant): two typed arrays
 * allocated per sentence and per cue cost 1.5-2 % of extract().
 */
let SCRATCH = { delta: new Float64Array(4096), back: new Uint16Array(4096) };

/** Work arrays of at least `size` cells; their contents are left over from earlier calls. */
function scratch(size: number): { delta: Float64Array; back: Uint16Array } {
  if (SCRATCH.delta.length < size) SCRATCH = { delta: new Float64Array(size * 2), back: new Uint16Array(size * 2) };
  return SCRATCH;
}

const MASKED = new WeakMap<Float32Array, { allowed: Uint8Array; masked: Float64Array }>();

/** The transitions with −∞ where `allowed` forbids them (cached per transitions array; no branch in the inner loop). */
function maskedTransitions(model: LinearModel): Float64Array {
  const { transitions: tr, allowed, labels: L } = model;
  const cached = MASKED.get(tr);
  if (cached && cached.allowed === allowed) return cached.masked;
  const masked = new Float64Array(tr.length);
  const rowSize = (L + 1) * L;
  for (let k = 0; k < tr.length; k++) masked[k] = allowed[k % rowSize] ? tr[k] : -Infinity;
  // A model in training updates its transitions in place: cache only frozen (quantised) models.
  if (model.weights instanceof Int8Array) MASKED.set(tr, { allowed, masked });
  return masked;
}

/**
 * The allowed-transition table of a BIO scheme where labels are O, then (B, I) pairs.
 * @example bioAllowed(2) // O, B-x, I-x, B-y, I-y: I-x only after B-x or I-x
 */
export function bioAllowed(types: number): Uint8Array {
  const L = 1 + 2 * types;
  const allowed = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let y = 0; y < L; y++) {
      const isInside = y > 0 && y % 2 === 0;
      const continues = p < L && (p === y || p === y - 1);
      allowed[p * L + y] = !isInside || continues ? 1 : 0;
    }
  }
  return allowed;
}

/** The emission {@link applyForced} gives the labels a position may not take. */
export const FORCED_OUT = -1e30;

/**
 * A path score below this went through a label {@link applyForced} ruled out: no real path
 * (however long) scores this low otherwise.
 */
export const RULED_OUT = -1e29;

/**
 * Positions with a forced label (≥ 0) get −∞ for every other label, in place.
 * @example applyForced(em, Int8Array.of(-1, 0), 5) // position 1 must be label 0
 */
export function applyForced(em: Float32Array, forced: Int8Array, L: number): void {
  for (let i = 0; i < forced.length; i++) {
    const f = forced[i];
    if (f < 0) continue;
    for (let y = 0; y < L; y++) if (y !== f) em[i * L + y] = FORCED_OUT;
  }
}

/**
 * The tables of a {@link MaxMarginals} for up to `cells` positions × labels: four views of one
 * buffer, made once, for decodings one after another (a decoding's tables live while it is read).
 * Four views made per decoding took some 0.1 µs each time, and the taggers decode a sentence or a
 * window 8,000 times per pass over dev.
 * @example new MaxMarginals(model, groups, em, new MarginalTables(groups.length * model.labels))
 */
export class MarginalTables {
  /** Per position and label: the best prefix's and suffix's scores, the previous and next labels. */
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly before: Uint16Array;
  readonly after: Uint16Array;

  constructor(readonly cells: number) {
    const buffer = new ArrayBuffer(cells * 20);
    this.forward = new Float64Array(buffer, 0, cells);
    this.backward = new Float64Array(buffer, cells * 8, cells);
    this.before = new Uint16Array(buffer, cells * 16, cells);
    this.after = new Uint16Array(buffer, cells * 18, cells);
  }
}

/**
 * Max-marginal decoding: for every position i and label y, the score of the best allowed
 * sequence with y at i ({@link score}), and that sequence ({@link path}). A forward and a
 * backward Viterbi pass, so all of them cost about two decodings. The runner-up sequence is
 * always one of them (it differs from the best somewhere).
 *
 * Made, it has run the forward pass alone: a Viterbi decoding that keeps its forward scores
 * ({@link best}, {@link previous}). The methods that read the backward pass ({@link score},
 * {@link bestWith}, {@link following}, {@link path}) run it first ({@link withBackward}), which
 * then costs the backward pass alone, not a decoding and both passes: a tagging that only
 * decodes never pays for it. Its emissions and groups must not change until then.
 * @example new MaxMarginals(model, groups, em).path(3, 0) // the best path with label 0 at 3
 * @example new MaxMarginals(model, groups, em).best() // what viterbi(model, groups, em) finds
 */
export class MaxMarginals {
  /** Best score of a prefix ending in label y at i (emission at i included), and its previous label. */
  private readonly forward: Float64Array;
  private readonly before: Uint16Array;
  /** Best score of a suffix starting in label y at i (emission at i included), and its next label. */
  private readonly backward: Float64Array;
  private readonly after: Uint16Array;
  private readonly L: number;
  /** Positions. */
  private readonly n: number;
  /** The pass fast for the model's labels (BIO with two or one types), or null for the generic loops. */
  private readonly unrolled: 5 | 3 | null;
  private hasBackward = false;

  private readonly tr: Float64Array;

  /**
   * With `tables` (of at least n × L cells), its tables are those, not tables of its own: they
   * must not be shared with another instance that is still read.
   */
  constructor(model: LinearModel, private readonly groups: Uint8Array, private readonly em: Float32Array, tables?: MarginalTables) {
    const L = (this.L = model.labels);
    const n = (this.n = groups.length);
    const tr = (this.tr = maskedTransitions(model));
    if (!tables || tables.cells < n * L) tables = new MarginalTables(n * L);
    ({ forward: this.forward, backward: this.backward, before: this.before, after: this.after } = tables);
    this.unrolled = L === 5 && isBio(model, 2) ? 5 : L === 3 && isBio(model, 1) ? 3 : null;
    if (n === 0) return;
    const fw = this.forward;
    const rowSize = (L + 1) * L;
    for (let y = 0; y < L; y++) fw[y] = em[y] + tr[groups[0] * rowSize + L * L + y];
    if (this.unrolled === 5) bio5Forward(tr, groups, em, fw, this.before);
    else if (this.unrolled === 3) bio3Forward(tr, groups, em, fw, this.before);
    else this.genericForward();
  }

  /** Runs the backward pass if it has not run yet: every method may be read after it. */
  withBackward(): this {
    if (this.hasBackward) return this;
    this.hasBackward = true;
    const { L, groups, em, backward: bw } = this;
    const n = groups.length;
    if (n === 0) return this;
    for (let y = 0; y < L; y++) bw[(n - 1) * L + y] = em[(n - 1) * L + y];
    if (this.unrolled === 5) bio5Backward(this.tr, groups, em, bw, this.after);
    else if (this.unrolled === 3) bio3Backward(this.tr, groups, em, bw, this.after);
    else this.genericBackward();
    return this;
  }

  private genericForward(): void {
    const { L, groups, em, tr, forward: fw } = this;
    const rowSize = (L + 1) * L;
    for (let i = 1; i < groups.length; i++) {
      const g = groups[i] * rowSize;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < L; p++) {
          const v = fw[(i - 1) * L + p] + tr[g + p * L + y];
          if (v > best) { best = v; arg = p; }
        }
        fw[i * L + y] = best + em[i * L + y];
        this.before[i * L + y] = arg;
      }
    }
  }

  private genericBackward(): void {
    const { L, groups, em, tr, backward: bw } = this;
    const rowSize = (L + 1) * L;
    for (let i = groups.length - 2; i >= 0; i--) {
      const g = groups[i + 1] * rowSize;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        for (let q = 0; q < L; q++) {
          const v = tr[g + y * L + q] + bw[(i + 1) * L + q];
          if (v > best) { best = v; arg = q; }
        }
        bw[i * L + y] = best + em[i * L + y];
        this.after[i * L + y] = arg;
      }
    }
  }

  /** The score of the best allowed sequence with label y at position i (−∞ when none). */
  score(i: number, y: number): number {
    if (!this.hasBackward) this.withBackward();
    const k = i * this.L + y;
    return this.forward[k] + this.backward[k] - this.em[k];
  }

  /**
   * The best score of an allowed sequence with label y somewhere, up to rounding: its highest
   * max-marginal (−∞ when none). {@link viterbiRequiring} finds the sequence, at several times the cost.
   */
  bestWith(y: number): number {
    let top = -Infinity;
    for (let i = 0; i < this.groups.length; i++) top = Math.max(top, this.score(i, y));
    return top;
  }

  /** The best allowed sequence and its score, Viterbi's (the first best label on a tie; the labels into `out` when given, n long). */
  best(out?: Uint8Array): { labels: Uint8Array; score: number } {
    const L = this.L;
    const last = (this.n - 1) * L;
    if (last < 0) return { labels: out ?? new Uint8Array(0), score: 0 };
    let y = 0;
    for (let k = 1; k < L; k++) if (this.forward[last + k] > this.forward[last + y]) y = k;
    return { labels: this.path(last / L, y, out), score: this.forward[last + y] };
  }

  /** The score of any label sequence: emissions and transitions (−∞ when it takes a forbidden transition). */
  scoreOf(labels: Uint8Array): number {
    const L = this.L;
    const rowSize = (L + 1) * L;
    let s = 0;
    for (let i = 0; i < labels.length; i++) s += this.em[i * L + labels[i]] + this.tr[this.groups[i] * rowSize + (i === 0 ? L * L : labels[i - 1] * L) + labels[i]];
    return s;
  }

  /** The label at position i − 1 of the best allowed sequence with label y at i (i > 0): one step of {@link path}. */
  previous(i: number, y: number): number {
    return this.before[i * this.L + y];
  }

  /** The label at position i + 1 of the best allowed sequence with label y at i (i < n − 1): one step of {@link path}. */
  following(i: number, y: number): number {
    if (!this.hasBackward) this.withBackward();
    return this.after[i * this.L + y];
  }

  /** The best allowed sequence with label y at position i (into `out` when given, n long). */
  path(i: number, y: number, out?: Uint8Array): Uint8Array {
    const L = this.L;
    const n = this.n;
    if (i < n - 1 && !this.hasBackward) this.withBackward();
    const labels = out ?? new Uint8Array(n);
    const { before, after } = this;
    labels[i] = y;
    // each label from the one next to it, kept in a local, not read back from `labels`: the trace
    // is a chain of loads, and a read back lengthens each link
    let x = y;
    for (let j = i; j > 0; j--) {
      x = before[j * L + x];
      labels[j - 1] = x;
    }
    x = y;
    for (let j = i; j < n - 1; j++) {
      x = after[j * L + x];
      labels[j + 1] = x;
    }
    return labels;
  }
}

/**
 * Best label sequence that contains `required` at least once (Viterbi over label × seen-yet
 * states), with its score; null when no allowed sequence has it.
 * @example viterbiRequiring(model, groups, em, 1) // a path with a B-source somewhere
 */
export function viterbiRequiring(model: LinearModel, groups: Uint8Array, em: Float32Array, required: number): { labels: Uint8Array; score: number } | null {
  const L = model.labels;
  const n = groups.length;
  if (n === 0) return null;
  const S = 2 * L; // state = seen * L + label
  const { delta, back } = scratch(n * S);
  delta.fill(-Infinity, 0, n * S);
  const tr = maskedTransitions(model);
  const rowSize = (L + 1) * L;
  for (let y = 0; y < L; y++) {
    const seen = y === required ? 1 : 0;
    delta[seen * L + y] = em[y] + tr[groups[0] * rowSize + L * L + y];
  }
  for (let i = 1; i < n; i++) {
    const g = groups[i] * rowSize;
    for (let ps = 0; ps < S; ps++) {
      const prev = delta[(i - 1) * S + ps];
      if (prev === -Infinity) continue;
      const p = ps % L;
      const seenBefore = ps >= L ? 1 : 0;
      for (let y = 0; y < L; y++) {
        const s = (seenBefore || y === required ? 1 : 0) * L + y;
        const v = prev + tr[g + p * L + y] + em[i * L + y];
        if (v > delta[i * S + s]) { delta[i * S + s] = v; back[i * S + s] = ps; }
      }
    }
  }
  let best = -Infinity;
  let arg = -1;
  for (let y = 0; y < L; y++) if (delta[(n - 1) * S + L + y] > best) { best = delta[(n - 1) * S + L + y]; arg = L + y; }
  if (arg < 0 || best < RULED_OUT) return null;
  const labels = new Uint8Array(n);
  let state = arg;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = state % L;
    if (i > 0) state = back[i * S + state];
  }
  return { labels, score: best };
}
