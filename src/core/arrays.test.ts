import { describe, expect, it } from 'vitest';
import { mapPacked } from './arrays.js';

describe('mapPacked', () => {
  it('mapPacked: gives what Array.prototype.map gives, each item with its index, in order', () => {
    const items = ['a', 'b', 'c'];
    expect(mapPacked(items, (x, i) => `${i}${x}`)).toEqual(items.map((x, i) => `${i}${x}`));
    expect(mapPacked([], (x: number) => x)).toEqual([]);
  });

  it('mapPacked: every index holds a value, none a hole, when f returns undefined', () => {
    const out = mapPacked([1, 2], () => undefined);
    expect(out).toHaveLength(2);
    expect(0 in out && 1 in out).toBe(true);
  });
});
