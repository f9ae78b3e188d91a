/**
 * Interleaved A/B: this checkout's compiled engine (`dist/`, built first by the npm script)
 * against another build, in one process: their outputs over a corpus compared, then each text
 * run by both in every round and its fastest CPU time per build summed ({@link compareInterleaved}).
 * The figure to trust on a noisy host, where two bench runs a minute apart differ by up to 1.5×.
 *
 *   npm run bench:ab -- --base HEAD~3                  # a git ref, built in a temporary worktree
 *   npm run bench:ab -- --base ../other-checkout       # a directory holding a build (dist/index.js)
 *   npm run bench:ab -- --base main --rounds 9 corpus.jsonl
 *
 * Default corpus: the bench's (../shared/data/polnear/dev.jsonl when present, else its fixture). The
 * npm script starts node with the CLI's inlining budget (`src/cli/v8-tuning.ts`), so both builds
 * run as `onrecord` does. Exits 1 when the outputs differ.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareInterleaved, type ExtractFn } from '../src/cli/bench-ab.js';
import { defaultCorpus } from '../src/cli/commands/bench.js';
import type { TextInput } from '../src/cli/input/record.js';
import { readTexts } from '../src/cli/input/texts.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: {
  base: { type: 'string' }, rounds: { type: 'string', default: '7' },
} });
const root = new URL('../', import.meta.url).pathname;
if (!args.base) fail('give --base: a git ref or a directory holding a build');
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1) fail(`--rounds: expected a whole number of at least 1, got ${args.rounds}`);
const corpus = positionals[0] ?? defaultCorpus()!;

function fail(message: string): never {
  process.stderr.write(`bench:ab: ${message}\n`);
  process.exit(2);
}

/** A build's `dist/` for `base`: the directory's own, or a git ref's built in a temporary worktree (removed by `cleanup`). */
function baseBuild(base: string): { dist: string; label: string; cleanup: () => void } {
  for (const dist of [join(base, 'dist'), base]) {
    if (existsSync(join(dist, 'index.js'))) return { dist: resolve(dist), label: resolve(dist), cleanup: () => {} };
  }
  let commit: string;
  try {
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--verify', '--short', `${base}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    fail(`--base ${base}: neither a directory holding a build (dist/index.js) nor a git ref of this repository`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-ab-'));
  const cleanup = (): void => {
    execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', dir, commit], { stdio: 'ignore' });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    process.stderr.write(`building ${base} (${commit}) in ${dir} …\n`);
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch (err) {
    cleanup();
    fail(`--base ${base}: could not build it: ${(err as Error).message}`);
  }
  return { dist: join(dir, 'dist'), label: `${base} (${commit})`, cleanup };
}

async function extractOf(dist: string): Promise<ExtractFn> {
  return ((await import(pathToFileURL(join(dist, 'index.js')).href)) as { extract: ExtractFn }).extract;
}

const inputs: TextInput[] = [];
for await (const item of readTexts([corpus])) if ('input' in item) inputs.push(item.input);
if (!inputs.length) fail(`${corpus}: no texts`);
if (!existsSync(join(root, 'dist/index.js'))) fail('no dist/index.js here: build first (npm run bench:ab does)');
const base = baseBuild(args.base);
try {
  const c = compareInterleaved(await extractOf(base.dist), await extractOf(join(root, 'dist')), inputs, rounds);
  const mb = inputs.reduce((n, i) => n + i.text.length, 0) / 2 ** 20;
  const line = (name: string, s: number): string => `${name.padEnd(15)} ${(s * 1000).toFixed(0).padStart(6)} ms CPU  ${(mb / s).toFixed(2)} MB/s`;
  process.stdout.write([
    `corpus          ${corpus}: ${inputs.length} texts, ${mb.toFixed(2)} MB; each text's fastest of ${rounds} rounds, summed, both builds interleaved`,
    line('base', c.a) + `  ${base.label}`,
    line('this checkout', c.b),
    `speed           this checkout ${c.speedup.toFixed(3)}× as fast as the base`,
    `outputs         ${c.differing.length ? `differ on ${c.differing.length} texts: ${c.differing.slice(0, 10).join(', ')}${c.differing.length > 10 ? ', …' : ''}` : `the same on all ${inputs.length} texts`}`,
  ].join('\n') + '\n');
  process.exitCode = c.differing.length ? 1 : 0;
} finally {
  base.cleanup();
}
