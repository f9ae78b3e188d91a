import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readInputs } from '../ingest/dispatch.js';
import { planItems, type Planned } from './plan.js';
import { ItemUnreadable, readItem } from './read-item.js';
import { describeItem, itemId, type WorkItem } from './work-items.js';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function plan(paths: string[], itemSize: number): Promise<{ items: WorkItem[]; problems: string[] }> {
  const out: Planned[] = [];
  for await (const p of planItems(paths, { itemSize })) out.push(p);
  return {
    items: out.flatMap((p) => ('item' in p ? [p.item] : [])),
    problems: out.flatMap((p) => ('problem' in p ? [p.problem.reason] : [])),
  };
}

/** What the items read, in order, as [source, url or text] pairs. */
async function readAll(items: WorkItem[]): Promise<string[]> {
  const out: string[] = [];
  for (const item of items) {
    const { docs, problems } = await collect(readItem(item));
    out.push(...docs.map((d) => JSON.stringify(d)), ...problems.map((p) => JSON.stringify(p)));
  }
  return out.sort();
}

describe('work items', () => {
  it.each([
    ['articles.jsonl', 2, 3], ['news.warc', 1, 5], ['news.warc.gz', 2, 3], ['gazette.rss', 1, 3], ['ledger.atom', 1, 2],
    ['truncated.warc.gz', 1, 1], // the scan stops at the damage: the rest is one item, whose worker reports it
  ])('planItems: %s cut into items of %i (%i items) read what the whole file reads', async (name, size, count) => {
    const { items, problems } = await plan([fixture(name)], size);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(count);
    const whole = await collect(readInputs([fixture(name)]));
    expect(await readAll(items)).toEqual([...whole.docs.map((d) => JSON.stringify(d)), ...whole.problems.map((p) => JSON.stringify(p))].sort());
  });

  it('planItems: a folder, file by file; explicit unknown files and missing paths are problems', async () => {
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
    const { items, problems } = await plan([fixture(''), join(dir, 'nowhere'), join(dir, 'blob.bin')], 50);
    expect(items.map((i) => [i.kind, describeItem(i)])).toContainEqual(['file', 'ferry-fares.txt']);
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['file', 'lines', 'records', 'feed-items']));
    expect(items.every((i) => i.path.startsWith('/'))).toBe(true);
    expect(problems).toEqual(['not a readable feed (Invalid feed format)', 'no such file or folder', 'not a format onrecord reads (txt, html, RSS/Atom, jsonl, warc)']);
  });

  it('planItems: JSONL ranges start at line starts, skip blank lines in the count, keep line numbers', async () => {
    const path = join(dir, 'lines.jsonl');
    const line = (n: number): string => JSON.stringify({ id: `d${n}`, text: `Text ${n}.` });
    writeFileSync(path, [line(1), '', line(2), line(3), '  ', line(4), line(5)].join('\n'));
    const { items } = await plan([path], 2);
    expect(items.map((i) => (i.kind === 'lines' ? i.line : 0))).toEqual([1, 4, 7]);
    const ids = [];
    for (const item of items) ids.push((await collect(readItem(item))).docs.map((d) => `${d.id}@${d.source.line}`));
    expect(ids).toEqual([['d1@1', 'd2@3'], ['d3@4', 'd4@6'], ['d5@7']]);
  });

  it('readItem: a missing or changed file is unreadable, for the worker to fail', async () => {
    const path = join(dir, 'gone.txt');
    writeFileSync(path, 'Once there was a text.');
    const [item] = (await plan([path], 50)).items;
    writeFileSync(path, 'Now it is longer than it was.');
    await expect(collect(readItem(item))).rejects.toThrow(/changed since it was enqueued/);
    rmSync(path);
    await expect(collect(readItem(item))).rejects.toThrow(ItemUnreadable);
  });

  it('itemId: a UUID that names what the item reads', async () => {
    const { items } = await plan([fixture('articles.jsonl')], 2);
    expect(itemId(items[0])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(itemId(items[0])).toBe(itemId({ ...items[0] }));
    expect(itemId(items[0])).not.toBe(itemId(items[1]));
    expect(itemId(items[0])).not.toBe(itemId({ ...items[0], reextract: true }));
  });
});
