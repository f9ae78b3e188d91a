import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/collect.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createExtractor } from './extractor.js';
import { ingest } from './pipeline.js';
import { describeSource, type InputProblem } from './types.js';

async function run(paths: string[], jobs = 1, store = openSqliteStore(':memory:')) {
  const problems: string[] = [];
  const extractor = await createExtractor(jobs);
  const counts = await ingest({ paths, store, extractor, onProblem: (p: InputProblem) => problems.push(`${describeSource(p.source).replace(/.*\//, '')}: ${p.reason}`) });
  await extractor.close();
  return { counts, problems, store, threads: extractor.threads, note: extractor.note };
}

describe('ingest', () => {
  it('ingest: every format in a folder, bad inputs reported and skipped', async () => {
    const { counts, problems, store } = await run([fixture('')]);
    expect(counts).toMatchObject({ documents: 17, inserted: 12, duplicate: 5, problems: 9 });
    expect(problems).toContain('articles.jsonl:3: not valid JSON (Unterminated string in JSON at position 42)');
    expect(problems).toContain('gazette.rss (item 3): item has no text (no content, description or summary)');
    expect(problems.some((p) => p.startsWith('truncated.warc.gz (record at byte'))).toBe(true);
    expect((await store.stats()).documents).toBe(12);
    const page = await store.getDocument('ledger-3001');
    expect(page).toMatchObject({ outlet: 'Northshore Ledger', sourcePath: expect.stringMatching(/articles\.jsonl:1$/) });
    await store.close();
  });

  it('ingest: a second run stores nothing new and skips extraction of stored texts', async () => {
    const { store } = await run([fixture('')]);
    const again = await run([fixture('')], 1, store);
    expect(again.counts).toMatchObject({ documents: 17, inserted: 0, updated: 0, unchanged: 12, duplicate: 5, attributions: 0 });
    await store.close();
  });

  it('ingest: --reextract extracts and stores stored texts again', async () => {
    const { store } = await run([fixture('articles.jsonl')]);
    const extractor = await createExtractor(1);
    const again = await ingest({ paths: [fixture('articles.jsonl')], store, extractor, reextract: true });
    expect(again).toMatchObject({ documents: 3, updated: 3, unchanged: 0, problems: 2 });
    expect(again.attributions).toBeGreaterThan(0);
    expect((await store.stats()).attributions).toBe(again.attributions);
    await store.close();
  });

  it('ingest: --jobs 2 extracts in worker threads (from the TypeScript sources here) and stores the same as --jobs 1', async () => {
    const one = await run([fixture('')], 1);
    const two = await run([fixture('')], 2);
    expect([two.threads, two.note]).toEqual([2, undefined]);
    const rows = async (s: typeof one.store) => {
      const out = [];
      for await (const a of s.exportAttributions()) out.push([a.documentId, a.content, a.speaker?.name]);
      return out.sort();
    };
    expect(await rows(two.store)).toEqual(await rows(one.store));
    expect(two.counts).toEqual(one.counts);
  });

  it('ingest: bad input changes nothing already stored', async () => {
    const { store } = await run([fixture('articles.jsonl')]);
    const before = await store.stats();
    const bad = await run([fixture('malformed.rss'), fixture('broken.html'), fixture('truncated.warc.gz').replace('truncated', 'missing')], 1, store);
    expect(bad.counts).toMatchObject({ documents: 0, problems: 3 });
    expect(await store.stats()).toEqual(before);
    await store.close();
  });
});
