/**
 * HTTP benchmark of `onrecord serve` on loopback, with autocannon: req/s and latency (p50,
 * p99) for `POST /api/extract` (one sample article, ~900 characters) and `GET /api/attributions`
 * (word searches, a word and an outlet, the latest page). The server runs in a child process
 * on a corpus of synthetic attributions (built by scripts/bench-store.ts) plus the sample
 * corpus; each endpoint gets `--seconds` (default 10) after a warm-up, so a run is bounded.
 *
 *   npm run bench:server
 *   npm run bench:server -- --attributions 1000000 --seconds 20 --connections 20
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';

const { values: args } = parseArgs({ options: {
  attributions: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' }, jobs: { type: 'string', default: '1' },
} });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'onrecord-bench-server-'));
const db = join(dir, 'corpus.db');

/** Runs a Node script with tsx to completion, its output passed through. */
function run(script: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...argv], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Starts `onrecord serve` on a free port and resolves with its URL. */
function serve(): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--load-sample', '--jobs', args.jobs], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const url = /serving the explorer at (http:\/\/[^/\s]+)\//.exec(err)?.[1];
      if (url) resolve({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

function report(label: string, r: Result): void {
  const failed = r.errors + r.timeouts + r.non2xx;
  console.log(`${label.padEnd(24)} ${r.requests.average.toFixed(1).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   (${r.requests.total.toLocaleString('en-US')} requests in ${r.duration.toFixed(0)} s${failed ? `, ${failed} failed` : ''})`);
}

async function main(): Promise<void> {
  await run('scripts/bench-store.ts', ['--attributions', args.attributions, '--db', db, '--keep', '--queries', '1']);
  const { url, child } = await serve();
  try {
    const sample = readFileSync(join(ROOT, 'examples/sample-corpus.jsonl'), 'utf8').split('\n')[2];
    const extractBody = JSON.stringify({ text: (JSON.parse(sample) as { text: string }).text, date: '2025-03-07' });
    const duration = Number(args.seconds);
    const connections = Number(args.connections);
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: extractBody };
    const searches = ['/api/attributions?q=kaka', '/api/attributions?q=lomi&outlet=The%20Kaka%20Herald', '/api/attributions', '/api/attributions?q=harbour&speaker=Valdera'];
    await autocannon({ url: `${url}/api/extract`, ...post, connections: 2, duration: 2 }); // warm-up: the model decodes on first use
    await autocannon({ url, requests: searches.map((path) => ({ path })), connections: 2, duration: 2 });
    console.log(`\nloopback, ${connections} connections, ${duration} s per endpoint, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}, server --jobs ${args.jobs}`);
    report('POST /api/extract', await autocannon({ url: `${url}/api/extract`, ...post, connections, duration }));
    report('GET /api/attributions', await autocannon({ url, requests: searches.map((path) => ({ path })), connections, duration }));
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
