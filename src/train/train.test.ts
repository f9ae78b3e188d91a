import { describe, expect, it } from 'vitest';
import { crossValidationSplits } from './train.js';

describe('crossValidationSplits', () => {
  it('tests every item exactly once, never on a model that trained on it', () => {
    const items = Array.from({ length: 23 }, (_, i) => `doc${i}`);
    const splits = crossValidationSplits(items, 5);
    expect(splits).toHaveLength(5);
    expect(splits.flatMap((s) => s.test).sort()).toEqual([...items].sort());
    for (const s of splits) {
      expect(s.train.filter((x) => s.test.includes(x))).toEqual([]);
      expect(s.train.length + s.test.length).toBe(items.length);
      expect(s.test.length).toBeGreaterThanOrEqual(4);
    }
    expect(crossValidationSplits(['a', 'b', 'c', 'd'], 2)[1]).toEqual({ train: ['a', 'c'], test: ['b', 'd'] });
  });

  it('rejects a fold count that leaves a fold empty or nothing to train on', () => {
    expect(() => crossValidationSplits(['a', 'b'], 3)).toThrow(/folds must be an integer from 2 to the 2 items, got 3/);
    expect(() => crossValidationSplits(['a', 'b'], 1)).toThrow(/got 1/);
  });
});
