import type { Store } from '../store/store.js';
import { readInputs } from './dispatch.js';
import type { Extractor } from './extractor.js';
import type { Processed } from './process.js';
import type { IngestCounts } from './progress.js';
import { describeSource, type InputProblem } from './types.js';

export interface IngestOptions {
  paths: string[];
  store: Store;
  extractor: Extractor;
  /** Documents written per transaction, at most (default 200). */
  batchSize?: number;
  /** Longest a finished document waits before its batch is written, in ms (default 500). */
  batchMs?: number;
  onProblem?: (problem: InputProblem) => void;
  /** Called after each document, with the input bytes read so far. */
  onProgress?: (counts: IngestCounts, bytesRead: number) => void;
}

/**
 * Reads every document under `paths`, extracts in the extractor's threads (a few documents in
 * flight per thread, so memory stays flat) and writes batches in single transactions: a
 * killed ingest leaves whole batches, and running it again stores what is missing and skips
 * the rest. Bad files, lines, items and records go to `onProblem` and are skipped.
 * @example await ingest({paths: ['corpus/'], store, extractor}) // {documents: 924, inserted: 923, …}
 */
export async function ingest(options: IngestOptions): Promise<IngestCounts> {
  const { store, extractor, onProblem, onProgress } = options;
  const batchSize = options.batchSize ?? 200;
  const batchMs = options.batchMs ?? 500;
  const counts: IngestCounts = { documents: 0, inserted: 0, updated: 0, unchanged: 0, duplicate: 0, attributions: 0, problems: 0 };
  let bytesBefore = 0;
  let bytesInFile = 0;
  let fileSize = 0;
  const bytesRead = (): number => bytesBefore + bytesInFile;
  const problem = (p: InputProblem): void => {
    counts.problems++;
    onProblem?.(p);
    onProgress?.(counts, bytesRead());
  };

  let batch: Array<Extract<Processed, { doc: unknown }>> = [];
  let batchStarted = Date.now();
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const items = batch.map(({ doc, result }) => ({ doc: { ...doc, sourcePath: describeSource(doc.source) }, result }));
    batch = [];
    for (const r of await store.putDocuments(items)) {
      counts[r.status]++;
      counts.attributions += r.attributions;
    }
  };
  const done = async (processed: Processed): Promise<void> => {
    if ('problem' in processed) return problem(processed.problem);
    counts.documents++;
    if (!batch.length) batchStarted = Date.now();
    batch.push(processed);
    if (batch.length >= batchSize || Date.now() - batchStarted >= batchMs) await flush();
    onProgress?.(counts, bytesRead());
  };

  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(4, extractor.threads * 4);
  const finished: Processed[] = [];
  // Readers that stream report bytes as they go; a file counts whole once the next one starts.
  const onFile = (_path: string, size: number) => {
    bytesBefore += fileSize;
    [bytesInFile, fileSize] = [0, size];
    return (n: number) => void (bytesInFile = Math.min(n, size));
  };
  for await (const item of readInputs(options.paths, onFile)) {
    if ('problem' in item) {
      problem(item.problem);
      continue;
    }
    const { source } = item.doc;
    const task: Promise<void> = extractor.run(item.doc)
      .then((p) => void finished.push(p), (err: Error) => void finished.push({ problem: { source, reason: `extraction failed: ${err.message}` } }))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    for (const p of finished.splice(0)) await done(p);
  }
  await Promise.all(inFlight);
  for (const p of finished.splice(0)) await done(p);
  await flush();
  return counts;
}
