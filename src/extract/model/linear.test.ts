import { describe, expect, it } from 'vitest';
import { bioAllowed, viterbi, viterbiRequiring, type LinearModel } from './linear.js';

/** A model with no weights: emissions are given directly, transitions all zero. */
function bare(types: number): LinearModel {
  const labels = 1 + 2 * types;
  return { labels, mask: 0, weights: new Float32Array(labels), scale: 1, transitions: new Float32Array((labels + 1) * labels), allowed: bioAllowed(types) };
}

describe('linear', () => {
  it('bioAllowed: I only after B or I of the same type, never at the start', () => {
    const a = bioAllowed(2); // O B1 I1 B2 I2
    const L = 5;
    expect(a[L * L + 2]).toBe(0); // start → I1
    expect(a[1 * L + 2]).toBe(1); // B1 → I1
    expect(a[3 * L + 2]).toBe(0); // B2 → I1
    expect(a[0 * L + 4]).toBe(0); // O → I2
  });

  it('viterbi: follows the emissions when every transition is allowed', () => {
    const m = bare(1);
    const em = Float32Array.of(0, 5, 0, 0, 0, 5, 9, 0, 0); // B I O
    expect([...viterbi(m, new Uint8Array(3), em).labels]).toEqual([1, 2, 0]);
  });

  it('viterbi: never starts a sequence with I even when I scores best', () => {
    const m = bare(1);
    const em = Float32Array.of(0, 1, 5);
    expect([...viterbi(m, new Uint8Array(1), em).labels]).toEqual([1]);
  });

  it('viterbiRequiring: returns the best path holding the required label, with its score', () => {
    const m = bare(1);
    const em = Float32Array.of(3, 1, 0, 3, 0, 0); // O O is best (6); with a B: B O (4) or O B (3)
    const best = viterbi(m, new Uint8Array(2), em);
    const forced = viterbiRequiring(m, new Uint8Array(2), em, 1);
    expect(best.score).toBe(6);
    expect(forced && [...forced.labels]).toEqual([1, 0]);
    expect(forced?.score).toBe(4);
  });
});
