import { extract } from '../index.js';
import type { TextInput } from './input/record.js';

/** Times of the measured rounds, in seconds. */
export interface RoundTimes {
  median: number;
  min: number;
  max: number;
}

/** What {@link runBench} measures. */
export interface BenchResult {
  docs: number;
  /** Total length of the texts in UTF-16 code units. */
  units: number;
  /** Matches of `/\w+/g` (ASCII word runs) in the texts. */
  words: number;
  rounds: number;
  extract: RoundTimes;
  baseline: RoundTimes;
  /** Peaks sampled while extracting, in bytes. */
  memory: { rss: number; heapUsed: number };
}

/**
 * Runs `extract()` over all texts once to warm up, then `rounds` times timed; then the same for
 * the baseline, a plain `text.match(/\w+/g)` word split. Memory is sampled between documents
 * (at most every 5 ms, so sampling costs next to nothing).
 * @example runBench([{text: '“Yes,” she said.'}], 3).extract.median // seconds per round
 */
export function runBench(inputs: readonly TextInput[], rounds: number): BenchResult {
  const memory = { rss: 0, heapUsed: 0 };
  let lastSample = -Infinity;
  const sample = (): void => {
    const now = performance.now();
    if (now - lastSample < 5) return;
    lastSample = now;
    const m = process.memoryUsage();
    memory.rss = Math.max(memory.rss, m.rss);
    memory.heapUsed = Math.max(memory.heapUsed, m.heapUsed);
  };
  const extractPass = (): number => {
    let found = 0;
    for (const { id, text, date } of inputs) {
      found += extract(text, { id, date }).attributions.length;
      sample();
    }
    return found;
  };
  let words = 0;
  const baselinePass = (): number => {
    words = 0;
    for (const { text } of inputs) words += text.match(/\w+/g)?.length ?? 0;
    return words;
  };
  const result = {
    docs: inputs.length,
    units: inputs.reduce((n, i) => n + i.text.length, 0),
    rounds,
    extract: timeRounds(extractPass, rounds),
    baseline: timeRounds(baselinePass, rounds),
    memory,
  };
  memory.rss = Math.max(memory.rss, process.resourceUsage().maxRSS * 1024);
  return { ...result, words };
}

/** One untimed warm-up pass, then `rounds` timed passes. */
function timeRounds(pass: () => number, rounds: number): RoundTimes {
  let sink = pass();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    sink += pass();
    times.push((performance.now() - start) / 1000);
  }
  if (sink < 0) throw new Error('unreachable: keeps the passes from being optimised away');
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}
