import type pg from 'pg';

/** Errors a concurrent writer can cause, after which the whole transaction is worth running again. */
const RETRYABLE = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: another writer inserted the same key first
  '23503', // foreign_key_violation: another writer deleted an orphaned speaker this one was joining
]);

/**
 * Runs `work` in a transaction on one pooled connection, committing at the end and rolling back
 * on error. A transaction that lost a race with another writer (deadlock, a key inserted
 * meanwhile) runs again from the start, up to `attempts` times, after a short random pause.
 * @example await inTransaction(pool, async (client) => client.query('INSERT …'))
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => void (broken = true));
      const code = (err as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw err;
    } finally {
      client.release(broken);
    }
    await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40 * attempt));
  }
}
