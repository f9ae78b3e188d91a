import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bioAllowed, MaxMarginals, viterbi, viterbiRequiring, type LinearModel } from './linear.js';

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

  it('viterbi: the best allowed sequence, as enumerating every sequence finds it (unrolled BIO decoders and the generic one)', () => {
    fc.assert(fc.property(lattices, ({ m, g, em }) => {
      const [best] = allPaths(m, g, em);
      const got = viterbi(m, g, em);
      expect(got.score).toBeCloseTo(best.score, 6);
      expect([...got.labels]).toEqual(best.path);
    }), { numRuns: 300 });
  });

  it('MaxMarginals: for each position and label, the best allowed sequence with that label there, and its score; best() is viterbi', () => {
    fc.assert(fc.property(lattices, ({ m, g, em }) => {
      const paths = allPaths(m, g, em);
      const mm = new MaxMarginals(m, g, em);
      for (let i = 0; i < g.length; i++) {
        for (let y = 0; y < m.labels; y++) {
          const want = paths.find((x) => x.path[i] === y);
          if (!want) { expect(mm.score(i, y)).toBe(-Infinity); continue; }
          expect(mm.score(i, y)).toBeCloseTo(want.score, 6);
          expect([...mm.path(i, y)]).toEqual(want.path);
        }
      }
      const best = viterbi(m, g, em);
      expect(mm.best()).toEqual({ labels: best.labels, score: best.score });
    }), { numRuns: 300 });
  });

  it('MaxMarginals before its backward pass: best() is viterbi\'s, and withBackward() gives the tables of both passes, bit for bit', () => {
    fc.assert(fc.property(lattices, ({ m, g, em }) => {
      const whole = new MaxMarginals(m, g, em).withBackward();
      const forward = new MaxMarginals(m, g, em);
      const best = viterbi(m, g, em);
      expect(forward.best()).toEqual({ labels: best.labels, score: best.score });
      expect(forward.withBackward()).toBe(forward);
      for (let i = 0; i < g.length; i++) for (let y = 0; y < m.labels; y++) {
        expect(forward.score(i, y)).toBe(whole.score(i, y));
        expect([...forward.path(i, y)]).toEqual([...whole.path(i, y)]);
      }
    }), { numRuns: 300 });
  });

  it('MaxMarginals runs its backward pass when a method reads it: score, bestWith, following and path as after withBackward()', () => {
    fc.assert(fc.property(lattices, fc.nat(), ({ m, g, em }, pick) => {
      const whole = new MaxMarginals(m, g, em).withBackward();
      const lazy = () => new MaxMarginals(m, g, em);
      const i = pick % g.length;
      const y = pick % m.labels;
      expect(lazy().score(i, y)).toBe(whole.score(i, y));
      expect(lazy().bestWith(y)).toBe(whole.bestWith(y));
      if (i < g.length - 1) expect(lazy().following(i, y)).toBe(whole.following(i, y));
      expect([...lazy().path(i, y)]).toEqual([...whole.path(i, y)]);
    }), { numRuns: 300 });
  });

  it('MaxMarginals.bestWith: the score of the best allowed sequence holding the label, as viterbiRequiring finds it (−∞ when none)', () => {
    fc.assert(fc.property(lattices, ({ m, g, em }) => {
      const mm = new MaxMarginals(m, g, em);
      for (let y = 0; y < m.labels; y++) {
        const want = viterbiRequiring(m, g, em, y);
        if (want) expect(mm.bestWith(y)).toBeCloseTo(want.score, 6);
        else expect(mm.bestWith(y)).toBe(-Infinity);
      }
    }), { numRuns: 300 });
  });

  it('MaxMarginals.scoreOf: the score of any allowed sequence, −∞ for one with a forbidden transition', () => {
    fc.assert(fc.property(lattices, ({ m, g, em }) => {
      const mm = new MaxMarginals(m, g, em);
      for (const { path, score } of allPaths(m, g, em)) expect(mm.scoreOf(Uint8Array.from(path))).toBeCloseTo(score, 6);
    }), { numRuns: 300 });
    const m = bare(1);
    const mm = new MaxMarginals(m, new Uint8Array(2), new Float32Array(6));
    expect(mm.scoreOf(Uint8Array.of(2, 2))).toBe(-Infinity); // I at the start
    expect(mm.scoreOf(Uint8Array.of(1, 2))).toBe(0);
  });
});

/** Random lattices: 1 or 2 BIO types, with or without the BIO constraints, 1–5 positions, two transition groups; distinct scores (no ties). */
const lattices = fc.record({
  types: fc.constantFrom(1, 2),
  bio: fc.boolean(),
  n: fc.integer({ min: 1, max: 5 }),
  seed: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 400, maxLength: 400 }),
}).map(({ types, bio, n, seed }) => {
  const L = 1 + 2 * types;
  const groups = 2;
  let k = 0;
  const next = () => seed[k++ % seed.length] / 7 + k * 1e-3;
  const allowed = bio ? bioAllowed(types) : new Uint8Array((L + 1) * L).fill(1);
  const m: LinearModel = { labels: L, mask: 0, weights: new Float32Array(L), scale: 1, transitions: Float32Array.from({ length: groups * (L + 1) * L }, next), allowed };
  const g = Uint8Array.from({ length: n }, (_, i) => (seed[i] & 1));
  const em = Float32Array.from({ length: n * L }, next);
  return { m, g, em };
});

/** Every allowed label sequence with its score, best first. */
function allPaths(m: LinearModel, g: Uint8Array, em: Float32Array): { path: number[]; score: number }[] {
  const L = m.labels;
  const n = g.length;
  const out: { path: number[]; score: number }[] = [];
  for (let code = 0; code < L ** n; code++) {
    const path = Array.from({ length: n }, (_, i) => Math.floor(code / L ** i) % L);
    let score = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const from = i === 0 ? L : path[i - 1];
      ok = m.allowed[from * L + path[i]] === 1;
      score += em[i * L + path[i]] + m.transitions[g[i] * (L + 1) * L + from * L + path[i]];
    }
    if (ok) out.push({ path, score });
  }
  return out.sort((a, b) => b.score - a.score);
}
