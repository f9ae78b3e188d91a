import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/run-cli.js';
import type { ExtractResult } from '../../index.js';

const F = 'test/fixtures/cli/';
const tmp = mkdtempSync(join(tmpdir(), 'onrecord-extract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, data: string | Uint8Array): string => {
  writeFileSync(join(tmp, name), data);
  return join(tmp, name);
};
const lines = (stdout: string): ExtractResult[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as ExtractResult);
const codes = (result: ExtractResult): string[] => result.diagnostics.map((d) => d.code);

describe('onrecord extract', () => {
  it('extract: pretty-prints one text file, its name as id', async () => {
    const { stdout, code } = await runCli(['extract', `${F}quote.txt`]);
    expect(code).toBe(0);
    expect(stdout.split('\n').length).toBeGreaterThan(3);
    const result = JSON.parse(stdout);
    expect(result.id).toBe('quote');
    expect(result.attributions[0].source.text).toBe('Mayor Lina Ortiz');
  });

  it('extract: reads one text from stdin without an id', async () => {
    const { stdout, code } = await runCli(['extract', '-'], '“We agree,” Putin said.');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ attributions: [{ source: { text: 'Putin' } }] });
    expect(JSON.parse(stdout).id).toBeUndefined();
  });

  it('extract: writes one JSONL line per JSONL input line, with its id, and a line\'s date over --date', async () => {
    const { stdout, code } = await runCli(['extract', '--date', '2025-03-13', `${F}articles.jsonl`]);
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((r) => r.id)).toEqual(['ferry', '7', 'bad-date']);
    expect(out.map(codes)).toEqual([[], [], ['date-invalid']]);
  });

  it('extract: writes JSONL, in order, for several text files', async () => {
    const { stdout } = await runCli(['extract', `${F}quote.txt`, `${F}blank.txt`]);
    expect(lines(stdout).map((r) => r.id)).toEqual(['quote', 'blank']);
  });

  it('extract: writes a lone text as one JSONL line with --format jsonl', async () => {
    const { stdout } = await runCli(['extract', '--format', 'jsonl', `${F}quote.txt`]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('extract: reads stdin as JSONL with --format jsonl when its first line is a record', async () => {
    const input = '\n{"id": "s1", "text": "“Yes,” she said."}\n{"id": "s2", "text": "No."}\n';
    const { stdout } = await runCli(['extract', '--format', 'jsonl'], input);
    expect(lines(stdout).map((r) => r.id)).toEqual(['s1', 's2']);
  });

  it('extract: reads stdin as one text with --format jsonl when its first line is not a record', async () => {
    const input = '{not json} “Yes,” she said.\r\nSecond line.';
    const { stdout } = await runCli(['extract', '--format', 'jsonl'], input);
    const [result] = lines(stdout);
    expect(result.attributions.some((a: { content: { text: string }[] }) => a.content.some((c) => c.text.includes('“Yes,”')))).toBe(true);
  });

  it('extract: gives an empty result with its diagnostic for empty and whitespace-only files', async () => {
    const { stdout, code } = await runCli(['extract', `${F}empty.txt`, `${F}blank.txt`]);
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => [r.attributions.length, codes(r)])).toEqual([[0, ['empty-input']], [0, ['empty-input']]]);
  });

  // One paragraph, 73,000 times a clause with a cue ("spoke about"): every cue's role window is as
  // wide as it gets, so this takes about 14 s alone (0.35 MB/s), more beside the other test files.
  it('extract: reads a 5 MB text on one line', async () => {
    const path = write('long.txt', 'The council met and the mayor spoke about ferries, budgets and bridges; '.repeat(73_000));
    const { stdout, code } = await runCli(['extract', '--format', 'jsonl', path]);
    expect(code).toBe(0);
    expect(lines(stdout)).toHaveLength(1);
  }, 60_000);

  it('extract: reads text with NUL bytes, with a diagnostic', async () => {
    const path = write('nul.txt', '“We agree,”\u0000 Putin said.');
    const { stdout, code } = await runCli(['extract', path]);
    expect(code).toBe(0);
    expect(codes(JSON.parse(stdout))).toContain('control-characters');
  });

  it('extract: skips a binary file with one line on stderr, goes on, exits 1', async () => {
    const png = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const path = write('image.png', png);
    const { stdout, stderr, code } = await runCli(['extract', path, `${F}quote.txt`]);
    expect(stderr).toBe(`onrecord: ${path}: binary file, skipped\n`);
    expect(JSON.parse(stdout).id).toBe('quote');
    expect(code).toBe(1);
  });

  it('extract: warns with the byte offset of invalid UTF-8 and decodes it with U+FFFD', async () => {
    const path = write('latin1.txt', Buffer.concat([Buffer.from('“Très bien,” '), Buffer.from([0xe9]), Buffer.from(' said Zoë.')]));
    const { stdout, stderr, code } = await runCli(['extract', path]);
    expect(stderr).toBe(`onrecord: warning: ${path}: invalid UTF-8 at byte 18; decoded with replacement characters\n`);
    expect(codes(JSON.parse(stdout))).toContain('replacement-characters');
    expect(code).toBe(0);
  });

  it('extract: names file, line and problem for bad JSONL lines, does the others, exits 1', async () => {
    const { stdout, stderr, code } = await runCli(['extract', `${F}broken.jsonl`]);
    expect(lines(stdout).map((r) => r.id)).toEqual(['b1', 'b3']);
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^onrecord: test\/fixtures\/cli\/broken\.jsonl:2: invalid JSON: .+/);
    expect(errors.slice(1)).toEqual([`onrecord: ${F}broken.jsonl:4: not a JSON object`, `onrecord: ${F}broken.jsonl:5: no "text" string`]);
    expect(code).toBe(1);
  });

  it('extract: names a missing file, does the rest, exits 1', async () => {
    const { stdout, stderr, code } = await runCli(['extract', 'no/such/file.txt', `${F}quote.txt`]);
    expect(stderr).toBe('onrecord: no/such/file.txt: no such file\n');
    expect(JSON.parse(stdout).id).toBe('quote');
    expect(code).toBe(1);
  });

  it('extract: rejects a malformed --date with one line and exit 2', async () => {
    const { stderr, code } = await runCli(['extract', '--date', '13/03/2025', `${F}quote.txt`]);
    expect(stderr).toBe('onrecord: --date: "13/03/2025" is not a valid YYYY-MM-DD date\n');
    expect(code).toBe(2);
  });
});
