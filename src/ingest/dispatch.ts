import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ByteProgress, InputProblem, ReadItem, Reader } from './types.js';

/** The input formats onrecord reads. */
export type InputFormat = 'txt' | 'html' | 'feed' | 'jsonl' | 'warc';

/**
 * The reader of each format, loaded when first needed: the parsers behind them (linkedom,
 * feedsmith, warcio) weigh some 15–25 MB each, and a WARC ingest needs only warcio here.
 */
const READERS: Record<InputFormat, () => Promise<Reader>> = {
  txt: async () => (await import('./txt.js')).readTxt,
  html: async () => (await import('./html-file.js')).readHtmlFile,
  feed: async () => (await import('./feed.js')).readFeed,
  jsonl: async () => (await import('./jsonl.js')).readJsonl,
  warc: async () => (await import('./warc.js')).readWarc,
};

const BY_EXTENSION: Array<[RegExp, InputFormat]> = [
  [/\.warc(\.gz)?$/i, 'warc'], [/\.(jsonl|ndjson)$/i, 'jsonl'], [/\.(html?|xhtml)$/i, 'html'], [/\.(rss|atom|rdf)$/i, 'feed'], [/\.(txt|text)$/i, 'txt'],
];

/**
 * Decides the format of a file from its name, or from its first bytes when the name does not
 * say (`.xml`, `.json`, no extension). Undefined when the file is none of the formats;
 * `guessText` lets a file the user named explicitly be read as plain text.
 * @example detectFormat('feed.xml', Buffer.from('<?xml version="1.0"?><rss>')) // 'feed'
 */
export function detectFormat(path: string, head: Uint8Array, guessText = false): InputFormat | undefined {
  const byName = BY_EXTENSION.find(([re]) => re.test(path));
  if (byName) return byName[1];
  if (head[0] === 0x1f && head[1] === 0x8b) return /\.warc/i.test(path) ? 'warc' : undefined;
  const start = new TextDecoder('latin1').decode(head).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (start.startsWith('WARC/')) return 'warc';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(start)) return 'feed';
  if (/^(<!doctype html|<html\b)/i.test(start)) return 'html';
  if (start.startsWith('{')) return /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(start) ? 'feed' : /\.json$/i.test(path) ? undefined : 'jsonl';
  if (guessText && !head.includes(0) && start.length > 0) return 'txt';
  return undefined;
}

/**
 * Every document in the given files and folders (folders recursively, in name order, hidden
 * entries skipped), with a problem for each path that cannot be read. Files in a folder that
 * are none of the formats are passed over in silence; a file named explicitly is a problem.
 * @example for await (const item of readInputs(['corpus/'])) console.log('doc' in item ? item.doc.source.path : item.problem.reason)
 */
export async function* readInputs(paths: string[], onFile?: (path: string, size: number) => ByteProgress | undefined): AsyncIterable<ReadItem> {
  for (const root of paths) {
    for await (const entry of walk(root, true)) {
      if ('problem' in entry) {
        yield entry;
        continue;
      }
      const format = detectFormat(entry.path, await readHead(entry.path), entry.explicit);
      if (!format) {
        if (entry.explicit) yield { problem: { source: { path: entry.path }, reason: 'not a format onrecord reads (txt, html, RSS/Atom, jsonl, warc)' } };
        continue;
      }
      const read = await READERS[format]();
      yield* read(entry.path, onFile?.(entry.path, entry.size));
    }
  }
}

/** A file found under an input path (`explicit` when it was named itself), or a path that could not be read. */
export type WalkEntry = { path: string; size: number; mtimeMs: number; explicit: boolean } | { problem: InputProblem };

/**
 * Files under a path, folders in name order, hidden entries skipped: what `onrecord ingest`
 * and `ingest --enqueue` read.
 * @example for await (const e of walk('corpus/', true)) if ('path' in e) console.log(e.path)
 */
export async function* walk(path: string, explicit: boolean): AsyncIterable<WalkEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { problem: { source: { path }, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message } };
    return;
  }
  if (info.isFile()) {
    yield { path, size: info.size, mtimeMs: Math.trunc(info.mtimeMs), explicit };
    return;
  }
  if (!info.isDirectory()) return;
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) yield* walk(join(path, name), false);
}

/**
 * The first 4 KiB of a file (empty when it cannot be opened), to sniff its format.
 * @example detectFormat(path, await readHead(path))
 */
export async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return new Uint8Array();
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Total size in bytes of the files under the given paths (for the progress bar's ETA).
 * @example await totalBytes(['corpus/']) // 104857600
 */
export async function totalBytes(paths: string[]): Promise<number> {
  let total = 0;
  for (const root of paths) for await (const e of walk(root, true)) if ('size' in e) total += e.size;
  return total;
}
