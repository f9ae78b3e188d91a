import type { LinearModel, SequenceFeatures } from './linear.js';

/** Where feature functions put their hashed features, position by position. */
export interface FeatureSink {
  add(hash: number): void;
  next(): void;
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

  constructor(private readonly model: LinearModel, length: number) {
    this.scores = new Float32Array(length * model.labels);
    this.weights = model.weights;
    this.labels = model.labels;
    this.mask = model.mask;
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
