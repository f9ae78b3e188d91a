import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml } from './html-decode.js';
import { readWhole } from './read-whole.js';
import type { ReadItem } from './types.js';

/**
 * Reads a saved web page (`.html`, `.htm`) as one document; its HTML becomes text later,
 * where extraction runs (see `htmlToDocument` in html.ts).
 * @example for await (const item of readHtmlFile('page.html')) console.log('doc' in item)
 */
export async function* readHtmlFile(path: string): AsyncIterable<ReadItem> {
  const read = await readWhole(path);
  if ('problem' in read) {
    yield read;
    return;
  }
  const { bytes } = read;
  // Without a canonical link the file itself is the page's address (and its identity).
  yield { doc: { html: decodeHtml(bytes), url: pathToFileURL(resolve(path)).href, source: { path } } };
}
