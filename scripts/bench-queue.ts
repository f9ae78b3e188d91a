/**
 * Queue benchmark: docs/s of `onrecord worker` processes sharing one PostgreSQL database. For
 * each worker count, a fresh database gets the corpus enqueued (`ingest --enqueue`), then the
 * workers run with `--exit-when-done`; the rate is documents over the time from starting the
 * workers to the last one exiting (start-up included), and over the workers' own working time.
 * Needs a server: ONRECORD_TEST_PG, as .ci/with-postgres sets it (PG_DURABLE=1 for fsync on).
 *
 *   npm run build && PG_DURABLE=1 .ci/with-postgres npm run bench:queue
 *   npm run bench:queue -- --workers 1,2,3 --concurrency 1 --item-size 50 corpus.jsonl
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { admin, freshName } from '../test/helpers/postgres.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { workers: { type: 'string', default: '1,2' }, concurrency: { type: 'string', default: '1' }, 'item-size': { type: 'string', default: '50' }, rounds: { type: 'string', default: '1' } },
});
const server = process.env.ONRECORD_TEST_PG;
if (!server) throw new Error('set ONRECORD_TEST_PG=postgres://… (or run under .ci/with-postgres)');
const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');
const inputs = positionals.length ? positionals : ['train.jsonl', 'dev.jsonl'].map((f) => join(root, '../shared/data/polnear', f));

/** One worker's summary line, parsed. */
function summary(stderr: string): { documents: number; seconds: number } {
  const m = /worker: .*?; ([\d,]+) documents? in ([\d.]+) s/.exec(stderr);
  if (!m) throw new Error(`no summary in:\n${stderr}`);
  return { documents: Number(m[1].replace(/,/g, '')), seconds: Number(m[2]) };
}

async function round(workers: number): Promise<{ documents: number; wall: number; working: number }> {
  const name = freshName('bench');
  await admin(server as string, `CREATE DATABASE ${name}`);
  const url = new URL(server as string);
  url.pathname = `/${name}`;
  try {
    const enqueue = spawnSync(process.execPath, [cli, 'ingest', '--db', url.href, '--enqueue', ...inputs, '--item-size', args['item-size']], { encoding: 'utf8' });
    if (enqueue.status !== 0) throw new Error(enqueue.stderr);
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: workers }, () => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'worker', '--db', url.href, '--exit-when-done', '--concurrency', args.concurrency], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(stderr) : reject(new Error(stderr))));
    })));
    const wall = (performance.now() - started) / 1000;
    const each = runs.map(summary);
    return { documents: each.reduce((n, s) => n + s.documents, 0), wall, working: Math.max(...each.map((s) => s.seconds)) };
  } finally {
    await admin(server as string, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

for (let r = 0; r < Number(args.rounds); r++) {
  for (const workers of args.workers.split(',').map(Number)) {
    const { documents, wall, working } = await round(workers);
    console.log(`${workers} worker(s) × concurrency ${args.concurrency}: ${documents} documents, ${(documents / wall).toFixed(1)} docs/s from start to last exit (${wall.toFixed(1)} s), `
      + `${(documents / working).toFixed(1)} docs/s of working time (${working.toFixed(1)} s)`);
  }
}
