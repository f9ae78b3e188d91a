/**
 * Turns the taggers' scores into a probability that an attribution is right: a logistic over
 * the cue margin, the role margin and whether the quote layer found the same cue. Fitted on
 * held-out training documents by `npm run train`.
 */
export interface Calibration {
  /** Weights of [bias, cue margin, role margin, confirmed by a quote rule]. */
  weights: number[];
}

/** The features the calibration reads, scaled to comparable ranges. */
export function calibrationInputs(cueMargin: number, roleMargin: number, confirmed: boolean): number[] {
  return [1, clamp(cueMargin / 20, -5, 5), clamp(roleMargin / 40, -5, 5), confirmed ? 1 : 0];
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
