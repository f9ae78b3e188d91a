/**
 * A list of hashed features in one growing Int32Array with an explicit length: the rerankers
 * append some 750,000 features per pass over dev, and a `number[]` emptied from time to time
 * dropped its storage and grew it again (13 MB per pass); emptying this one (`length = 0`)
 * keeps it.
 * @example const f = new FeatureList(); f.push(mix(1, 2)); weightSum(model.reranker, f.hashes, 0, f.length)
 */
export class FeatureList {
  /** The features, at `0 … length − 1` (what lies past `length` is left over). */
  hashes: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.hashes = new Int32Array(capacity);
  }

  /**
   * The array, with room for `k` more features at `length` on: a feature function writes them
   * there and then calls {@link FeatureList.close}.
   * @example const h = out.room(2); let n = out.length; h[n++] = mix(1, a); h[n++] = mix(2, b); out.close(n);
   */
  room(k: number): Int32Array {
    if (this.length + k > this.hashes.length) {
      const grown = new Int32Array(2 * (this.length + k));
      grown.set(this.hashes.subarray(0, this.length));
      this.hashes = grown;
    }
    return this.hashes;
  }

  /**
   * Sets the length after a feature function wrote its features into {@link FeatureList.room}
   * up to `n`. Throws when they ran past the array: a typed array drops such writes silently,
   * so a function that writes more features than the room it asked for fails loudly here.
   * @example const h = out.room(1); let n = out.length; h[n++] = mix(1, a); out.close(n);
   */
  close(n: number): void {
    if (n > this.hashes.length) throw new Error(`FeatureList: ${n} features written into room for ${this.hashes.length}`);
    this.length = n;
  }

  /** Appends one feature. */
  push(hash: number): void {
    this.room(1)[this.length++] = hash;
  }

  /**
   * A copy of the features, as long as the list.
   * @example Int32Array.from([mix(1, 2)]) // what a list holding mix(1, 2) copies to
   */
  toArray(): Int32Array {
    return this.hashes.slice(0, this.length);
  }
}
