import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import type { BenchResult, FreshTimes } from '../bench-run.js';
import { UsageError } from '../errors.js';
import type { TextInput } from '../input/record.js';
import { readTexts } from '../input/texts.js';
import { inliningBudget } from '../v8-tuning.js';

/**
 * Warm-up rounds by default. Over dev, pinned to one core, `extract()`'s rounds after the first
 * took 657, 606, 468, 437, 349, 404 … 325–411 ms: V8 compiles the hot functions over the first
 * four or five rounds.
 */
const DEFAULT_WARMUP = 5;

/** Default corpora, first found wins: PolNeAR dev beside the repository, then our own fixture. */
const DEFAULT_CORPORA = ['../../../../shared/data/polnear/dev.jsonl', '../../../test/fixtures/bench/corpus.jsonl']
  .map((rel) => fileURLToPath(new URL(rel, import.meta.url)));

const HELP = `
Times extract() over every text of the corpus (after untimed warm-up rounds: V8 compiles the hot
functions over the first few) and, in the same run, a baseline: a plain text.match(/\\w+/g) word
split over the same texts. MB = 2^20 UTF-16 code units of text (memory: 2^20 bytes); words =
/\\w+/g matches; times are the median round, a round being the sum of its texts' times. The "fastest"
line sums each text's fastest time over the timed rounds, the figure a noisy host disturbs
least (give more --rounds for it to settle). Memory peaks are sampled between documents during
extraction (RSS also from the OS's own peak). The "host" line times a fixed integer loop after
each text of the extract rounds: its median over its fastest time is 1 on a quiet core, and
above it says how much the host itself (other tenants, throttling) slowed the run. The
"threads" line (Linux) gives the CPU time of the process's other threads during the timed
extract rounds: V8 compiling and collecting garbage there, on the same core when the bench is
pinned to one; near 0 once the warm-up has compiled what the texts need. With --fresh, the
"fresh" line reads another corpus's texts last, for the first time and then again, with the
other threads' CPU in each pass: new texts take code paths the warm-up did not (V8 compiles
them), and bring rare words that what the extraction keeps per word form has not met, while
every round above reads texts it has read before. The "v8"
line gives V8's inlining budget: onrecord raises it to 3,680 bytes of bytecode per optimised
function, 1.08× faster than node's default (node's own --max-inlined-bytecode-size-cumulative
wins); extract() called from another program runs with that program's.

Default corpus: ../shared/data/polnear/dev.jsonl when present, else test/fixtures/bench/corpus.jsonl.`;

/**
 * The corpus the bench reads when given none: the first of {@link DEFAULT_CORPORA} that exists.
 * @example defaultCorpus() // '/work/shared/data/polnear/dev.jsonl'
 */
export function defaultCorpus(): string | undefined {
  return DEFAULT_CORPORA.find((p) => existsSync(p));
}

/**
 * Registers `onrecord bench [CORPUS]`: extraction speed and memory against a regex baseline.
 * @example registerBench(new Command('onrecord'))
 */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('measure extraction speed (MB/s, words/s, docs/s) and peak memory against a regex baseline')
    .argument('[corpus]', 'JSONL ({"id", "text", "date"?} a line) or text file')
    .option('--rounds <n>', 'timed rounds', wholeNumber(1), 3)
    .option('--warmup <n>', 'untimed rounds before them', wholeNumber(0), DEFAULT_WARMUP)
    .option('--fresh <corpus>', 'last, read the texts of another corpus for the first time, then again (JSONL or text file)')
    .option('--json', 'print the measurements as JSON')
    .addHelpText('after', HELP)
    .action(runBenchCommand);
}

/** A parser of whole numbers from `min` up, for commander. */
function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return n;
  };
}

async function runBenchCommand(corpus: string | undefined, flags: { rounds: number; warmup: number; fresh?: string; json?: boolean }): Promise<void> {
  const path = corpus ?? defaultCorpus();
  if (!path) throw new UsageError('no corpus: give one (JSONL with a "text" per line)');
  const inputs = await textsOf(path);
  const fresh = flags.fresh === undefined ? undefined : await textsOf(flags.fresh);
  const { runBench } = await import('../bench-run.js'); // with the engine, which only the commands that extract load
  const result = runBench(inputs, flags.rounds, flags.warmup, fresh);
  const v8InliningBudget = inliningBudget();
  process.stdout.write(flags.json ? JSON.stringify({ corpus: path, ...result, v8InliningBudget }) + '\n' : formatBench(path, result, v8InliningBudget));
}

