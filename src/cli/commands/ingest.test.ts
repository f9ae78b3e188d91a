import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { articleJsonl, syntheticArticle } from '../../../test/helpers/synthetic-news.js';
import { fixture } from '../../../test/helpers/collect.js';
import { extract } from '../../index.js';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'onrecord-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args];

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

describe('onrecord ingest', () => {
  it('ingest: reports each bad input in one line, ends with a summary, exits 1', () => {
    const db = join(dir, 'fixtures.db');
    const run = spawnSync(process.execPath, cli(['ingest', fixture(''), join(dir, 'nowhere'), '--db', db, '--jobs', '1']), { encoding: 'utf8', cwd: root });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('onrecord: '))).toHaveLength(10);
    expect(lines).toContain(`onrecord: ${fixture('articles.jsonl')}:4: no "text" string`);
    expect(lines).toContain(`onrecord: ${join(dir, 'nowhere')}: no such file or folder`);
    expect(lines[lines.length - 1]).toMatch(/^ingested 17 documents in [\d.]+ s \([\d.]+ docs\/s, 1 thread\): 12 new, 0 updated, 0 unchanged, 5 duplicates; \d+ attributions stored; 10 problems$/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(count(db, 'SELECT count(*) AS n FROM documents')).toBe(12);
  });

  it('ingest: killed with SIGKILL mid-run, run again, every document is stored once with its attributions', async () => {
    const total = 600;
    const articles = Array.from({ length: total }, (_, i) => {
      const a = syntheticArticle(i, 3);
      return { ...a, text: `${a.text}\n\nThis is report ${i}.` };
    });
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, articles.map(articleJsonl).join('\n') + '\n');
    const db = join(dir, 'killed.db');
    const args = cli(['ingest', input, '--db', db, '--jobs', '1']);

    const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let stored = 0;
    for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 25) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        stored = count(db, 'SELECT count(*) AS n FROM documents');
      } catch {
        continue; // not created yet
      }
      if (stored > 0) break;
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = count(db, 'SELECT count(*) AS n FROM documents');
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total); // it really was killed mid-run

    const rerun = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    const n = (x: number): string => x.toLocaleString('en-US');
    expect(rerun.stderr).toMatch(new RegExp(`ingested 600 documents .*: ${n(total - afterKill)} new, 0 updated, ${n(afterKill)} unchanged, 0 duplicates`));

    expect(count(db, 'SELECT count(*) AS n FROM documents')).toBe(total);
    expect(count(db, 'SELECT count(*) AS n FROM document_keys')).toBe(2 * total); // id and url, each once
    const conn = new Database(db, { readonly: true });
    const perDoc = new Map((conn.prepare('SELECT document_id AS id, count(*) AS n FROM attributions GROUP BY document_id').all() as Array<{ id: string; n: number }>).map((r) => [r.id, r.n]));
    conn.close();
    for (const a of articles) expect(perDoc.get(a.id) ?? 0, a.id).toBe(extract(a.text, { id: a.id, date: a.date }).attributions.length);
  }, 120_000);
});
