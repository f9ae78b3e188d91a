import type { Extractor } from '../ingest/extractor.js';
import type { IngestCounts } from '../ingest/progress.js';
import { describeSource } from '../ingest/types.js';
import type { Store } from '../store/store.js';
import { processItem } from './process-item.js';
import type { IngestQueue } from './queue.js';
import { describeItem } from './work-items.js';

export interface WorkerOptions {
  queue: IngestQueue;
  store: Store;
  extractor: Extractor;
  /** Items worked on at once (default 1). */
  concurrency?: number;
  /** Return once no item is pending or active, instead of waiting for more. */
  exitWhenDone?: boolean;
  /** How long to wait before asking again when the queue is empty, in ms (default 1000). */
  pollMs?: number;
  /** Aborting stops taking items; items in hand are finished first. */
  signal?: AbortSignal;
  /** Where lines go: problems, failures, and (verbose) every item taken and done. */
  log?: (line: string) => void;
  verbose?: boolean;
}

/** What a worker did. */
export interface WorkerTotals extends IngestCounts {
  items: number;
  failedItems: number;
  seconds: number;
}

/**
 * Takes items from the queue and processes them (see `processItem`), `concurrency` at a time,
 * until aborted or, with `exitWhenDone`, until the queue is drained. An item that throws is
 * failed with its error (pg-boss retries it, then keeps it as a dead letter); a lost database
 * connection makes the worker wait and try again rather than exit.
 * @example await runWorker({queue, store, extractor, concurrency: 2, exitWhenDone: true}) // {items: 18, documents: 924, …}
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerTotals> {
  const log = options.log ?? (() => undefined);
  const pollMs = options.pollMs ?? 1000;
  const started = performance.now();
  const totals: WorkerTotals = { items: 0, failedItems: 0, seconds: 0, documents: 0, inserted: 0, updated: 0, unchanged: 0, duplicate: 0, attributions: 0, problems: 0 };
  const stopped = (): boolean => options.signal?.aborted ?? false;

  const lane = async (): Promise<void> => {
    while (!stopped()) {
      let taken;
      try {
        taken = await options.queue.take();
        if (!taken) {
          if (options.exitWhenDone && (await options.queue.drained())) return;
          await pause(pollMs, options.signal);
          continue;
        }
      } catch (err) {
        log(`onrecord: worker: the queue is unreachable (${(err as Error).message}); trying again`);
        await pause(Math.max(pollMs, 2000), options.signal);
        continue;
      }
      const what = describeItem(taken.item);
      if (options.verbose) log(`onrecord: taking ${taken.id} ${what}${taken.retries ? ` (attempt ${taken.retries + 1})` : ''}`);
      const t0 = performance.now();
      try {
        const result = await processItem(taken.item, {
          store: options.store, extractor: options.extractor, onProblem: (p) => log(`onrecord: ${describeSource(p.source)}: ${p.reason}`),
        });
        await options.queue.complete(taken.id, result);
        totals.items++;
        for (const key of ['documents', 'inserted', 'updated', 'unchanged', 'duplicate', 'attributions', 'problems'] as const) totals[key] += result[key];
        if (options.verbose) log(`onrecord: done ${taken.id} ${what}: ${result.documents} documents (${result.inserted} new), ${result.attributions} attributions, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        totals.failedItems++;
        log(`onrecord: failed ${taken.id} ${what}: ${(err as Error).message}`);
        await options.queue.fail(taken.id, err as Error).catch(() => undefined); // unreachable: the lease runs out instead
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, lane));
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
