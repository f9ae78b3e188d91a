import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PG, scratchDatabase, TEST_PG } from '../../test/helpers/postgres.js';
import { createExtractor } from '../ingest/extractor.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { enqueuePaths } from './enqueue.js';
import { openQueue, type IngestQueue } from './queue.js';
import { runWorker } from './worker.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function corpus(name: string, n: number): string {
  const path = join(dir, name);
  const line = (i: number): string => JSON.stringify({ id: `${name}-${i}`, date: '2025-03-13', text: `“The ferry will run on time,” said Maria Okafor (${name} ${i}).` });
  writeFileSync(path, Array.from({ length: n }, (_, i) => line(i)).join('\n'));
  return path;
}

describe.skipIf(!TEST_PG)('ingestion queue', () => {
  let db: { url: string; drop: () => Promise<void> };
  let queue: IngestQueue;
  beforeAll(async () => {
    db = await scratchDatabase(TEST_PG as string, 'queue');
    queue = await openQueue(db.url, { maintain: true, leaseSeconds: 1 });
  });
  afterAll(async () => {
    await queue?.close();
    await db?.drop();
  });

  it('queue: enqueue cuts files into items once; workers store every document once; counts add up', async () => {
    const path = corpus('a.jsonl', 25);
    expect(await enqueuePaths(queue, [path], { itemSize: 10 })).toEqual({ items: 3, added: 3, problems: 0 });
    expect(await enqueuePaths(queue, [path], { itemSize: 10 })).toEqual({ items: 3, added: 0, problems: 0 });
    expect(await queue.counts()).toMatchObject({ pending: 3, active: 0, done: 0, failed: 0 });
    const store = await openPostgresStore(db.url);
    const extractor = await createExtractor(1);
    const totals = await runWorker({ queue, store, extractor, concurrency: 2, exitWhenDone: true, pollMs: 50 });
    expect(totals).toMatchObject({ items: 3, documents: 25, inserted: 25, failedItems: 0 });
    expect(await queue.counts()).toMatchObject({ pending: 0, active: 0, done: 3, failed: 0, documents: 25 });
    expect(await store.stats()).toMatchObject({ documents: 25, attributions: 25, speakers: 1 });
    await store.close();
  });

  it('queue: an item whose worker dies comes back when its lease runs out', async () => {
    await enqueuePaths(queue, [corpus('b.jsonl', 3)], { itemSize: 10 });
    const taken = await queue.take();
    expect(taken?.retries).toBe(0);
    expect(await queue.take()).toBeNull(); // leased: nobody else gets it
    let again = null;
    for (let i = 0; i < 100 && !again; i++) {
      await new Promise((r) => setTimeout(r, 200)); // lease 1 s, maintenance every second, retry after 2–4 s
      again = await queue.take();
    }
    expect(again).toMatchObject({ id: taken?.id, retries: 1 });
    await queue.complete(again?.id as string, { documents: 3 });
  }, 60_000);

  it('queue: an item that keeps failing is a dead letter with its error, until requeued', async () => {
    const path = corpus('c.jsonl', 2);
    await enqueuePaths(queue, [path], { itemSize: 10 });
    rmSync(path);
    const store = await openPostgresStore(db.url);
    const extractor = await createExtractor(1);
    const lines: string[] = [];
    // The worker fails it four times (retries after 2, 4 and 8 s or so), then the queue is drained.
    const totals = await runWorker({ queue, store, extractor, exitWhenDone: true, pollMs: 100, log: (l) => lines.push(l) });
    expect(totals.failedItems).toBe(4);
    expect(lines[0]).toMatch(/failed .* c\.jsonl from line 1 .*: .*c\.jsonl: no such file on this worker/);
    expect(await queue.counts()).toMatchObject({ pending: 0, active: 0, failed: 1 });
    const [dead] = await queue.failures();
    expect(dead).toMatchObject({ attempts: 4, error: expect.stringMatching(/no such file on this worker/), item: { kind: 'lines' } });
    corpus('c.jsonl', 2);
    expect(await queue.retryFailed()).toBe(1);
    expect(await queue.counts()).toMatchObject({ pending: 1, failed: 0 });
    await runWorker({ queue, store, extractor, exitWhenDone: true, pollMs: 100 });
    expect(await queue.counts()).toMatchObject({ pending: 0, failed: 0 });
    expect((await store.getDocument('c.jsonl-1'))?.attributions).toHaveLength(1);
    await store.close();
  }, 90_000);
});

describe.skipIf(TEST_PG)('ingestion queue', () => {
  it.skip(NO_PG, () => undefined);
});
