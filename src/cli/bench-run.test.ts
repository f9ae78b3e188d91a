import { describe, expect, it } from 'vitest';
import { timeFresh, timeRounds } from './bench-run.js';

/** Spins for `ms` milliseconds. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('timeRounds', () => {
  it('timeRounds: a round is the sum of its items\' times, without what runs between them', () => {
    const items = [1, 2, 3];
    const t = timeRounds(items, (x) => { spin(1); return x; }, 3, 0, () => spin(15));
    // three items of about 1 ms; 45 ms between them that a round must not count
    expect(t.median).toBeGreaterThanOrEqual(0.003);
    expect(t.max).toBeLessThan(0.04);
    expect(t.fastest).toBeLessThanOrEqual(t.min);
  });

  it('timeRounds: runs the warm-up rounds untimed, then the timed ones', () => {
    let calls = 0;
    timeRounds([1, 2], () => ++calls, 3, 4);
    expect(calls).toBe(2 * (4 + 3));
  });
});

describe('timeFresh', () => {
  it('timeFresh: reads the items once, then once again, in order', () => {
    const calls: number[] = [];
    timeFresh([1, 2], (x) => calls.push(x));
    expect(calls).toEqual([1, 2, 1, 2]);
  });

  it('timeFresh: the first reading costs what nothing cached spares, the second what a cache does', () => {
    const read = new Set<number>();
    const t = timeFresh([1, 2], (x) => { spin(read.has(x) ? 1 : 12); read.add(x); return x; });
    // two items of 12 ms on the first reading, then of 1 ms
    expect(t.first).toBeGreaterThanOrEqual(0.024);
    expect(t.again).toBeLessThan(t.first / 2);
  });
});
