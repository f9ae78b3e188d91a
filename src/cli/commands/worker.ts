import type { Command } from 'commander';
import { plural } from '../../ingest/progress.js';
import type { WorkerTotals } from '../../queue/worker.js';
import { describeDb } from '../../store/open.js';
import { openQueueAt } from '../queue-access.js';
import { DB_HELP, openForWriting, positiveInt } from '../store-access.js';

const HELP = `
Takes work items from the queue in the PostgreSQL database (put there by "onrecord ingest --db
postgres://… --enqueue PATH…"), extracts their documents and stores them in the same database.
Run it on any number of machines: each item is leased to one worker at a time; a worker that
dies mid-item loses nothing, as its item goes back to the queue when the lease runs out and is
done again, exactly once in effect (an item is stored in one transaction, and stored documents
are skipped). Items that keep failing are kept with their error: see "onrecord queue".

Inputs are read by the path they were enqueued with: every worker must see them there (a shared
or network file system).

Ctrl-C (SIGINT) or SIGTERM: finish the items in hand, then stop; a second one stops at once.

Examples:
  onrecord worker --db postgres://onrecord@db.internal/news --concurrency 4
  onrecord worker --db "$DATABASE_URL" --exit-when-done     # a batch run: stop when the queue is empty`;

interface WorkerFlags {
  db: string;
  concurrency: string;
  leaseSeconds: string;
  exitWhenDone?: boolean;
  verbose?: boolean;
}

/**
 * Registers `onrecord worker`: take items from the shared queue, extract, store.
 * @example registerWorker(new Command('onrecord'))
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take ingestion work from the PostgreSQL queue, extract and store it (run on any number of machines)')
    .requiredOption('--db <url>', `${DB_HELP} (PostgreSQL only here)`)
    .option('--concurrency <n>', 'items worked on at once, extracting in as many worker threads (1: in this thread)', '1')
    .option('--lease-seconds <n>', 'how long this worker may hold an item before it goes back to the queue', '60')
    .option('--exit-when-done', 'exit once no item is pending or active, instead of waiting for more')
    .option('--verbose', 'a line for every item taken and done')
    .addHelpText('after', HELP)
    .action(runWorkerCommand);
}

async function runWorkerCommand(flags: WorkerFlags): Promise<void> {
  const concurrency = positiveInt('--concurrency', flags.concurrency, 256);
  const leaseSeconds = positiveInt('--lease-seconds', flags.leaseSeconds, 86_399);
  const err = process.stderr;
  const log = (line: string): void => void err.write(`${line}\n`);
  const queue = await openQueueAt(flags.db, 'onrecord worker', { maintain: true, leaseSeconds, maxConnections: concurrency + 2 });
  const [{ createExtractor }, { runWorker }] = await Promise.all([import('../../ingest/extractor.js'), import('../../queue/worker.js')]);
  const stop = new AbortController();
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(130);
    log('onrecord: worker: stopping after the items in hand (again to stop now)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let totals: WorkerTotals | undefined;
  try {
    const store = await openForWriting(flags.db);
    const extractor = await createExtractor(concurrency);
    if (extractor.note) log(`onrecord: note: ${extractor.note}`);
    log(`onrecord: worker: taking items from ${describeDb(flags.db)} (${plural(concurrency, 'item')} at a time, ${leaseSeconds} s lease)`);
    try {
      totals = await runWorker({ queue, store, extractor, concurrency, exitWhenDone: flags.exitWhenDone ?? false, signal: stop.signal, log, verbose: flags.verbose ?? false });
    } finally {
      await extractor.close();
      await store.close();
    }
  } finally {
    await queue.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  log(workerSummary(totals));
  if (totals.failedItems > 0) process.exitCode = 1;
}

/**
 * The line a worker ends with.
 * @example workerSummary(totals) // 'worker: 18 items, 924 documents in 20.1 s (46.0 docs/s): 923 new, …'
 */
export function workerSummary(t: WorkerTotals): string {
  const rate = t.seconds > 0 ? t.documents / t.seconds : 0;
  return `worker: ${plural(t.items, 'item')} done, ${plural(t.failedItems, 'failed item')}; ${plural(t.documents, 'document')} in ${t.seconds.toFixed(1)} s `
    + `(${rate.toFixed(1)} docs/s): ${t.inserted.toLocaleString('en-US')} new, ${t.updated.toLocaleString('en-US')} updated, `
    + `${t.unchanged.toLocaleString('en-US')} unchanged, ${plural(t.duplicate, 'duplicate')}; ${plural(t.attributions, 'attribution')} stored; ${plural(t.problems, 'problem')}`;
}
