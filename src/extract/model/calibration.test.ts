import { describe, expect, it } from 'vitest';
import { calibrationInputs, probability } from './calibration.js';

describe('calibration', () => {
  it('calibrationInputs: scaled and clamped margins, the rule flag, and the near-miss filter\'s margin when there is one', () => {
    expect(calibrationInputs(-12, 60, false, 3)).toEqual([1, -0.6, 1.5, 0, 1, 0.6]);
    expect(calibrationInputs(40, 80, true)).toEqual([1, 2, 2, 1, 0, 0]);
    expect(calibrationInputs(500, -900, false, -100)).toEqual([1, 5, -5, 0, 1, -5]);
  });

  it('probability: a calibration fitted before the filter (four weights) reads the filter\'s inputs as 0', () => {
    const old = { weights: [0.5, 1, 1, 1] };
    expect(probability(old, calibrationInputs(20, 40, true, 4))).toBeCloseTo(probability(old, calibrationInputs(20, 40, true)), 12);
    expect(probability({ weights: [0, 0, 0, 0, 0, 2] }, calibrationInputs(0, 0, false, 5))).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });
});
