import { Option, type Command } from 'commander';
import { describeItem } from '../../queue/work-items.js';
import { put } from '../format/put.js';
import { exitOnBrokenPipe } from '../output.js';
import { openQueueAt } from '../queue-access.js';
import { DB_HELP } from '../store-access.js';

const HELP = `
Shows the ingestion queue in the PostgreSQL database: items pending (waiting, or waiting to be
retried), active (held by a worker under its lease), done (in the last 30 days, with the
documents they read) and failed. An item is failed, a dead letter, once it has failed 4 times
(its worker threw, or died and let the lease run out each time); the latest dead letters are
listed with their error. --retry-failed puts them all back in the queue.

Examples:
  onrecord queue --db postgres://onrecord@db.internal/news
  onrecord queue --db "$DATABASE_URL" --retry-failed
  onrecord queue --db "$DATABASE_URL" --format json`;

interface QueueFlags {
  db: string;
  retryFailed?: boolean;
  format: 'text' | 'json';
}

/**
 * Registers `onrecord queue`: counts of the ingestion queue, its dead letters, and requeueing them.
 * @example registerQueue(new Command('onrecord'))
 */
export function registerQueue(program: Command): void {
  program
    .command('queue')
    .description('show the ingestion queue (pending, active, done, failed) and requeue failed items')
    .requiredOption('--db <url>', `${DB_HELP} (PostgreSQL only here)`)
    .option('--retry-failed', 'put every failed item back in the queue')
    .addOption(new Option('--format <format>', 'text, or JSON ({counts, failed})').choices(['text', 'json']).default('text'))
    .addHelpText('after', HELP)
    .action(runQueue);
}

async function runQueue(flags: QueueFlags): Promise<void> {
  const out = process.stdout;
  exitOnBrokenPipe(out);
  const queue = await openQueueAt(flags.db, 'onrecord queue');
  try {
    const requeued = flags.retryFailed ? await queue.retryFailed() : 0;
    const [counts, failed] = await Promise.all([queue.counts(), queue.failures(20)]);
    if (flags.format === 'json') return await put(out, `${JSON.stringify({ counts, failed, ...(flags.retryFailed ? { requeued } : {}) }, null, 2)}\n`);
    const n = (x: number): string => x.toLocaleString('en-US');
    if (flags.retryFailed) await put(out, `requeued ${n(requeued)} failed item${requeued === 1 ? '' : 's'}\n`);
    await put(out, `pending ${n(counts.pending)}, active ${n(counts.active)}, done ${n(counts.done)} (${n(counts.documents)} documents; ${n(counts.retried)} needed a retry), failed ${n(counts.failed)}\n`);
    for (const f of failed) await put(out, `failed ${f.id} ${describeItem(f.item)} after ${f.attempts} attempts, ${f.failedAt}: ${f.error}\n`);
    if (counts.failed > failed.length) await put(out, `… and ${n(counts.failed - failed.length)} more failed items\n`);
  } finally {
    await queue.close();
  }
}
