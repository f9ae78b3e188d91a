/**
 * Store benchmark: builds a synthetic corpus (invented names and words, ≥ 1,000,000
 * attributions by default) in a fresh SQLite store, then times searches and reports
 * p50/p95 latency and the database size.
 *
 *   npm run bench:store                      # 1,000,000 attributions in $TMPDIR
 *   npm run bench:store -- --attributions 200000 --db /tmp/x.db --keep
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractResult } from '../src/core/types.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { SearchQuery } from '../src/store/store.js';
import { rng } from '../test/helpers/synthetic-news.js';

const { values: args } = parseArgs({ options: {
  attributions: { type: 'string', default: '1000000' }, db: { type: 'string' }, keep: { type: 'boolean', default: false }, queries: { type: 'string', default: '300' },
} });
const TOTAL = Number(args.attributions);
const PER_DOC = 10;
const DB = args.db ?? join(tmpdir(), 'onrecord-bench-store.db');
const random = rng(20250313);

// An invented language: syllable words, drawn with Zipf frequencies like real vocabulary.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vor', 'bel', 'din', 'sa', 'tu', 'gra', 'pel', 'mon', 'ris', 'fa', 'ne', 'zu', 'hal'];
const WORDS: string[] = [];
for (const a of SYLLABLES) for (const b of SYLLABLES) { WORDS.push(a + b); for (const c of SYLLABLES.slice(0, 12)) WORDS.push(a + b + c); }
const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const SPEAKERS = Array.from({ length: 5000 }, (_, i) => `${cap(WORDS[(i * 7919) % WORDS.length])} ${cap(WORDS[(i * 104729 + 17) % WORDS.length])}${WORDS[i % 300]}`);
const OUTLETS = Array.from({ length: 20 }, (_, i) => `The ${cap(WORDS[i * 31])} ${['Herald', 'Courier', 'Ledger', 'Tribune'][i % 4]}`);

function zipf(n: number, s = 1): () => number {
  const cdf: number[] = [];
  let sum = 0;
  for (let r = 1; r <= n; r++) cdf.push((sum += 1 / r ** s));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
}
const word = zipf(WORDS.length, 1.05);
const speaker = zipf(SPEAKERS.length, 0.9);

function syntheticDocument(i: number): { doc: { id: string; outlet: string; date: string; url: string; title: string; text: string }; result: ExtractResult } {
  let text = '';
  const attributions: ExtractResult['attributions'] = [];
  for (let k = 0; k < PER_DOC; k++) {
    const content = `“${cap(Array.from({ length: 12 + Math.floor(random() * 12) }, () => WORDS[word()]).join(' '))},”`;
    const name = SPEAKERS[speaker()];
    const start = text.length;
    text += `${content} ${name} said. `;
    const src = start + content.length + 1;
    attributions.push({
      id: `a${k + 1}`, kind: 'direct', confidence: 0.9, provenance: ['bench'],
      content: [{ start, end: start + content.length, text: content }],
      source: { start: src, end: src + name.length, text: name },
      cue: { start: src + name.length + 1, end: src + name.length + 5, text: 'said' },
    });
  }
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
  return { doc: { id: `bench-${i}`, outlet: OUTLETS[i % OUTLETS.length], date: day, url: `https://bench.example/${i}`, title: `Story ${i}`, text }, result: { attributions, entities: [], diagnostics: [] } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  rmSync(DB, { force: true });
  for (const ext of ['-wal', '-shm']) rmSync(DB + ext, { force: true });
  const store = openSqliteStore(DB);
  const docs = Math.ceil(TOTAL / PER_DOC);
  const t0 = performance.now();
  for (let i = 0; i < docs; i += 500) {
    await store.putDocuments(Array.from({ length: Math.min(500, docs - i) }, (_, k) => syntheticDocument(i + k)));
    if ((i / 500) % 20 === 0) process.stderr.write(`\r${(i * PER_DOC).toLocaleString('en-US')} attributions…`);
  }
  const insertSeconds = (performance.now() - t0) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  const stats = await store.stats();
  const bytes = statSync(DB).size;
  process.stderr.write('\r\x1b[K');
  console.log(`corpus: ${stats.documents.toLocaleString('en-US')} documents, ${stats.attributions.toLocaleString('en-US')} attributions, ${stats.speakers.toLocaleString('en-US')} speakers`);
  console.log(`insert: ${insertSeconds.toFixed(1)} s (${Math.round(stats.attributions / insertSeconds).toLocaleString('en-US')} attributions/s)`);
  console.log(`database: ${(bytes / 1024 / 1024).toFixed(0)} MB (${Math.round(bytes / stats.attributions)} bytes per attribution, document texts included)`);

  const n = Number(args.queries);
  const common = (): string => WORDS[word()];
  const rare = (): string => WORDS[WORDS.length - 1 - Math.floor(random() * 2000)];
  const who = (): string => SPEAKERS[speaker()];
  const surname = (): string => who().split(' ')[1];
  const kinds: Array<[string, () => SearchQuery]> = [
    ['word + speaker (target)', () => ({ q: common(), speaker: who() })],
    ['word + speaker surname', () => ({ q: common(), speaker: surname() })],
    ['rare word + speaker', () => ({ q: rare(), speaker: who() })],
    ['word', () => ({ q: common() })],
    ['two words + speaker + dates', () => ({ q: `${common()} ${common()}`, speaker: who(), from: '2024-06-01', to: '2025-06-30' })],
    ['speaker', () => ({ speaker: who() })],
    ['word + outlet', () => ({ q: common(), outlet: OUTLETS[Math.floor(random() * OUTLETS.length)] })],
  ];
  for (const [label, make] of kinds) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const query = { ...make(), limit: 20 };
      const t = performance.now();
      hits += (await store.searchAttributions(query)).items.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`search ${label.padEnd(28)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${times[times.length - 1].toFixed(1)} ms  (${(hits / n).toFixed(1)} hits/query, ${n} queries)`);
  }
  await store.close();
  if (!args.keep) for (const ext of ['', '-wal', '-shm']) rmSync(DB + ext, { force: true });
}

await main();
