import { extract } from '../index.js';
import type { ExtractResult } from '../core/types.js';
import { htmlToDocument } from './html.js';
import { isHtmlDocument, type InputProblem, type RawDocument, type SourceDocument } from './types.js';

/** A document with what the engine found in it, or why it could not be processed. */
export type Processed = { doc: SourceDocument; result: ExtractResult } | { problem: InputProblem };

/**
 * Everything done to one document between reading and storing: HTML to text, then
 * extraction. This is the worker threads' task; it never throws.
 * @example processDocument({text: '“Yes,” she said.', source: {path: 'a.txt'}}) // {doc, result}
 */
export function processDocument(raw: RawDocument): Processed {
  try {
    const doc = isHtmlDocument(raw) ? htmlToDocument(raw) : raw;
    if (!('text' in doc)) return { problem: doc };
    const result = extract(doc.text, {
      ...(doc.id !== undefined ? { id: doc.id } : {}), ...(doc.date !== undefined ? { date: doc.date } : {}), ...(doc.byline !== undefined ? { byline: doc.byline } : {}),
    });
    return { doc, result };
  } catch (err) {
    return { problem: { source: raw.source, reason: `extraction failed: ${(err as Error).message}` } };
  }
}
