import { logit, sigmoid } from '../extract/model/reranker.js';
import { shuffle } from './random.js';

/** One training example of a binary classifier over hashed features. */
export interface BinaryExample {
  feats: Int32Array;
  label: 0 | 1;
}

/**
 * Logistic regression by AdaGrad SGD with a small L2 penalty; deterministic for a given PRNG.
 * @example trainLogistic(examples, 18, 8, rand).length // 2 ** 18
 */
export function trainLogistic(examples: BinaryExample[], bits: number, epochs: number, rand: () => number, rate = 0.3, l2 = 1e-6): Float32Array {
  const w = new Float32Array(1 << bits);
  const g2 = new Float32Array(1 << bits).fill(1e-8);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (const i of shuffle(order, rand)) {
      const ex = examples[i];
      const grad = sigmoid(logit(w, ex.feats)) - ex.label;
      for (let k = 0; k < ex.feats.length; k++) {
        const f = ex.feats[k];
        const g = grad + l2 * w[f];
        g2[f] += g * g;
        w[f] -= (rate * g) / Math.sqrt(g2[f]);
      }
    }
  }
  return w;
}
