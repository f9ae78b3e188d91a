import type { LinearModel, SequenceFeatures } from './linear.js';

/** Where feature functions put their hashed features, position by position. */
export interface FeatureSink {
  add(hash: number): void;
  /** Adds `hashes[0…count)` to the current position, as `count` calls of {@link FeatureSink.add} would. */
  addAll(hashes: Int32Array, count: number): void;
  next(): void;
  /**
   * Starts a group of features that depends on `form` alone (a token form's id, see
   * `TokenAttributes.form`) and `side` (0 or 1): true when the sink added the group's cached
   * scores, and the caller skips it; false when the caller adds the features and then calls
   * {@link FeatureSink.endGroup}. A negative id never caches.
   */
  beginGroup(form: number, side?: number): boolean;
  endGroup(): void;
}

/**
 * Collects hashed feature ids position by position into flat arrays.
 * @example const b = new FeatureBuffer(mask); b.next(); b.add(h); b.finish(groups)
 */
export class FeatureBuffer implements FeatureSink {
  private feats: Int32Array;
  private offsets: number[] = [0];
  private size = 0;

  constructor(private readonly mask: number, capacity = 1024) {
    this.feats = new Int32Array(capacity);
  }

  /** Adds a feature (any 32-bit hash) to the current position. */
  add(hash: number): void {
    if (this.size === this.feats.length) {
      const grown = new Int32Array(this.feats.length * 2);
      grown.set(this.feats);
      this.feats = grown;
    }
    this.feats[this.size++] = hash & this.mask;
  }

  addAll(hashes: Int32Array, count: number): void {
    for (let k = 0; k < count; k++) this.add(hashes[k]);
  }

  /** Closes the current position. */
  next(): void {
    this.offsets.push(this.size);
  }

  /** Training wants the features themselves: never cached. */
  beginGroup(_form?: number, _side?: number): boolean {
    return false;
  }

  endGroup(): void {}

  /** The collected sequence; `groups` gives each position's transition group. */
  finish(groups?: Uint8Array): SequenceFeatures {
    const length = this.offsets.length - 1;
    return {
      length,
      feats: this.feats.subarray(0, this.size),
      offsets: Int32Array.from(this.offsets),
      groups: groups ?? new Uint8Array(length),
    };
  }
}

/**
 * Every sink's features of the position it is scoring, not summed yet (no template set has 64):
 * one array for all, as a sink scores one position at a time, from its first feature to
 * {@link EmissionSink.next}, and no other sink adds features meanwhile. An array of its own per
 * sink was 256 bytes allocated outside V8's heap, some microseconds per document for each of the
 * cue tagger's and the role tagger's sinks.
 */
const PENDING = new Int32Array(64);

/** Summed group scores of one model and side by form id, grown as ids come. */
interface GroupTable {
  scores: Float32Array;
  filled: Uint8Array;
}

/** Per quantised (loaded) model, a table per side. */
let TABLES = new WeakMap<LinearModel, [GroupTable, GroupTable]>();

/**
 * Forgets every cached group (form ids are about to be reused).
 * @example clearGroupCaches()
 */
export function clearGroupCaches(): void {
  TABLES = new WeakMap();
}

/**
 * A sink that scores features as they come (inference): emission scores `n × L` without
 * materialising the feature lists. A position's bucket offsets are buffered and summed once, at
 * {@link EmissionSink.next}, in local accumulators (3 or 5 labels unrolled), not label by label
 * through the score array.
 * @example const sink = new EmissionSink(model, n); cueFeatures(…, sink); sink.scores
 */
export class EmissionSink implements FeatureSink {
  scores: Float32Array;
  private position = 0;
  private readonly weights: Float32Array | Int8Array;
  private readonly labels: number;
  private readonly mask: number;
  /** Cached groups, when the model is frozen. */
  private readonly tables: [GroupTable, GroupTable] | undefined;
  /** `bucket × L` of each feature of the current position not summed yet ({@link PENDING}). */
  private readonly pending = PENDING;
  private count = 0;
  private groupTable: GroupTable | undefined;
  private groupForm = 0;
  private groupStart = 0;

  /**
   * With `scaled` false, the scores stay unscaled sums of weights (integers for a quantised model),
   * for a caller that adds more weights to them before scaling. With `scores` (`length × L` zeros),
   * the scores go there, not to an array of their own.
   */
  constructor(private readonly model: LinearModel, length: number, private readonly scaled = true, scores?: Float32Array) {
    this.scores = scores ?? new Float32Array(length * model.labels);
    this.weights = model.weights;
    this.labels = model.labels;
    this.mask = model.mask;
    // Only a quantised (loaded) model is frozen; a model in training changes under the cache.
    if (model.weights instanceof Int8Array) {
      let tables = TABLES.get(model);
      if (!tables) TABLES.set(model, (tables = [emptyTable(model.labels), emptyTable(model.labels)]));
      this.tables = tables;
    }
  }

