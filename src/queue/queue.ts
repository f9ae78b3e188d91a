import PgBoss from 'pg-boss';
import { itemId, QUEUE_NAME, type WorkItem } from './work-items.js';

/** The schema pg-boss keeps its tables in, beside the store's `onrecord`. */
export const QUEUE_SCHEMA = 'onrecord_queue';

/** Attempts after the first before an item is a dead letter (state `failed`). */
const RETRY_LIMIT = 3;

export interface QueueOptions {
  /** Expire the leases of items whose workers died, and archive old jobs (workers do; default false). */
  maintain?: boolean;
  /** How long a worker holds an item before it goes back to the queue (default 60). */
  leaseSeconds?: number;
  /** Pooled connections at most (default 4). */
  maxConnections?: number;
  /** pg-boss's schema (default `onrecord_queue`). */
  schema?: string;
}

/** A taken item: the pg-boss job id and the work. */
export interface TakenItem {
  id: string;
  item: WorkItem;
  /** Earlier attempts at this item (a retried item, or one whose worker died). */
  retries: number;
}

/** How many items are in each state. `done` counts the items finished in the last 30 days. */
export interface QueueCounts {
  pending: number;
  active: number;
  done: number;
  failed: number;
  /** Done items that took more than one attempt. */
  retried: number;
  /** Documents that done items read (new, updated, unchanged and duplicates alike). */
  documents: number;
}

/** A dead letter: an item that failed every attempt, with the last error. */
export interface FailedItem {
  id: string;
  item: WorkItem;
  error: string;
  attempts: number;
  failedAt: string;
}

/**
 * Opens the ingestion queue in the database at `url`: a pg-boss 10 queue (created with its
 * schema on first use) whose jobs are {@link WorkItem}s. Items are leased: one that a worker
 * does not complete within its lease (the worker died) goes back to the queue when a
 * maintaining process notices, and after {@link RETRY_LIMIT} retries stays `failed`, with its
 * error, until `retryFailed`.
 * @example const queue = await openQueue('postgres://localhost/news'); await queue.counts()
 */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<IngestQueue> {
  const lease = options.leaseSeconds ?? 60;
  const schema = options.schema ?? QUEUE_SCHEMA;
  const boss = new PgBoss({
    connectionString: url, schema, max: options.maxConnections ?? 4, application_name: 'onrecord-queue',
    schedule: false, supervise: options.maintain ?? false,
    // Lease expiry is part of maintenance: run it often enough that a dead worker's item waits
    // about half a lease more, at most. Dead letters stay in the job table until retried.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.round(lease / 2))),
    archiveCompletedAfterSeconds: 3600, archiveFailedAfterSeconds: 10 * 365 * 86_400, deleteAfterDays: 30,
  });
  boss.on('error', () => undefined); // maintenance errors (a lost connection) are retried on the next round
  await boss.start();
  await boss.createQueue(QUEUE_NAME, {
    name: QUEUE_NAME, retryLimit: RETRY_LIMIT, retryDelay: 2, retryBackoff: true, expireInSeconds: 60,
    retentionMinutes: 365 * 24 * 60, // a queued item waits up to a year, not pg-boss's default 14 days
  });
  return new IngestQueue(boss, schema, lease);
}

/**
 * The ingestion queue: enqueue work items, take one under a lease, complete or fail it, count,
 * list and requeue dead letters. See {@link openQueue}.
 * @example const taken = await queue.take(); if (taken) await queue.complete(taken.id, {documents: 50})
 */
export class IngestQueue {
  private readonly sql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

  constructor(private readonly boss: PgBoss, private readonly schema: string, readonly leaseSeconds: number) {
    const db = boss.getDb();
    this.sql = (text, values = []) => db.executeSql(text, values);
  }

  /**
   * Adds items; an item already queued (same file, size, time and range) is not added twice.
   * Returns how many were new.
   * @example await queue.enqueue(items) // 18
   */
  async enqueue(items: WorkItem[]): Promise<number> {
    if (!items.length) return 0;
    const jobs = items.map((item) => ({ id: itemId(item), name: QUEUE_NAME, data: item }));
    const known = await this.sql(`SELECT id FROM ${this.schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`, [QUEUE_NAME, jobs.map((j) => j.id)]);
    const skip = new Set(known.rows.map((r: { id: string }) => r.id));
    const fresh = jobs.filter((j) => !skip.has(j.id));
    if (fresh.length) await this.boss.insert(fresh);
    return fresh.length;
  }

