import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_PG, scratchDatabase, TEST_PG } from '../../../test/helpers/postgres.js';
import { REPO } from '../../../test/helpers/run-cli.js';
import { articleJsonl, syntheticArticle } from '../../../test/helpers/synthetic-news.js';
import { extract } from '../../index.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]): string[] => ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args];

/** A worker process, with its stderr as it comes. */
interface Worker {
  child: ChildProcess;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(url: string): Worker {
  const child = spawn(process.execPath, cli(['worker', '--db', url, '--lease-seconds', '6', '--exit-when-done', '--verbose']), { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  const worker: Worker = { child, stderr: '', exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))) };
  child.stderr?.on('data', (b: Buffer) => (worker.stderr += b.toString()));
  return worker;
}

describe.skipIf(!TEST_PG)('onrecord worker', () => {
  it('worker: three workers, one killed with SIGKILL mid-item: every document is stored exactly once', async () => {
    const db = await scratchDatabase(TEST_PG as string, 'kill');
    const workers: Worker[] = [];
    try {
      const total = 600;
      const articles = Array.from({ length: total }, (_, i) => {
        const a = syntheticArticle(i, 3);
        return { ...a, text: `${a.text}\n\nThis is report ${i}.` };
      });
      const input = join(dir, 'corpus.jsonl');
      writeFileSync(input, `${articles.map(articleJsonl).join('\n')}\n`);
      const enqueue = spawnSync(process.execPath, cli(['ingest', '--db', db.url, '--enqueue', input, '--item-size', '15']), { cwd: REPO, encoding: 'utf8' });
      expect(enqueue.stderr).toContain('enqueued 40 work items; 0 problems');

      workers.push(startWorker(db.url), startWorker(db.url), startWorker(db.url));
      const [victim, ...survivors] = workers;
      // Kill the victim as soon as it takes an item after finishing one: mid-item, with work of its own committed.
      let killed: string | undefined;
      for (let waited = 0; waited < 120_000 && !killed && victim.child.exitCode === null; waited += 5) {
        const taken = [...victim.stderr.matchAll(/^onrecord: taking (\S+)/gm)].map((m) => m[1]);
        const done = new Set([...victim.stderr.matchAll(/^onrecord: done (\S+)/gm)].map((m) => m[1]));
        const open = taken.filter((id) => !done.has(id));
        if (done.size >= 1 && open.length) {
          victim.child.kill('SIGKILL');
          killed = open[0];
        } else await new Promise((r) => setTimeout(r, 5));
      }
      expect(killed, victim.stderr).toBeDefined();
      expect((await victim.exited).signal).toBe('SIGKILL');

      const ends = await Promise.all(survivors.map((w) => w.exited));
      expect(ends.map((e) => e.code), survivors.map((w) => w.stderr).join('\n')).toEqual([0, 0]);
      // The killed item went back to the queue when its lease ran out, and a survivor did it.
      expect(survivors.map((w) => w.stderr).join('\n')).toMatch(new RegExp(`^onrecord: done ${killed} `, 'm'));

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const one = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);
        expect(await one('SELECT count(*) AS n FROM onrecord.documents')).toBe(total);
        expect(await one('SELECT count(*) AS n FROM onrecord.document_keys')).toBe(2 * total); // id and url, each once
        const rows = (await client.query('SELECT document_id AS id, count(*)::int AS n FROM onrecord.attributions GROUP BY document_id')).rows as Array<{ id: string; n: number }>;
        const perDoc = new Map(rows.map((r) => [r.id, r.n]));
        for (const a of articles) expect(perDoc.get(a.id) ?? 0, a.id).toBe(extract(a.text, { id: a.id, date: a.date }).attributions.length);
      } finally {
        await client.end();
      }
      const queue = spawnSync(process.execPath, cli(['queue', '--db', db.url, '--format', 'json']), { cwd: REPO, encoding: 'utf8' });
      const { counts } = JSON.parse(queue.stdout);
      expect(counts).toMatchObject({ pending: 0, active: 0, done: 40, failed: 0, documents: total });
      expect(counts.retried).toBeGreaterThanOrEqual(1);
    } finally {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await db.drop();
    }
  }, 240_000);
});

describe.skipIf(TEST_PG)('onrecord worker', () => {
  it.skip(NO_PG, () => undefined);
});
