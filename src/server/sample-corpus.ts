import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractResult } from '../core/types.js';
import type { Extractor } from '../ingest/extractor.js';
import { readJsonl } from '../ingest/jsonl.js';
import type { DocumentInput, Store } from '../store/store.js';

/**
 * The sample corpus shipped with onrecord (`examples/sample-corpus.jsonl`: short fictional
 * articles), or null when this installation does not have it.
 * @example samplePath() // '/…/onrecord/examples/sample-corpus.jsonl'
 */
export function samplePath(): string | null {
  // Two levels up from src/server and from dist/server alike.
  const path = fileURLToPath(new URL('../../examples/sample-corpus.jsonl', import.meta.url));
  return existsSync(path) ? path : null;
}

/** What loading the sample did. */
export interface SampleLoad {
  documents: number;
  inserted: number;
  attributions: number;
}

/**
 * Extracts and stores every article of a JSONL corpus in one transaction. Idempotent: loaded
 * twice, the second time stores nothing.
 * @example await loadSampleCorpus(store, extractor, samplePath()) // {documents: 12, inserted: 12, attributions: 52}
 */
export async function loadSampleCorpus(store: Store, extractor: Extractor, path: string): Promise<SampleLoad> {
  const items: Array<{ doc: DocumentInput; result: ExtractResult }> = [];
  for await (const item of readJsonl(path)) {
    if ('problem' in item) throw new Error(`sample corpus ${path}: line ${item.problem.source.line}: ${item.problem.reason}`);
    const processed = await extractor.run(item.doc);
    if ('problem' in processed) throw new Error(`sample corpus ${path}: ${processed.problem.reason}`);
    const { source: _source, ...doc } = processed.doc;
    items.push({ doc, result: processed.result });
  }
  const put = await store.putDocuments(items);
  return {
    documents: put.length,
    inserted: put.filter((p) => p.status === 'inserted').length,
    attributions: put.reduce((n, p) => n + p.attributions, 0),
  };
}
