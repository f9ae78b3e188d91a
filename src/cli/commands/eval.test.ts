import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../../../test/helpers/run-cli.js';

const F = 'test/fixtures/eval/';
const fixture = (name: string): string => readFileSync(join(REPO, F, name), 'utf8');
const REFERENCE = join(REPO, '../shared/tools/score_attributions.py');
const hasPython = ((): boolean => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const tmp = mkdtempSync(join(tmpdir(), 'onrecord-eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('onrecord eval', () => {
  it('eval: prints with --pred exactly what the reference scorer prints', async () => {
    const { stdout, stderr, code } = await runCli(['eval', `${F}gold.jsonl`, '--pred', `${F}pred.jsonl`]);
    expect([stdout, stderr, code]).toEqual([fixture('expected-report.txt'), '', 0]);
  });

  it('eval: prints the reference scorer\'s JSON with --json', async () => {
    const { stdout } = await runCli(['eval', `${F}gold.jsonl`, '--pred', `${F}pred.jsonl`, '--json']);
    expect(JSON.parse(stdout)).toStrictEqual(JSON.parse(fixture('expected-report.json')));
  });

  it('eval: runs the extractor without --pred and prints its speed', async () => {
    const { stdout, code } = await runCli(['eval', `${F}gold.jsonl`]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^docs 5\ndetect {9}P \d\.\d{3}/);
    expect(stdout).toMatch(/\nextract 5 docs, \d+\.\d\d MB in \d+\.\d\d s: \d+\.\d\d MB\/s \(MB = 2\^20 UTF-16 code units\)\n$/);
  });

  it('eval: names each figure below its floor and exits 1', async () => {
    const floors = ['detect.f1=0.8', 'mixed.cue_exact=0.99', 'direct.r=0.81'];
    const { stderr, code } = await runCli(['eval', `${F}gold.jsonl`, '--pred', `${F}pred.jsonl`, '--fail-under', ...floors]);
    expect(stderr).toBe('onrecord: detect.f1 is 0.7097, below its floor 0.8\nonrecord: direct.r is 0.8, below its floor 0.81\n');
    expect(code).toBe(1);
  });

  it('eval: exits 0 when every figure reaches its floor', async () => {
    const { code } = await runCli(['eval', `${F}gold.jsonl`, '--pred', `${F}pred.jsonl`, '--fail-under', 'detect.f1=0.7', 'direct.source_exact=0.75']);
    expect(code).toBe(0);
  });

  it('eval: rejects an unknown floor with one line and exit 2', async () => {
    const { stderr, code } = await runCli(['eval', `${F}gold.jsonl`, '--fail-under', 'detect.f2=0.5']);
    expect(stderr).toMatch(/^onrecord: --fail-under "detect.f2=0.5": unknown figure "detect.f2" .*\n$/);
    expect(code).toBe(2);
  });

  it('eval: names a missing gold file and a bad gold line, exit 1', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"id": "a", "text": "x", "attributions": []}\n{"id": "b", "text": "y"}\n');
    expect(await runCli(['eval', 'no-such.jsonl'])).toEqual({ stdout: '', stderr: 'onrecord: no-such.jsonl: no such file\n', code: 1 });
    expect(await runCli(['eval', bad])).toEqual({ stdout: '', stderr: `onrecord: ${bad}:2: no "attributions" list\n`, code: 1 });
  });

  it.skipIf(!hasPython || !existsSync(REFERENCE))('eval: agrees with the reference scorer run on onrecord extract\'s JSONL', async () => {
    const pred = join(tmp, 'pred.jsonl');
    writeFileSync(pred, (await runCli(['extract', '--format', 'jsonl', `${F}gold.jsonl`])).stdout);
    const python = execFileSync('python3', [REFERENCE, join(REPO, F, 'gold.jsonl'), pred], { encoding: 'utf8' });
    const { stdout } = await runCli(['eval', `${F}gold.jsonl`]);
    expect(stdout.replace(/(confidence >= .*\n)*extract .*\n$/, '')).toBe(python);
  });
});