  /** Scores a new sequence of `length` positions with the same model. */
  reset(length: number): void {
    const size = length * this.labels;
    if (this.scores.length === size) this.scores.fill(0);
    else this.scores = new Float32Array(size);
    this.position = 0;
    this.count = 0;
  }

  /** Scores position `position` next (positions may come in any order, each at most once). */
  seek(position: number): void {
    this.position = position;
    this.count = 0;
  }

  beginGroup(form: number, side = 0): boolean {
    if (form < 0 || !this.tables) return false;
    const table = this.tables[side];
    if (form < table.filled.length && table.filled[form]) {
      const L = this.labels;
      const o = this.position * L;
      const at = form * L;
      for (let y = 0; y < L; y++) this.scores[o + y] += table.scores[at + y];
      return true;
    }
    this.groupTable = table;
    this.groupForm = form;
    this.groupStart = this.count;
    return false;
  }

  endGroup(): void {
    let table = this.groupTable;
    if (!table) return;
    this.groupTable = undefined;
    const L = this.labels;
    const form = this.groupForm;
    if (form >= table.filled.length) table = grow(table, form, L);
    // Unscaled weights are small integers: their sums are exact, so the cached sum adds up
    // to the same scores as the features one by one.
    for (let k = this.groupStart; k < this.count; k++) {
      const b = this.pending[k];
      for (let y = 0; y < L; y++) table.scores[form * L + y] += this.weights[b + y];
    }
    table.filled[form] = 1;
  }

  /** Kept tiny so that V8 inlines it at each of the feature functions' call sites. */
  add(hash: number): void {
    this.pending[this.count++] = (hash & this.mask) * this.labels;
  }

  /**
   * Sums the features' weights into the current position at once. A quantised model's weights
   * are integers: their sums are exact and do not depend on the order; a model in training keeps
   * the order of {@link EmissionSink.add} and {@link EmissionSink.next}.
   */
  addAll(hashes: Int32Array, count: number): void {
    if (this.labels !== 3 || !this.tables) {
      for (let k = 0; k < count; k++) this.add(hashes[k]);
      return;
    }
    const w = this.weights;
    const mask = this.mask;
    let s0 = 0, s1 = 0, s2 = 0;
    for (let k = 0; k < count; k++) {
      const b = (hashes[k] & mask) * 3;
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2];
    }
    const out = this.scores;
    const o = this.position * 3;
    out[o] += s0; out[o + 1] += s1; out[o + 2] += s2;
  }

  next(): void {
    // A store past the end of a typed array is dropped: a position with more features than
    // room must fail loudly, not lose some.
    if (this.count > this.pending.length) throw new Error(`EmissionSink: more than ${this.pending.length} features at one position`);
    const L = this.labels;
    const o = this.position * L;
    if (L === 3) this.sum3(o);
    else if (L === 5) this.sum5(o);
    else this.sumAny(o);
    const scale = this.model.scale;
    if (scale !== 1 && this.scaled) for (let y = 0; y < L; y++) this.scores[o + y] *= scale;
    this.count = 0;
    this.position++;
  }

  // sum3 and sum5 are sumAny unrolled for the two taggers' label counts: with the generic loop
  // (the sums go through the score array) extract() is 13-17 % slower over dev.
  private sum3(o: number): void {
    const w = this.weights;
    const f = this.pending;
    let s0 = 0, s1 = 0, s2 = 0;
    for (let k = 0; k < this.count; k++) {
      const b = f[k];
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2];
    }
    const out = this.scores;
    out[o] += s0; out[o + 1] += s1; out[o + 2] += s2;
  }

  private sum5(o: number): void {
    const w = this.weights;
    const f = this.pending;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (let k = 0; k < this.count; k++) {
      const b = f[k];
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
    }
    const out = this.scores;
    out[o] += s0; out[o + 1] += s1; out[o + 2] += s2; out[o + 3] += s3; out[o + 4] += s4;
  }

  private sumAny(o: number): void {
    for (let k = 0; k < this.count; k++) {
      const b = this.pending[k];
      for (let y = 0; y < this.labels; y++) this.scores[o + y] += this.weights[b + y];
    }
  }
}

function emptyTable(labels: number): GroupTable {
  return { scores: new Float32Array(1024 * labels), filled: new Uint8Array(1024) };
}

/** Makes room for form id `form` (in place: the table object stays the one the sinks hold). */
function grow(table: GroupTable, form: number, labels: number): GroupTable {
  let size = table.filled.length;
  while (size <= form) size *= 2;
  const filled = new Uint8Array(size);
  filled.set(table.filled);
  const scores = new Float32Array(size * labels);
  scores.set(table.scores);
  table.filled = filled;
  table.scores = scores;
  return table;
}
