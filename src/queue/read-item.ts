import { stat } from 'node:fs/promises';
import type { ReadItem } from '../ingest/types.js';
import { describeItem, type WorkItem } from './work-items.js';

/**
 * A work item that cannot be read at all (its file is missing or changed since it was
 * enqueued): the worker fails the item, so it is retried and, failing still, kept as a
 * dead letter with this message.
 * @example throw new ItemUnreadable('a.jsonl: no such file on this worker')
 */
export class ItemUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ItemUnreadable';
  }
}

/**
 * The documents of one work item, read with the same readers as `onrecord ingest` (bad lines,
 * items and records are problems, as there). Throws {@link ItemUnreadable} before reading when
 * the file is not there, at the path it was enqueued with, at the size it had.
 * @example for await (const read of readItem(item)) if ('doc' in read) docs.push(read.doc)
 */
export async function* readItem(item: WorkItem): AsyncIterable<ReadItem> {
  const size = await stat(item.path).then((s) => s.size, (err: NodeJS.ErrnoException) => {
    throw new ItemUnreadable(`${item.path}: ${err.code === 'ENOENT' ? 'no such file on this worker (workers must reach inputs at the path they were enqueued with)' : err.message}`);
  });
  if (size !== item.size) throw new ItemUnreadable(`${describeItem(item)}: the file changed since it was enqueued (${item.size} bytes then, ${size} now): enqueue it again`);
  switch (item.kind) {
    case 'file':
      if (item.format === 'txt') yield* (await import('../ingest/txt.js')).readTxt(item.path);
      else yield* (await import('../ingest/html-file.js')).readHtmlFile(item.path);
      return;
    case 'lines':
      yield* (await import('../ingest/jsonl.js')).readJsonl(item.path, undefined, { start: item.start, end: item.end, line: item.line });
      return;
    case 'records':
      yield* (await import('../ingest/warc.js')).readWarc(item.path, undefined, { start: item.start, end: item.end });
      return;
    case 'feed-items':
      for await (const read of (await import('../ingest/feed.js')).readFeed(item.path)) {
        const index = ('doc' in read ? read.doc.source : read.problem.source).itemIndex;
        if (index === undefined || (index >= item.from && index < item.to)) yield read;
      }
  }
}
