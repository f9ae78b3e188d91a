/**
 * What the ingestion queue holds: work items small enough for one worker to finish well within
 * its lease. An item names its file by absolute path, so every worker must reach the inputs at
 * the same path (a shared or network file system); the bytes are never copied into the queue.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/** The pg-boss queue of ingestion work. */
export const QUEUE_NAME = 'onrecord-ingest';

/** The file an item reads, as it was when enqueued (a worker refuses a file that changed size). */
export interface ItemFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** One unit of ingestion work. */
export type WorkItem = ItemFile & { reextract?: boolean } & (
  /** A whole saved page or text file. */
  | { kind: 'file'; format: 'txt' | 'html' }
  /** JSONL lines: bytes [start, end), the first being line number `line`. */
  | { kind: 'lines'; start: number; end: number; line: number }
  /** WARC records: bytes [start, end), from a record's first byte (its gzip member's, in a .warc.gz). */
  | { kind: 'records'; start: number; end: number }
  /** Feed items [from, to), 0-based. */
  | { kind: 'feed-items'; from: number; to: number }
);

/**
 * A short human description of an item, for logs and `onrecord queue`.
 * @example describeItem({kind: 'lines', path: '/data/a.jsonl', start: 0, end: 9000, line: 1, …}) // 'a.jsonl from line 1 (bytes 0–9000)'
 */
export function describeItem(item: WorkItem): string {
  const name = basename(item.path);
  switch (item.kind) {
    case 'file': return name;
    case 'lines': return `${name} from line ${item.line} (bytes ${item.start}–${item.end})`;
    case 'records': return `${name} records in bytes ${item.start}–${item.end}`;
    case 'feed-items': return `${name} items ${item.from + 1}–${item.to}`;
  }
}

/**
 * The job id of an item: a UUID derived from what it reads (path, size, modification time,
 * range), so enqueueing the same files twice adds nothing while the first items are queued.
 * @example itemId(item) // '3f0c9a52-…'
 */
export function itemId(item: WorkItem): string {
  const { reextract, ...what } = item;
  const h = createHash('sha1').update(JSON.stringify({ ...what, reextract: reextract ?? false })).digest('hex');
  // RFC 4122 layout, version 5 (name-based, SHA-1), variant 10xx.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
