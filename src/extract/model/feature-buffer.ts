import type { LinearModel, SequenceFeatures } from './linear.js';

/** Where feature functions put their hashed features, position by position. */
export interface FeatureSink {
  add(hash: number): void;
  next(): void;
  /**
   * Starts a group of features that depends on `key` alone (a token's form): true when the sink
   * added the group's cached scores, and the caller skips it; false when the caller adds the
   * features and then calls {@link FeatureSink.endGroup}. `undefined` never caches.
   */
  beginGroup(key: object | undefined): boolean;
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

  /** Closes the current position. */
  next(): void {
    this.offsets.push(this.size);
  }

  /** Training wants the features themselves: never cached. */
  beginGroup(): boolean {
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

/** Per model, the summed scores of feature groups by key (token forms), shared by every document. */
const GROUPS = new WeakMap<LinearModel, WeakMap<object, Float32Array>>();

/**
 * A sink that scores features as they come (inference): emission scores `n × L` without
 * materialising the feature lists.
 * @example const sink = new EmissionSink(model, n); cueFeatures(…, sink); sink.scores
 */
export class EmissionSink implements FeatureSink {
  readonly scores: Float32Array;
  private position = 0;
  private readonly weights: Float32Array | Int8Array;
  private readonly labels: number;
  private readonly mask: number;
  private readonly groups: WeakMap<object, Float32Array> | undefined;
  private readonly before: Float32Array;
  private groupKey: object | undefined;

  constructor(private readonly model: LinearModel, length: number) {
    this.scores = new Float32Array(length * model.labels);
    this.weights = model.weights;
    this.labels = model.labels;
    this.mask = model.mask;
    this.before = new Float32Array(model.labels);
    // Only a quantised (loaded) model is frozen; a model in training changes under the cache.
    if (model.weights instanceof Int8Array) {
      let groups = GROUPS.get(model);
      if (!groups) GROUPS.set(model, (groups = new WeakMap()));
      this.groups = groups;
    }
  }

  beginGroup(key: object | undefined): boolean {
    const o = this.position * this.labels;
    const cached = key && this.groups?.get(key);
    if (cached) {
      for (let y = 0; y < this.labels; y++) this.scores[o + y] += cached[y];
      return true;
    }
    this.groupKey = key;
    for (let y = 0; y < this.labels; y++) this.before[y] = this.scores[o + y];
    return false;
  }

  endGroup(): void {
    const key = this.groupKey;
    if (!key || !this.groups) return;
    this.groupKey = undefined;
    // Unscaled weights are small integers: their sums are exact, so the cached sum adds up
    // to the same scores as the features one by one.
    const o = this.position * this.labels;
    const sum = new Float32Array(this.labels);
    for (let y = 0; y < this.labels; y++) sum[y] = this.scores[o + y] - this.before[y];
    this.groups.set(key, sum);
  }

  add(hash: number): void {
    const L = this.labels;
    const b = (hash & this.mask) * L;
    const o = this.position * L;
    for (let y = 0; y < L; y++) this.scores[o + y] += this.weights[b + y];
  }

  next(): void {
    const scale = this.model.scale;
    if (scale !== 1) {
      const o = this.position * this.labels;
      for (let y = 0; y < this.labels; y++) this.scores[o + y] *= scale;
    }
    this.position++;
  }
}
