import { pyRound } from './python-text.js';

/** Precision, recall and F1 of one metric, rounded to 4 places, with the counts they divide by. */
export interface PrfResult {
  p: number;
  r: number;
  f1: number;
  n_pred: number;
  n_gold: number;
}

/**
 * Credit and counts for one metric; `tpP`/`tpR` may be fractional (soft overlap).
 * @example const m = new Prf(); m.np = 2; m.ng = 4; m.tpP = m.tpR = 1; m.result().f1 // 0.3333
 */
export class Prf {
  tpP = 0;
  tpR = 0;
  np = 0;
  ng = 0;

  /** Adds the same credit toward precision and recall. */
  credit(both: number): void {
    this.tpP += both;
    this.tpR += both;
  }

  /** The figures, computed and rounded as Python's `PRF.res` does. */
  result(): PrfResult {
    const p = this.np ? this.tpP / this.np : 0;
    const r = this.ng ? this.tpR / this.ng : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    return { p: pyRound(p, 4), r: pyRound(r, 4), f1: pyRound(f, 4), n_pred: this.np, n_gold: this.ng };
  }
}
