import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWhole } from './read-whole.js';
import type { ReadItem } from './types.js';

/**
 * Reads a plain-text article (`.txt`) as one document. Its identity is the file's `file:` URL,
 * so editing the file and ingesting again replaces the old version. UTF-8, or Windows-1252
 * when the bytes are not valid UTF-8.
 * @example for await (const item of readTxt('article.txt')) console.log('doc' in item && item.doc.url)
 */
export async function* readTxt(path: string): AsyncIterable<ReadItem> {
  const read = await readWhole(path);
  if ('problem' in read) {
    yield read;
    return;
  }
  const { bytes } = read;
  if (bytes.includes(0)) {
    yield { problem: { source: { path }, reason: 'binary data (NUL bytes), not a text file' } };
    return;
  }
  const text = decodeText(bytes).replace(/^\ufeff/, '');
  if (!text.trim()) {
    yield { problem: { source: { path }, reason: 'empty file' } };
    return;
  }
  yield { doc: { text, url: pathToFileURL(resolve(path)).href, source: { path } } };
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
