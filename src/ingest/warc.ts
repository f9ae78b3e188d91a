import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { WARCParser, type WARCRecord } from 'warcio';
import { toIsoDate } from './dates.js';
import { decodeHtml } from './html-decode.js';
import type { ByteProgress, ReadItem } from './types.js';

/** Records bigger than this are skipped as a problem: no news page is 20 MB of HTML. */
const MAX_RECORD_BYTES = 20 * 1024 * 1024;

/**
 * Reads the HTML responses of a WARC or gzipped WARC (Common Crawl's CC-NEWS, a crawler's
 * output) one record at a time, so memory stays flat however large the archive. Requests,
 * metadata, redirects and non-HTML responses are passed over; a record that cannot be read is
 * a problem naming its byte offset. A damaged archive stops at the damage, after reporting it.
 * `range` reads only the records from byte `start` (a record's first byte, of its gzip member
 * in a `.warc.gz`) to `end`, so workers can share one archive (`onrecord ingest --enqueue`).
 * @example for await (const item of readWarc('CC-NEWS-20250313.warc.gz')) if ('doc' in item) console.log(item.doc.url)
 */
export async function* readWarc(path: string, progress?: ByteProgress, range?: { start: number; end: number }): AsyncIterable<ReadItem> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    yield { problem: { source: { path }, reason: (err as Error).message } };
    return;
  }
  const start = range?.start ?? 0;
  if (range) size = Math.min(size, range.end);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024, ...(range ? { start, end: size - 1 } : {}) });
  const parser = new WARCParser(stream);
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (err) {
        yield { problem: { source: { path, recordOffset: start + parser.offset }, reason: `unreadable WARC record (${(err as Error).message}); the rest of the archive was skipped` } };
        return;
      }
      if (!record) {
        // A cut-off gzip member ends the parse early, leaving bytes no record accounts for.
        if (start + parser.offset < size) yield { problem: { source: { path, recordOffset: start + parser.offset }, reason: `archive ends inside a record (${size - start - parser.offset} bytes left over): truncated?` } };
        return;
      }
      progress?.(stream.bytesRead);
      const source = { path, recordOffset: start + parser.offset };
      if (!isHtmlResponse(record)) continue;
      if (record.warcContentLength > MAX_RECORD_BYTES) {
        yield { problem: { source, reason: `record of ${record.warcContentLength} bytes is too large for a news page` } };
        continue;
      }
      let bytes: Uint8Array;
      try {
        const expected = (record.reader as { limit?: number }).limit;
        const raw = await record.readFully(false);
        if (expected !== undefined && raw.length < expected) {
          yield { problem: { source, reason: `record truncated: ${raw.length} of ${expected} content bytes` } };
          continue;
        }
        bytes = await record.readFully(true);
      } catch (err) {
        yield { problem: { source, reason: `record content unreadable (${(err as Error).message})` } };
        continue;
      }
      const doc = { html: decodeHtml(bytes, contentType(record)), source } as const;
      const url = record.warcTargetURI ?? undefined;
      const date = toIsoDate(record.warcDate ?? undefined);
      yield { doc: { ...doc, ...(url ? { url } : {}), ...(date ? { date } : {}) } };
    }
  } finally {
    stream.destroy();
  }
}

function contentType(record: WARCRecord): string | undefined {
  return (record.httpHeaders?.headers.get('content-type') ?? record.warcHeaders.headers.get('content-type')) || undefined;
}

/** A 2xx HTTP response (or a stored resource) whose content type is HTML. */
function isHtmlResponse(record: WARCRecord): boolean {
  if (record.warcType !== 'response' && record.warcType !== 'resource') return false;
  if (record.warcType === 'response') {
    const status = Number(record.httpHeaders?.statusCode);
    if (!(status >= 200 && status < 300)) return false;
  }
  return /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType(record) ?? '');
}
