import { resolve } from 'node:path';
import { detectFormat, readHead, walk } from '../ingest/dispatch.js';
import type { InputProblem } from '../ingest/types.js';
import { scanJsonl, scanWarc } from './scan.js';
import type { ItemFile, WorkItem } from './work-items.js';

export interface PlanOptions {
  /** Documents per item, about (default 50): lines of JSONL, responses of a WARC; a feed's items. */
  itemSize?: number;
  /** A WARC item holds at most this many bytes of records, whatever their count (default 16 MB). */
  maxItemBytes?: number;
  reextract?: boolean;
}

/** A work item, or an input that cannot become one (reported, as `onrecord ingest` does). */
export type Planned = { item: WorkItem } | { problem: InputProblem };

/**
 * Cuts the inputs under `paths` into work items: a text or HTML file is one; a JSONL file, a
 * WARC or a feed is cut into runs of about `itemSize` documents (JSONL and WARC by byte range,
 * found by scanning the file once here, so workers read only their range). Paths become
 * absolute: workers must reach them at the same path.
 * @example for await (const p of planItems(['corpus/'])) if ('item' in p) items.push(p.item)
 */
export async function* planItems(paths: string[], options: PlanOptions = {}): AsyncIterable<Planned> {
  const size = options.itemSize ?? 50;
  const extra = options.reextract ? { reextract: true } : {};
  for (const root of paths) {
    for await (const entry of walk(resolve(root), true)) {
      if ('problem' in entry) {
        yield entry;
        continue;
      }
      const format = detectFormat(entry.path, await readHead(entry.path), entry.explicit);
      const file: ItemFile = { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs };
      if (!format) {
        if (entry.explicit) yield { problem: { source: { path: entry.path }, reason: 'not a format onrecord reads (txt, html, RSS/Atom, jsonl, warc)' } };
      } else if (format === 'txt' || format === 'html') {
        yield { item: { ...file, ...extra, kind: 'file', format } };
      } else if (format === 'jsonl') {
        for await (const r of scanJsonl(entry.path, size)) yield { item: { ...file, ...extra, kind: 'lines', ...r } };
      } else if (format === 'warc') {
        for await (const r of scanWarc(entry.path, entry.size, size, options.maxItemBytes ?? 16 * 1024 * 1024)) yield { item: { ...file, ...extra, kind: 'records', ...r } };
      } else {
        yield* feedItems(file, size, extra);
      }
    }
  }
}

async function* feedItems(file: ItemFile, size: number, extra: { reextract?: boolean }): AsyncIterable<Planned> {
  const { readFeed } = await import('../ingest/feed.js');
  let count = 0;
  for await (const read of readFeed(file.path)) {
    const source = 'doc' in read ? read.doc.source : read.problem.source;
    if (source.itemIndex === undefined && 'problem' in read) {
      yield read; // the feed as a whole is unreadable: say so now, not in a worker
      return;
    }
    count = Math.max(count, (source.itemIndex ?? 0) + 1);
  }
  for (let from = 0; from < count; from += size) yield { item: { ...file, ...extra, kind: 'feed-items', from, to: Math.min(count, from + size) } };
}

