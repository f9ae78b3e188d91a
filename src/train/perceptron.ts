import type { LinearModel, SequenceFeatures } from '../extract/model/linear.js';
import { applyForced, emissions, viterbi } from '../extract/model/linear.js';

/**
 * Averaged structured perceptron over a {@link LinearModel}: decode, compare with the gold
 * labels, update the weights of the positions that differ; averaging uses the lazy
 * timestamp trick, so an update costs the same as in the plain perceptron.
 */
export class AveragedPerceptron {
  readonly model: LinearModel;
  private readonly sumW: Float64Array;
  private readonly sumT: Float64Array;
  private clock = 1;

  constructor(labels: number, bits: number, groups: number, allowed: Uint8Array) {
    const buckets = 1 << bits;
    this.model = {
      labels, mask: buckets - 1, weights: new Float32Array(buckets * labels), scale: 1,
      transitions: new Float32Array(groups * (labels + 1) * labels), allowed,
    };
    this.sumW = new Float64Array(buckets * labels);
    this.sumT = new Float64Array(this.model.transitions.length);
  }

  /** Decodes with the current weights (forced labels, if given, replace decoding at those positions). */
  decode(seq: SequenceFeatures, forced?: Int8Array): Uint8Array {
    const em = emissions(this.model, seq);
    if (forced) applyForced(em, forced, this.model.labels);
    return viterbi(this.model, seq.groups, em).labels;
  }

  /** One training step; returns true when the prediction was wrong. */
  learn(seq: SequenceFeatures, gold: Uint8Array, forced?: Int8Array): boolean {
    const pred = this.decode(seq, forced);
    let wrong = false;
    const L = this.model.labels;
    const rowSize = (L + 1) * L;
    for (let i = 0; i < seq.length; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p) {
        wrong = true;
        for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) {
          const b = seq.feats[k] * L;
          this.bump(this.model.weights as Float32Array, this.sumW, b + g, 1);
          this.bump(this.model.weights as Float32Array, this.sumW, b + p, -1);
        }
      }
      const gp = i === 0 ? L : gold[i - 1];
      const pp = i === 0 ? L : pred[i - 1];
      if (gp !== pp || g !== p) {
        const base = seq.groups[i] * rowSize;
        this.bump(this.model.transitions, this.sumT, base + gp * L + g, 1);
        this.bump(this.model.transitions, this.sumT, base + pp * L + p, -1);
      }
    }
    this.clock++;
    return wrong;
  }

  /** The averaged weights, as a new model (training can go on with the current one). */
  averaged(): LinearModel {
    const c = this.clock;
    const weights = new Float32Array(this.model.weights.length);
    const current = this.model.weights as Float32Array;
    for (let k = 0; k < weights.length; k++) weights[k] = current[k] - this.sumW[k] / c;
    const transitions = new Float32Array(this.model.transitions.length);
    for (let k = 0; k < transitions.length; k++) transitions[k] = this.model.transitions[k] - this.sumT[k] / c;
    return { ...this.model, weights, transitions };
  }

  private bump(w: Float32Array, sum: Float64Array, k: number, delta: number): void {
    w[k] += delta;
    sum[k] += this.clock * delta;
  }
}
