import type { DocumentInput, Store } from '../store/store.js';
import { readInputs } from './dispatch.js';
import type { Extractor } from './extractor.js';
import type { Processed } from './process.js';
import type { IngestCounts } from './progress.js';
import { describeSource, isHtmlDocument, type InputProblem, type RawDocument } from './types.js';

export interface IngestOptions {
  paths: string[];
  store: Store;
  extractor: Extractor;
  /** Documents written per transaction, at most (default 100). */
  batchSize?: number;
  /** Longest a finished document waits before its batch is written, in ms (default 500). */
  batchMs?: number;
  /** Extract and store again documents whose text is stored already (after an engine upgrade). */
  reextract?: boolean;
  onProblem?: (problem: InputProblem) => void;
  /** Called after each document, with the input bytes read so far. */
  onProgress?: (counts: IngestCounts, bytesRead: number) => void;
}

/**
 * Reads every document under `paths`, extracts in the extractor's threads (a few documents in
 * flight per thread, so memory stays flat) and writes batches in single transactions: a
 * killed ingest leaves whole batches, and running it again stores what is missing and skips
 * the rest (texts already stored are not even extracted again). Results are written in input
 * order whatever order the threads finish in, so which of two copies of a text is kept (the
 * first) does not depend on `--jobs`. Bad files, lines, items and records go to `onProblem`.
 * @example await ingest({paths: ['corpus/'], store, extractor}) // {documents: 924, inserted: 923, …}
 */
export async function ingest(options: IngestOptions): Promise<IngestCounts> {
  const run = new IngestRun(options);
  const pending: Array<{ result: Promise<Processed>; chars: number }> = [];
  let pendingChars = 0;
  // Deep enough that the threads keep extracting while this thread writes a batch, yet bounded
  // in characters too, so a run of 1 MB pages cannot pile up in memory.
  const maxPending = options.extractor.threads > 1 ? options.extractor.threads * 16 : 4;
  const next = async (): Promise<void> => {
    const head = pending.shift() as { result: Promise<Processed>; chars: number };
    pendingChars -= head.chars;
    await run.done(await head.result);
  };
  for await (const item of readInputs(options.paths, run.onFile)) {
    if ('problem' in item) run.problem(item.problem);
    else if (!(await run.skipStored(item.doc))) {
      const chars = 'html' in item.doc ? item.doc.html.length : item.doc.text.length;
      pending.push({ result: run.extract(item.doc), chars });
      pendingChars += chars;
      while (pending.length >= maxPending || pendingChars > MAX_PENDING_CHARS) await next();
    }
  }
  while (pending.length) await next();
  await run.flush();
  return run.counts;
}

/** At most this many characters of documents wait for extraction at once (some 8 MB). */
const MAX_PENDING_CHARS = 4_000_000;

/** The state of one ingest: counts, input position, and the batch waiting to be written. */
class IngestRun {
  readonly counts: IngestCounts = { documents: 0, inserted: 0, updated: 0, unchanged: 0, duplicate: 0, attributions: 0, problems: 0 };
  private batch: Array<{ doc: DocumentInput; result: Extract<Processed, { doc: unknown }>['result'] }> = [];
  private batchStarted = 0;
  private bytesBefore = 0;
  private bytesInFile = 0;
  private fileSize = 0;

  constructor(private readonly options: IngestOptions) {}

  /** Readers that stream report bytes as they go; a file counts whole once the next one starts. */
  readonly onFile = (_path: string, size: number) => {
    this.bytesBefore += this.fileSize;
    [this.bytesInFile, this.fileSize] = [0, size];
    return (n: number): void => void (this.bytesInFile = Math.min(n, size));
  };

  problem(p: InputProblem): void {
    this.counts.problems++;
    this.options.onProblem?.(p);
    this.progress();
  }

  /** True when the text is stored already (unchanged, or as a duplicate): no need to extract it. */
  async skipStored(doc: RawDocument): Promise<boolean> {
    if (isHtmlDocument(doc) || this.options.reextract) return false; // HTML: its text is only known after conversion
    const status = await this.options.store.peekDocument(doc);
    if (status !== 'unchanged' && status !== 'duplicate') return false;
    this.counts.documents++;
    this.counts[status]++;
    this.progress();
    return true;
  }

  extract(doc: RawDocument): Promise<Processed> {
    return this.options.extractor.run(doc).catch((err: Error): Processed => ({ problem: { source: doc.source, reason: `extraction failed: ${err.message}` } }));
  }

  async done(processed: Processed): Promise<void> {
    if ('problem' in processed) return this.problem(processed.problem);
    this.counts.documents++;
    if (!this.batch.length) this.batchStarted = Date.now();
    this.batch.push({ doc: { ...processed.doc, sourcePath: describeSource(processed.doc.source) }, result: processed.result });
    if (this.batch.length >= (this.options.batchSize ?? 100) || Date.now() - this.batchStarted >= (this.options.batchMs ?? 500)) await this.flush();
    this.progress();
  }

  /** Writes the waiting batch in one transaction. */
  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const items = this.batch;
    this.batch = [];
    for (const r of await this.options.store.putDocuments(items, { reextract: this.options.reextract ?? false })) {
      this.counts[r.status]++;
      this.counts.attributions += r.attributions;
    }
  }

  private progress(): void {
    this.options.onProgress?.(this.counts, this.bytesBefore + this.bytesInFile);
  }
}
