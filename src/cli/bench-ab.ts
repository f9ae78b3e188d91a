import type { TextInput } from './input/record.js';

/** An extractor under comparison: the text and its options in, a result that JSON can compare. */
export type ExtractFn = (text: string, options: { id?: string; date?: string }) => unknown;

/** What {@link compareInterleaved} measures. */
export interface Comparison {
  /** Each text's fastest CPU time over the rounds, summed, in seconds: for A, then for B. */
  a: number;
  b: number;
  /** How many times as fast B is as A (`a / b`). */
  speedup: number;
  /** The ids (or line numbers, from 1) of the texts whose outputs differ, in order. */
  differing: string[];
}

/**
 * Compares two extractors over the same texts in one process: first their outputs (as JSON),
 * then their speed, each text run by both in every round, in an order that alternates by round
 * and text, its fastest CPU time per extractor kept. Interleaved so, both meet the same host
 * (the same other tenants, clock speed and caches) within milliseconds, where two bench runs a
 * minute apart on a shared VM differ by up to 1.5×.
 * @example compareInterleaved(base.extract, extract, texts, 7).speedup // 1.03: B 3 % faster
 */
export function compareInterleaved(a: ExtractFn, b: ExtractFn, inputs: readonly TextInput[], rounds: number): Comparison {
  const differing: string[] = [];
  inputs.forEach(({ id, text, date }, k) => {
    if (JSON.stringify(a(text, { id, date })) !== JSON.stringify(b(text, { id, date }))) differing.push(id ?? String(k + 1));
  });
  const bestA = new Array<number>(inputs.length).fill(Infinity);
  const bestB = new Array<number>(inputs.length).fill(Infinity);
  for (let r = 0; r < rounds; r++) {
    inputs.forEach(({ id, text, date }, k) => {
      const aFirst = (r + k) % 2 === 0;
      for (const which of aFirst ? [0, 1] : [1, 0]) {
        const took = cpuSeconds(() => (which === 0 ? a : b)(text, { id, date }));
        if (which === 0) bestA[k] = Math.min(bestA[k], took);
        else bestB[k] = Math.min(bestB[k], took);
      }
    });
  }
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const [ta, tb] = [sum(bestA), sum(bestB)];
  return { a: ta, b: tb, speedup: ta / Math.max(tb, 1e-9), differing };
}

/** The process's CPU time (user and system) that `run` takes, in seconds. */
function cpuSeconds(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
