import { calibrationInputs, probability, type Calibration } from '../extract/model/calibration.js';

/** One calibration example: the inputs and whether the attribution was right. */
export interface CalibrationExample {
  inputs: number[];
  label: 0 | 1;
}

/**
 * Fits a {@link Calibration} by Newton's method (it has four weights), with a small ridge.
 * @example fitCalibration([{inputs: calibrationInputs(40, 80, false), label: 1}, …])
 */
export function fitCalibration(examples: CalibrationExample[], iterations = 25, ridge = 1e-3): Calibration {
  const k = examples[0]?.inputs.length ?? calibrationInputs(0, 0, false).length;
  let w = new Array<number>(k).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const ex of examples) {
      const p = probability({ weights: w }, ex.inputs);
      const g = p - ex.label;
      const h = p * (1 - p);
      for (let a = 0; a < k; a++) {
        grad[a] += g * ex.inputs[a];
        for (let b = 0; b < k; b++) hess[a][b] += h * ex.inputs[a] * ex.inputs[b];
      }
    }
    for (let a = 0; a < k; a++) { grad[a] += ridge * w[a]; hess[a][a] += ridge; }
    w = w.map((v, a) => v - solve(hess, grad)[a]);
  }
  return { weights: w };
}

/** Solves `A x = b` by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let j = r + 1; j < n; j++) s -= m[r][j] * x[j];
    x[r] = s / m[r][r];
  }
  return x;
}
