import { describe, expect, it } from 'vitest';
import { FeatureList } from './feature-list.js';
import { mix } from './hash.js';
import { weightSum } from './linear.js';

describe('FeatureList', () => {
  it('keeps what is written into its room, growing past its capacity, and copies exactly its length', () => {
    const f = new FeatureList(2);
    f.push(mix(1, 1));
    const h = f.room(5);
    let n = f.length;
    for (let k = 2; k <= 6; k++) h[n++] = mix(k, k);
    f.close(n);
    expect(f.hashes.length).toBeGreaterThanOrEqual(6);
    expect([...f.toArray()]).toEqual([1, 2, 3, 4, 5, 6].map((k) => mix(k, k)));
  });

  it('emptied, keeps its storage; weightSum reads the range given', () => {
    const f = new FeatureList(4);
    [3, 5, 7].forEach((k) => f.push(k));
    const storage = f.hashes;
    f.length = 0;
    f.push(9);
    expect(f.hashes).toBe(storage);
    expect(f.toArray()).toEqual(Int32Array.of(9));
    const weights = Float32Array.from({ length: 16 }, (_, k) => k);
    [3, 5].forEach((k) => f.push(k));
    expect(weightSum({ labels: 1, mask: 15, weights, scale: 1 }, f.hashes, 1, f.length)).toBe(8);
  });

  it('fails loudly when a feature function wrote past the room it asked for', () => {
    const f = new FeatureList(2);
    const h = f.room(2);
    let n = f.length;
    for (let k = 0; k < 3; k++) h[n++] = mix(k, k); // the third write is dropped by the typed array
    expect(() => f.close(n)).toThrow(/3 features written into room for 2/);
  });
});
