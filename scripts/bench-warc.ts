/**
 * WARC benchmark: writes a synthetic WARC of ≥ 100 MB (invented articles in pages padded
 * with the navigation, scripts and footers real news pages carry; request and image records
 * between them, as in CC-NEWS), ingests it with the compiled CLI, and reports throughput and
 * the peak resident memory of the whole process (worker threads included).
 *
 *   npm run bench:warc                       # builds, then 100 MB, --jobs 2
 *   npm run bench:warc -- --mb 300 --jobs 1 --gzip
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { articleHtml, rng, syntheticArticle } from '../test/helpers/synthetic-news.js';
import { WarcWriter } from '../test/helpers/warc.js';

const { values: args } = parseArgs({ options: {
  mb: { type: 'string', default: '100' }, jobs: { type: 'string', default: '2' }, gzip: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false },
} });
const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli/main.js');
const warc = join(tmpdir(), `onrecord-bench${args.gzip ? '.warc.gz' : '.warc'}`);
const db = join(tmpdir(), 'onrecord-bench-warc.db');

/** Page furniture: a long menu, an inline script and a footer, around 15 KB per page. */
function padding(i: number): { head: string; nav: string; footer: string } {
  const random = rng(i + 1);
  const links = Array.from({ length: 150 }, (_, k) => `<li><a href="/section/${k}/${Math.floor(random() * 1e6)}">Section ${k}</a></li>`).join('');
  const script = `<script>window.__STATE__ = ${JSON.stringify(Array.from({ length: 120 }, (_, k) => ({ id: k, slot: `ad-${k}`, seed: random() })))};</script>`;
  const footer = `<footer><ul>${Array.from({ length: 60 }, (_, k) => `<li><a href="/about/${k}">About page ${k}</a></li>`).join('')}</ul><p>© 2025 Synthetic News Group. All rights reserved.</p></footer>`;
  return { head: script, nav: `<nav><ul>${links}</ul></nav>`, footer };
}

async function writeArchive(): Promise<number> {
  const out = new WarcWriter(warc, args.gzip);
  const target = Number(args.mb) * 1024 * 1024;
  let pages = 0;
  for (let i = 0; out.bytes < target; i++) {
    const a = syntheticArticle(i, 8);
    const pad = padding(i);
    const html = articleHtml(a).replace('</head>', `${pad.head}</head>`).replace('<body>', `<body>${pad.nav}`).replace('</body>', `${pad.footer}</body>`);
    await out.write({ type: 'request', url: a.url, body: `GET ${new URL(a.url).pathname} HTTP/1.1\r\nHost: news.example\r\n\r\n`, contentType: 'application/http; msgtype=request' });
    await out.write({ url: a.url, body: html, date: `${a.date}T12:00:00Z` });
    if (i % 10 === 0) await out.write({ url: `${a.url}/photo.jpg`, body: new Uint8Array(20_000).fill(i % 256), contentType: 'image/jpeg' });
    pages++;
  }
  await out.close();
  return pages;
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run "npm run build" first (npm run bench:warc does)');
  for (const f of [warc, db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  let t = performance.now();
  const pages = await writeArchive();
  const size = statSync(warc).size;
  console.log(`archive: ${(size / 1024 / 1024).toFixed(1)} MB${args.gzip ? ' gzipped' : ''}, ${pages.toLocaleString('en-US')} HTML pages (written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  t = performance.now();
  const run = await ingestWithMemory(['ingest', warc, '--db', db, '--jobs', args.jobs ?? '2']);
  const seconds = (performance.now() - t) / 1000;
  const summary = run.stderr.split('\n').find((l) => l.startsWith('ingested')) ?? run.stderr;
  const stored = new Database(db, { readonly: true }).prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
  console.log(summary);
  console.log(`ingest: ${seconds.toFixed(1)} s, ${(size / 1024 / 1024 / seconds).toFixed(2)} MB/s, ${(pages / seconds).toFixed(1)} pages/s, --jobs ${args.jobs}`);
  console.log(`peak memory (RSS): ${run.peakMb.toFixed(0)} MB; RSS at 20/40/60/80/100% of the run: ${run.curve.map((m) => m.toFixed(0)).join(' / ')} MB`);
  console.log(`documents stored: ${stored.n.toLocaleString('en-US')} of ${pages.toLocaleString('en-US')}; exit code ${run.status}`);
  if (!args.keep) for (const f of [warc, db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
}

/**
 * Runs the compiled CLI under GNU time (its peak RSS counts worker threads too) and samples the
 * process's RSS from /proc every half second, to show whether memory stays flat.
 */
async function ingestWithMemory(cliArgs: string[]): Promise<{ stderr: string; status: number | null; peakMb: number; curve: number[] }> {
  const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, cli, ...cliArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += String(c)));
  const samples: number[] = [];
  const timer = setInterval(() => {
    try {
      const node = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0];
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${node}/status`, 'utf8'));
      if (rss) samples.push(Number(rss[1]) / 1024);
    } catch {
      // not started yet, or just ended
    }
  }, 500);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const curve = [0.2, 0.4, 0.6, 0.8, 1].map((f) => samples[Math.max(0, Math.ceil(f * samples.length) - 1)] ?? NaN);
  return { stderr, status, peakMb: Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024, curve };
}

await main();
