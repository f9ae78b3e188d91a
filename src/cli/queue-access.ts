import type { IngestQueue, QueueOptions } from '../queue/queue.js';
import { describeDb, isPostgresUrl } from '../store/open.js';
import { UsageError } from './errors.js';

/**
 * Opens the ingestion queue in the PostgreSQL database of `--db` (pg-boss loaded only then);
 * a SQLite path is a usage error, since only a shared database can hold a shared queue.
 * @example const queue = await openQueueAt('postgres://localhost/news', '--enqueue')
 */
export async function openQueueAt(db: string, what: string, options: QueueOptions = {}): Promise<IngestQueue> {
  if (!isPostgresUrl(db)) throw new UsageError(`${what} needs a PostgreSQL database: --db postgres://…, not ${db}`);
  const { openQueue } = await import('../queue/queue.js');
  try {
    return await openQueue(db.trim(), options);
  } catch (err) {
    throw new UsageError(`--db ${describeDb(db)}: ${(err as Error).message}`);
  }
}
