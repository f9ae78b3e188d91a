import type { SequenceFeatures } from './linear.js';

/**
 * Collects hashed feature ids position by position into flat arrays.
 * @example const b = new FeatureBuffer(mask); b.next(); b.add(h); b.finish(groups)
 */
export class FeatureBuffer {
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
