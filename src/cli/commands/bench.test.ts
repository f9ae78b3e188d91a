import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/run-cli.js';

const CORPUS = 'test/fixtures/bench/corpus.jsonl';
const FRESH = 'test/fixtures/cli/articles.jsonl';

describe('onrecord bench', () => {
  it('bench: prints speed for extract and the baseline, their ratio and peak memory', async () => {
    const { stdout, code } = await runCli(['bench', CORPUS, '--rounds', '1']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toBe(`corpus   ${CORPUS}: 5 docs, 0.00 MB, 612 words`);
    expect(rows[1]).toMatch(/^rounds   1 timed after 5 warm-up;/);
    expect(rows[2]).toMatch(/^extract +[\d,.]+ MB\/s +[\d,]+ words\/s +[\d,]+ docs\/s/);
    expect(rows[3]).toMatch(/^baseline +[\d,.]+ MB\/s +[\d,]+ words\/s +[\d,]+ docs\/s/);
    expect(rows[4]).toMatch(/^ratio +extract takes [\d,.]+× the baseline's time$/);
    expect(rows[5]).toMatch(/^memory +peak RSS [\d.]+ MB, peak heap used [\d.]+ MB/);
    expect(rows[6]).toMatch(/^fastest +extract [\d,.]+ MB\/s, baseline [\d,.]+ MB\/s, ratio [\d,.]+×: each text's fastest of the 1 rounds, summed$/);
    expect(rows[7]).toMatch(/^host +a fixed integer loop took [\d.]+× its fastest time at the median \(5 runs between the texts; 1 = a quiet core\)$/);
    // the threads line reads Linux's /proc: elsewhere there is none
    const linux = process.platform === 'linux' ? 1 : 0;
    if (linux) expect(rows[8]).toMatch(/^threads +V8's other threads \(compiler, GC\) used [\d.]+ s of CPU during the 1 timed extract rounds, as much as [\d,.]+ % of their time$/);
    expect(rows[8 + linux]).toBe("v8       inlining budget 3,680 (node's default 920)");
  });

  it('bench: prints the measurements as JSON with --json', async () => {
    const { stdout } = await runCli(['bench', CORPUS, '--rounds', '1', '--json']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ corpus: CORPUS, docs: 5, words: 612, rounds: 1, warmup: 5 });
    expect(result.memory.rss).toBeGreaterThan(result.memory.heapUsed);
    expect(result.host.samples).toBe(5);
    expect(result.host.slowdown).toBeGreaterThanOrEqual(1);
    expect(result.v8InliningBudget).toBe(3680);
    expect(result.fresh).toBeNull();
  });

  it('bench: the per-text fastest times sum to no more than the fastest round', async () => {
    const { stdout } = await runCli(['bench', CORPUS, '--rounds', '3', '--json']);
    const result = JSON.parse(stdout);
    for (const t of [result.extract, result.baseline]) {
      expect(t.fastest).toBeGreaterThan(0);
      expect(t.fastest).toBeLessThanOrEqual(t.min);
    }
  });

  it('bench: --fresh reads another corpus last, for the first time and again', async () => {
    const { stdout, code } = await runCli(['bench', CORPUS, '--rounds', '1', '--warmup', '1', '--fresh', FRESH]);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    const fresh = rows.findIndex((r) => r.startsWith('fresh '));
    expect(rows[fresh]).toMatch(/^fresh +extract [\d,.]+ MB\/s reading 3 texts for the first time, [\d,.]+ MB\/s reading them again: [\d.]+× the time(; V8's other threads [\d.]+ s and [\d.]+ s of CPU)?$/);
    expect(rows[fresh + 1]).toMatch(/^v8 /);
    const json = JSON.parse((await runCli(['bench', CORPUS, '--rounds', '1', '--warmup', '1', '--fresh', FRESH, '--json'])).stdout);
    expect(json.fresh).toMatchObject({ docs: 3 });
    expect(json.fresh.again).toBeGreaterThan(0);
    expect(json.fresh.first).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      expect(json.fresh.firstThreads).toBeGreaterThanOrEqual(0);
      expect(json.extract.threads).toBeGreaterThanOrEqual(0);
    }
  });

  it('bench: a --fresh corpus with no texts is an error that names it', async () => {
    const { stderr, code } = await runCli(['bench', CORPUS, '--rounds', '1', '--warmup', '0', '--fresh', 'test/fixtures/cli/no-such.jsonl']);
    expect(stderr).toMatch(/test\/fixtures\/cli\/no-such\.jsonl: no texts to measure/);
    expect(code).not.toBe(0);
  });

  it('bench: --warmup sets the untimed rounds, 0 for none', async () => {
    const { stdout, code } = await runCli(['bench', CORPUS, '--rounds', '1', '--warmup', '0', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ rounds: 1, warmup: 0 });
  });

  it('bench: rejects a round count below 1', async () => {
    const { stderr, code } = await runCli(['bench', CORPUS, '--rounds', '0']);
    expect(stderr).toMatch(/--rounds <n>.*expected a whole number of at least 1/);
    expect(code).not.toBe(0);
  });
});
