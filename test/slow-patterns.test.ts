import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

/**
 * Extraction stays linear on pathological input. Each bound is ten or more times what the case
 * took when measured alone on a shared 2-core machine: far below what a quadratic pattern takes
 * on these sizes (minutes), far above what load adds.
 */
const CASES: Array<[string, () => string, number]> = [
  // [case, text, bound in ms]; measured: 0.3 s, 0.9 s, 0.2 s, 0.3 s, 0.3 s (21 s before quoteOf became one sweep), 1.1 s, 1.1 s, 1.4 s
  ['200k straight quote marks in a row', () => '"'.repeat(200_000), 4_000],
  ['"a" repeated 200k times', () => '"a" '.repeat(200_000), 10_000],
  ['1 MB on one line without punctuation', () => 'word '.repeat(200_000), 4_000],
  ['50k nested “‘ marks, never closed', () => '“‘'.repeat(50_000), 4_000],
  ['50k nested “‘ marks, all closed', () => '“‘'.repeat(50_000) + 'x' + '’”'.repeat(50_000), 4_000],
  ['1 MB of apostrophes', () => "'".repeat(1_000_000), 12_000],
  ['1 MB of curly apostrophes', () => '’'.repeat(1_000_000), 12_000],
  // every quote here is a cue for the trained model: ~20 role windows overlap each token
  ['20k attributed quotes in one paragraph', () => '"a," he said. '.repeat(20_000), 30_000],
];

describe('slow patterns', () => {
  it.each(CASES)('extract: %s stays fast', (_, make, boundMs) => {
    const text = make();
    const t0 = performance.now();
    extract(text);
    expect(performance.now() - t0).toBeLessThan(boundMs);
  }, 60_000);
});
