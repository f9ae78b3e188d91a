import { describe, expect, it } from 'vitest';
import { Arena } from './arena.js';

describe('Arena', () => {
  it('carves zeroed or filled arrays that do not overlap, and refuses to overrun', () => {
    const arena = new Arena(4 * 3 + 4 + 4 * 2);
    const a = arena.int32(3);
    const b = arena.uint8(3, 255);
    const c = arena.int32(2, -1);
    a.fill(7);
    expect([...a]).toEqual([7, 7, 7]);
    expect([...b]).toEqual([255, 255, 255]);
    expect([...c]).toEqual([-1, -1]);
    expect(() => arena.uint8(1)).toThrow(RangeError);
  });
});
