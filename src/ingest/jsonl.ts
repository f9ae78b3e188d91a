import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { toIsoDate } from './dates.js';
import type { ByteProgress, ReadItem, SourceDocument, SourceRef } from './types.js';

/**
 * Reads a JSONL file, one article a line: `{"id","text","date","url","title","outlet"}`
 * (`publisher` and `author`/`byline`, as in PolNeAR, are read too). Streams, so a file of any
 * size reads in constant memory. A line that is not JSON or has no text is a problem. `range`
 * reads only the lines from byte `start` (a line's first byte, line number `line`) to `end`, so
 * workers can share one file (`onrecord ingest --enqueue`).
 * @example for await (const item of readJsonl('articles.jsonl')) if ('doc' in item) console.log(item.doc.id)
 */
export async function* readJsonl(path: string, progress?: ByteProgress, range?: { start: number; end: number; line: number }): AsyncIterable<ReadItem> {
  const stream = createReadStream(path, range ? { start: range.start, end: range.end - 1 } : {});
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = range ? range.line - 1 : 0;
  try {
    for await (const raw of lines) {
      line++;
      progress?.(stream.bytesRead);
      if (!raw.trim()) continue;
      yield parseLine(raw, { path, line });
    }
  } catch (err) {
    yield { problem: { source: { path, line: line || undefined }, reason: (err as Error).message } };
  } finally {
    lines.close();
    stream.destroy();
  }
}

/**
 * Parses one JSONL line into a document, or a problem naming what is wrong with it.
 * @example parseLine('{"text":"Hi."}', {path: 'a.jsonl', line: 1}) // {doc: {text: 'Hi.', source: …}}
 */
export function parseLine(raw: string, source: SourceRef): ReadItem {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { problem: { source, reason: `not valid JSON (${(err as Error).message})` } };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: { source, reason: 'not a JSON object' } };
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') return { problem: { source, reason: 'no "text" string' } };
  if (!obj.text.trim()) return { problem: { source, reason: 'empty "text"' } };
  const doc: SourceDocument = { text: obj.text, source };
  const id = typeof obj.id === 'number' ? String(obj.id) : str(obj.id);
  if (id) doc.id = id;
  const fields: Array<[keyof SourceDocument, unknown]> = [
    ['url', obj.url ?? obj.link], ['title', obj.title], ['outlet', obj.outlet ?? obj.publisher], ['byline', obj.byline ?? obj.author],
  ];
  for (const [key, v] of fields) {
    const s = str(v);
    if (s) (doc as unknown as Record<string, string>)[key] = s;
  }
  const date = toIsoDate(obj.date);
  if (date) doc.date = date;
  return { doc };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