/** The texts of a corpus; a bad record is reported and skipped, a corpus with none is an error. */
async function textsOf(path: string): Promise<TextInput[]> {
  const inputs: TextInput[] = [];
  for await (const item of readTexts([path])) {
    if ('input' in item) inputs.push(item.input);
    else process.stderr.write(`onrecord: ${item.problem.message}\n`);
  }
  if (!inputs.length) throw new UsageError(`${path}: no texts to measure`, 1);
  return inputs;
}

/** The `fresh` line: a corpus's texts read for the first time against the same texts read again. */
function freshLine(f: FreshTimes, n: (x: number, digits?: number) => string): string {
  const mb = f.units / 2 ** 20;
  const threads = f.firstThreads === null || f.againThreads === null ? '' : `; V8's other threads ${n(f.firstThreads, 2)} s and ${n(f.againThreads, 2)} s of CPU`;
  return `fresh    extract ${n(mb / f.first, 2)} MB/s reading ${n(f.docs)} ${f.docs === 1 ? 'text' : 'texts'} for the first time, ${n(mb / f.again, 2)} MB/s reading them again: ${n(f.first / f.again, 2)}× the time${threads}`;
}

/** The `threads` line: what V8's compiler and GC threads took beside the timed extract rounds (none off Linux). */
function threadsLine(r: BenchResult, n: (x: number, digits?: number) => string): string[] {
  const cpu = r.extract.threads;
  if (cpu === null) return [];
  // the rounds' time as the median round's times their number, as the other lines read rounds
  return [`threads  V8's other threads (compiler, GC) used ${n(cpu, 2)} s of CPU during the ${r.rounds} timed extract rounds, as much as ${n((100 * cpu) / (r.rounds * r.extract.median), 1)} % of their time`];
}

function formatBench(path: string, r: BenchResult, budget: number | null): string {
  const mb = r.units / 2 ** 20;
  const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const row = (name: string, t: BenchResult['extract']): string =>
    `${name.padEnd(9)}${n(mb / t.median, 2).padStart(10)} MB/s ${n(r.words / t.median).padStart(13)} words/s ${n(r.docs / t.median).padStart(10)} docs/s   ${t.median.toFixed(4)} s/round (${t.min.toFixed(4)}–${t.max.toFixed(4)})`;
  return [
    `corpus   ${path}: ${n(r.docs)} docs, ${mb.toFixed(2)} MB, ${n(r.words)} words`,
    `rounds   ${r.rounds} timed after ${r.warmup} warm-up; MB = 2^20 UTF-16 code units, words = /\\w+/g matches, median round`,
    row('extract', r.extract),
    row('baseline', r.baseline),
    `ratio    extract takes ${n(r.extract.median / r.baseline.median, 1)}× the baseline's time`,
    `memory   peak RSS ${(r.memory.rss / 2 ** 20).toFixed(1)} MB, peak heap used ${(r.memory.heapUsed / 2 ** 20).toFixed(1)} MB (MB = 2^20 bytes)`,
    `fastest  extract ${n(mb / r.extract.fastest, 2)} MB/s, baseline ${n(mb / r.baseline.fastest, 2)} MB/s, ratio ${n(r.extract.fastest / r.baseline.fastest, 1)}×: each text's fastest of the ${r.rounds} rounds, summed`,
    `host     a fixed integer loop took ${n(r.host.slowdown, 2)}× its fastest time at the median (${n(r.host.samples)} runs between the texts; 1 = a quiet core)`,
    ...threadsLine(r, n),
    ...(r.fresh ? [freshLine(r.fresh, n)] : []),
    `v8       inlining budget ${budget === null ? "920 (node's default)" : `${n(budget)} (node's default 920)`}`,
  ].join('\n') + '\n';
}