  /**
   * Takes the next item and leases it for `leaseSeconds`; null when none is waiting.
   * @example const taken = await queue.take() // {id: '…', item: {kind: 'lines', …}, retries: 0}
   */
  async take(): Promise<TakenItem | null> {
    const [job] = await this.boss.fetch<WorkItem>(QUEUE_NAME, { batchSize: 1, includeMetadata: true });
    if (!job) return null;
    // pg-boss fixes a job's expiry when it is sent; this worker's lease replaces it as it takes the job.
    await this.sql(`UPDATE ${this.schema}.job SET expire_in = make_interval(secs => $3) WHERE name = $1 AND id = $2 AND state = 'active'`,
      [QUEUE_NAME, job.id, this.leaseSeconds]);
    return { id: job.id, item: job.data, retries: job.retryCount };
  }

  /** Marks a taken item done, keeping `output` (its counts) with it. */
  async complete(id: string, output: object): Promise<void> {
    await this.boss.complete(QUEUE_NAME, id, output);
  }

  /** Marks a taken item failed: it is retried, or after the last retry kept as a dead letter with `error`. */
  async fail(id: string, error: Error): Promise<void> {
    await this.boss.fail(QUEUE_NAME, id, { message: error.message });
  }

  /**
   * How many items are pending, active, done and failed.
   * @example await queue.counts() // {pending: 12, active: 2, done: 40, failed: 0, retried: 1, documents: 2000}
   */
  async counts(): Promise<QueueCounts> {
    const { rows } = await this.sql(`SELECT state, count(*)::int AS n, count(*) FILTER (WHERE retry_count > 0)::int AS retried,
        coalesce(sum((output->>'documents')::int) FILTER (WHERE state = 'completed'), 0)::int AS documents
      FROM (SELECT state, retry_count, output FROM ${this.schema}.job WHERE name = $1
        UNION ALL SELECT state, retry_count, output FROM ${this.schema}.archive WHERE name = $1) j GROUP BY state`, [QUEUE_NAME]);
    const by = new Map<string, { n: number; retried: number; documents: number }>(rows.map((r: { state: string }) => [r.state, r as never]));
    const n = (state: string): number => by.get(state)?.n ?? 0;
    return {
      pending: n('created') + n('retry'), active: n('active'), done: n('completed'), failed: n('failed'),
      retried: by.get('completed')?.retried ?? 0, documents: by.get('completed')?.documents ?? 0,
    };
  }

  /**
   * True when no item is pending or active: there is nothing left to do, nor anything that may
   * come back from a dead worker.
   */
  async drained(): Promise<boolean> {
    const { rows } = await this.sql(`SELECT 1 FROM ${this.schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') LIMIT 1`, [QUEUE_NAME]);
    return rows.length === 0;
  }

  /**
   * The dead letters, latest first.
   * @example (await queue.failures(10))[0].error // 'a.jsonl: no such file on this worker …'
   */
  async failures(limit = 20): Promise<FailedItem[]> {
    const { rows } = await this.sql(`SELECT id, data, output, retry_count, completed_on FROM ${this.schema}.job
      WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC, id LIMIT $2`, [QUEUE_NAME, limit]);
    return rows.map((r: { id: string; data: WorkItem; output: unknown; retry_count: number; completed_on: Date }) => ({
      id: r.id, item: r.data, error: errorText(r.output), attempts: r.retry_count + 1, failedAt: new Date(r.completed_on).toISOString(),
    }));
  }

  /**
   * Puts every dead letter back in the queue (one more attempt each). Returns how many.
   * @example await queue.retryFailed() // 3
   */
  async retryFailed(): Promise<number> {
    const { rows } = await this.sql(`SELECT id FROM ${this.schema}.job WHERE name = $1 AND state = 'failed'`, [QUEUE_NAME]);
    const ids = rows.map((r: { id: string }) => r.id);
    for (let i = 0; i < ids.length; i += 1000) await this.boss.retry(QUEUE_NAME, ids.slice(i, i + 1000));
    return ids.length;
  }

  /** Stops pg-boss (maintenance included) and closes its connections. */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}

/** The message of a failed job's output: ours (`{message}`), or pg-boss's (`{value: {message}}` on a lease that ran out). */
function errorText(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = o?.message ?? o?.value?.message;
  if (typeof message === 'string') return message === 'job failed by timeout in active state' ? 'the lease ran out (the worker died or took too long)' : message;
  return output === null || output === undefined ? 'unknown error' : JSON.stringify(output);
}
