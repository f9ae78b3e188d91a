import type { Extractor } from '../ingest/extractor.js';
import type { Processed } from '../ingest/process.js';
import type { IngestCounts } from '../ingest/progress.js';
import { describeSource, isHtmlDocument, type InputProblem } from '../ingest/types.js';
import type { DocumentInput, Store } from '../store/store.js';
import type { ExtractResult } from '../core/types.js';
import { readItem } from './read-item.js';
import type { WorkItem } from './work-items.js';

/** What one item did: the counts of `onrecord ingest`, and its problems (the first 20, in words). */
export interface ItemResult extends IngestCounts {
  problemList: string[];
}

export interface ProcessItemOptions {
  store: Store;
  extractor: Extractor;
  onProblem?: (problem: InputProblem) => void;
}

/**
 * Reads one work item, extracts its documents (those not stored already, unless the item says
 * re-extract) and writes them all in one transaction: an item is stored whole or not at all, and
 * doing it again stores nothing new, so a worker that dies anywhere in it loses nothing and a
 * retried item is done exactly once in effect.
 * @example await processItem(item, {store, extractor}) // {documents: 50, inserted: 50, …}
 */
export async function processItem(item: WorkItem, options: ProcessItemOptions): Promise<ItemResult> {
  const counts: ItemResult = { documents: 0, inserted: 0, updated: 0, unchanged: 0, duplicate: 0, attributions: 0, problems: 0, problemList: [] };
  const problem = (p: InputProblem): void => {
    counts.problems++;
    if (counts.problemList.length < 20) counts.problemList.push(`${describeSource(p.source)}: ${p.reason}`);
    options.onProblem?.(p);
  };
  const pending: Array<Promise<Processed>> = [];
  for await (const read of readItem(item)) {
    if ('problem' in read) {
      problem(read.problem);
      continue;
    }
    // Texts stored already need no extraction (HTML: its text is only known after conversion).
    if (!item.reextract && !isHtmlDocument(read.doc)) {
      const status = await options.store.peekDocument(read.doc);
      if (status === 'unchanged' || status === 'duplicate') {
        counts.documents++;
        counts[status]++;
        continue;
      }
    }
    const doc = read.doc;
    pending.push(options.extractor.run(doc).catch((err: Error): Processed => ({ problem: { source: doc.source, reason: `extraction failed: ${err.message}` } })));
  }
  const batch: Array<{ doc: DocumentInput; result: ExtractResult }> = [];
  for (const processed of await Promise.all(pending)) {
    if ('problem' in processed) problem(processed.problem);
    else batch.push({ doc: { ...processed.doc, sourcePath: describeSource(processed.doc.source) }, result: processed.result });
  }
  for (const r of await options.store.putDocuments(batch, { reextract: item.reextract ?? false })) {
    counts.documents++;
    counts[r.status]++;
    counts.attributions += r.attributions;
  }
  return counts;
}
