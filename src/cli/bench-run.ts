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
 * while extracting; the peak RSS also takes the OS's own figure (`maxRSS`).
 * @example runBench([{text: '“Yes,” she said.'}], 3).extract.median // seconds per round
 */
export function runBench(inputs: readonly TextInput[], rounds: number): BenchResult {
  const memory = new MemoryPeaks();
  const extractPass = (): number => {
    let found = 0;
    for (const { id, text, date } of inputs) {
      found += extract(text, { id, date }).attributions.length;
      memory.sample();
    }
    return found;
  };
  const countWords = (): number => inputs.reduce((n, { text }) => n + (text.match(/\w+/g)?.length ?? 0), 0);
  const extractTimes = timeRounds(extractPass, rounds);
  return {
    docs: inputs.length,
    units: inputs.reduce((n, i) => n + i.text.length, 0),
    words: countWords(),
    rounds,
    extract: extractTimes,
    baseline: timeRounds(countWords, rounds),
    memory: { rss: Math.max(memory.rss, process.resourceUsage().maxRSS * 1024), heapUsed: memory.heapUsed },
  };
}

/** Peak RSS and heap used, sampled at most every 5 ms so that sampling costs next to nothing. */
class MemoryPeaks {
  rss = 0;
  heapUsed = 0;
  private last = -Infinity;

  sample(): void {
    const now = performance.now();
    if (now - this.last < 5) return;
    this.last = now;
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heapUsed = Math.max(this.heapUsed, m.heapUsed);
  }
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
