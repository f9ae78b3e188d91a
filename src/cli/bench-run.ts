import { extract } from '../index.js';
import type { TextInput } from './input/record.js';
import { otherThreadsCpu } from './thread-cpu.js';

/** Times of the measured rounds, in seconds. */
export interface RoundTimes {
  median: number;
  min: number;
  max: number;
  /**
   * The sum over the texts of each text's fastest time in the timed rounds: what a noisy host
   * (other processes, frequency changes) disturbs least, since a text counts at its best moment.
   */
  fastest: number;
  /** CPU seconds of the process's other threads (V8's compiler and GC helpers) during the timed rounds; null off Linux ({@link otherThreadsCpu}). */
  threads: number | null;
}

/** What {@link runBench} measures. */
export interface BenchResult {
  docs: number;
  /** Total length of the texts in UTF-16 code units. */
  units: number;
  /** Matches of `/\w+/g` (ASCII word runs) in the texts. */
  words: number;
  rounds: number;
  /** Untimed rounds before them. */
  warmup: number;
  extract: RoundTimes;
  baseline: RoundTimes;
  /** Peaks sampled while extracting, in bytes. */
  memory: { rss: number; heapUsed: number };
  /**
   * The host's own noise: a fixed integer loop (no memory traffic, the same work each time)
   * timed after each text of the extract rounds. `slowdown` is its median time over its fastest:
   * 1 on a quiet core; above it, the host (other tenants, throttling) slowed the run, not the code.
   */
  host: { slowdown: number; samples: number };
  /** Texts of another corpus read for the first time, after all of the above ({@link timeFresh}); null without one. */
  fresh: FreshTimes | null;
}

/** What {@link timeFresh} measures over a corpus's texts: their length, and two passes over them in seconds. */
export interface FreshTimes {
  docs: number;
  /** Total length of the texts in UTF-16 code units. */
  units: number;
  /** The texts read for the first time. */
  first: number;
  /** The same texts read again right after. */
  again: number;
  /** CPU seconds of the process's other threads during each pass (V8 compiling code for what the texts bring); null off Linux. */
  firstThreads: number | null;
  againThreads: number | null;
}

/**
 * Runs `extract()` over all texts `warmup` times untimed (V8 takes a few rounds to compile the
 * hot functions), then `rounds` times timed; then the same for the baseline, a plain
 * `text.match(/\w+/g)` word split. Memory is sampled between documents
 * while extracting; the peak RSS also takes the OS's own figure (`maxRSS`). With `fresh`, last,
 * those texts read for the first time and again ({@link timeFresh}).
 * @example runBench([{text: '“Yes,” she said.'}], 3, 5).extract.median // seconds per round
 */
export function runBench(inputs: readonly TextInput[], rounds: number, warmup: number, fresh?: readonly TextInput[]): BenchResult {
  const memory = new MemoryPeaks();
  const probe = new HostProbe();
  const extractOne = ({ id, text, date }: TextInput): number => extract(text, { id, date }).attributions.length;
  const countWords = ({ text }: TextInput): number => text.match(/\w+/g)?.length ?? 0;
  const extractTimes = timeRounds(inputs, extractOne, rounds, warmup, () => {
    memory.sample();
    probe.sample();
  });
  return {
    docs: inputs.length,
    units: inputs.reduce((n, i) => n + i.text.length, 0),
    words: inputs.reduce((n, i) => n + countWords(i), 0),
    rounds,
    warmup,
    extract: extractTimes,
    baseline: timeRounds(inputs, countWords, rounds, warmup),
    memory: { rss: Math.max(memory.rss, process.resourceUsage().maxRSS * 1024), heapUsed: memory.heapUsed },
    host: probe.result(),
    fresh: fresh?.length ? { docs: fresh.length, units: fresh.reduce((n, i) => n + i.text.length, 0), ...timeFresh(fresh, extractOne) } : null,
  };
}

/**
 * The items read once, then again: seconds for each pass, and the CPU seconds of the process's
 * other threads during each. A first reading meets code paths the warm-up did not take, which V8
 * compiles (again) on its worker threads, and rare words that what the extraction keeps per word
 * form (form ids, token records, part-of-speech rows, the taggers' form groups) has not met; the
 * bench's rounds repeat texts. Both passes are single readings, which a noisy host disturbs
 * alike (a text's fastest of several would favour the second).
 * @example timeFresh(texts, (t) => extract(t.text).attributions.length).first // seconds
 */
export function timeFresh<T>(items: readonly T[], run: (item: T) => number): Omit<FreshTimes, 'docs' | 'units'> {
  let sink = 0;
  const pass = (): [number, number | null] => {
    const threads = otherThreadsCpu();
    const t = performance.now();
    for (const item of items) sink += run(item);
    return [(performance.now() - t) / 1000, since(threads)];
  };
  const [first, firstThreads] = pass();
  const [again, againThreads] = pass();
  if (sink < 0) throw new Error('unreachable: keeps the passes from being optimised away');
  return { first, again, firstThreads, againThreads };
}

/** The other threads' CPU seconds since `before` (an {@link otherThreadsCpu} reading), null without one. */
function since(before: number | null): number | null {
  const now = before === null ? null : otherThreadsCpu();
  return before === null || now === null ? null : now - before;
}

/** Times a fixed integer loop (about 0.2 ms on a quiet core) each time it is sampled. */
class HostProbe {
  private readonly times: number[] = [];
  private sink = 0;

  sample(): void {
    const start = performance.now();
    const x = spin(this.sink);
    this.times.push(performance.now() - start);
    this.sink = x;
  }

  result(): BenchResult['host'] {
    const sorted = [...this.times].sort((a, b) => a - b);
    const fastest = Math.max(sorted[0] ?? 0, 1e-6);
    return { slowdown: (sorted[Math.floor(sorted.length / 2)] ?? fastest) / fastest, samples: sorted.length };
  }
}

/**
 * The probe's loop, in a function of its own. Inline in `sample`, V8 compiled the loop on its
 * first run (on-stack replacement) before the code after it had run, and in some processes that
 * code then left the optimised loop for the interpreter at every later sample: the median sample
 * took 4.7× the fastest on a quiet core, and the `host` line read as a disturbed host.
 */
function spin(x: number): number {
  for (let i = 0; i < 250_000; i++) x = (x + Math.imul(i, 0x9e3779b1)) | 0;
  return x;
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

/**
 * `warmup` untimed passes over the items, then `rounds` timed passes; each item is timed too,
 * for {@link RoundTimes.fastest}. A round's time is the sum of its items' times: `between` runs
 * after each item, outside them. The other threads' CPU during the timed rounds goes to
 * {@link RoundTimes.threads}.
 * @example timeRounds(texts, (t) => extract(t).attributions.length, 11, 5).median // seconds
 */
export function timeRounds<T>(items: readonly T[], run: (item: T) => number, rounds: number, warmup: number, between = (): void => {}): RoundTimes {
  let sink = 0;
  for (let r = 0; r < warmup; r++) for (const item of items) sink += run(item);
  const threads = otherThreadsCpu();
  const best = new Array<number>(items.length).fill(Infinity);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let round = 0;
    items.forEach((item, k) => {
      const t = performance.now();
      sink += run(item);
      const took = performance.now() - t;
      round += took;
      best[k] = Math.min(best[k], took);
      between();
    });
    times.push(round / 1000);
  }
  if (sink < 0) throw new Error('unreachable: keeps the passes from being optimised away');
  times.sort((a, b) => a - b);
  const fastest = best.reduce((sum, t) => sum + t, 0) / 1000;
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], fastest, threads: since(threads) };
}
