import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';

/**
 * The byte ranges of runs of `perItem` non-blank lines of a JSONL file, each starting at a
 * line's first byte, with that line's number (1-based). Streams: any size, flat memory.
 * @example for await (const r of scanJsonl('a.jsonl', 50)) console.log(r) // {start: 0, end: 91234, line: 1}, …
 */
export async function* scanJsonl(path: string, perItem: number): AsyncIterable<{ start: number; end: number; line: number }> {
  let pos = 0; // offset of the next byte to look at
  let lineStart = 0;
  let lineNo = 1;
  let blank = true; // the current line has only white space so far
  let group = { start: 0, line: 1, lines: 0 };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        if (!blank) group.lines++;
        lineStart = pos + i + 1;
        lineNo++;
        blank = true;
        if (group.lines >= perItem) {
          yield { start: group.start, end: lineStart, line: group.line };
          group = { start: lineStart, line: lineNo, lines: 0 };
        }
      } else if (blank && b !== 0x20 && b !== 0x09 && b !== 0x0d) blank = false;
    }
    pos += chunk.length;
  }
  if (!blank) group.lines++;
  if (group.lines > 0) yield { start: group.start, end: pos, line: group.line };
}

/**
 * The byte ranges of runs of about `perItem` response records of a WARC (or `.warc.gz`, whose
 * records are gzip members), at most `maxBytes` each unless one record is larger, cut at record
 * boundaries. Reads every record header once (a gzipped archive is inflated once). Damage ends
 * the scan: the rest of the file is one last range, where the worker reports it.
 * @example for await (const r of scanWarc('CC-NEWS.warc.gz', size, 50, 16 << 20)) console.log(r) // {start: 0, end: 2093412}, …
 */
export async function* scanWarc(path: string, size: number, perItem: number, maxBytes: number): AsyncIterable<{ start: number; end: number }> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = new WARCParser(stream, { parseHttp: false });
  let start = 0;
  let docs = 0;
  try {
    for (;;) {
      let record;
      try {
        record = await parser.parse();
      } catch {
        break;
      }
      if (!record) break;
      const offset = parser.offset;
      if (offset > start && (docs >= perItem || offset - start >= maxBytes)) {
        yield { start, end: offset };
        start = offset;
        docs = 0;
      }
      if (record.warcType === 'response' || record.warcType === 'resource') docs++;
    }
  } finally {
    stream.destroy();
  }
  if (size > start) yield { start, end: size };
}
