/**
 * The worker-thread entry point of `onrecord ingest --jobs N`: piscina calls the default
 * export with one document at a time.
 */
import { processDocument, type Processed } from './process.js';
import type { RawDocument } from './types.js';

/** Turns one read document into text and attributions (see {@link processDocument}). */
export default function work(raw: RawDocument): Processed {
  return processDocument(raw);
}
