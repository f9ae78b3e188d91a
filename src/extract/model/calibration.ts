/**
 * Turns the taggers' scores into a probability that an attribution is right: a logistic over
 * the cue margin, the role margin, whether the quote layer found the same cue and, for a near
 * miss the near-miss filter kept, its margin. Fitted on held-out training documents by
 * `npm run train`.
 */
export interface Calibration {
  /**
   * Weights of [bias, cue margin, role margin, confirmed by a quote rule, kept by the near-miss
   * filter, the filter's margin]; a calibration fitted before the filter has the first four (the
   * others count as 0).
   */
  weights: number[];
}

/**
 * The features the calibration reads, scaled to comparable ranges; `filterMargin` is the
 * near-miss filter's margin over its threshold, for a near miss it kept.
 * @example calibrationInputs(-12, 60, false, 3) // [1, -0.6, 1.5, 0, 1, 0.6]
 */
export function calibrationInputs(cueMargin: number, roleMargin: number, confirmed: boolean, filterMargin?: number): number[] {
  const filtered = filterMargin !== undefined;
  return [1, clamp(cueMargin / 20, -5, 5), clamp(roleMargin / 40, -5, 5), confirmed ? 1 : 0, filtered ? 1 : 0, filtered ? clamp(filterMargin / 5, -5, 5) : 0];
}

/**
 * Probability from calibration inputs.
 * @example probability({weights: [0, 1, 0, 0]}, calibrationInputs(20, 0, false)) // ≈ 0.73
 */
export function probability(c: Calibration, inputs: number[]): number {
  let z = 0;
  for (let k = 0; k < inputs.length; k++) z += (c.weights[k] ?? 0) * inputs[k];
  return 1 / (1 + Math.exp(-z));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}
