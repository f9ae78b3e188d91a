import { existsSync } from 'node:fs';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { StoreQueryError, type Store } from '../store/store.js';
import { UsageError } from './errors.js';

/** Where the corpus lives unless `--db` says otherwise. */
export const DEFAULT_DB = './onrecord.db';

/**
 * Opens the corpus for an ingest, creating it if needed.
 * @example const store = openForWriting('./onrecord.db')
 */
export function openForWriting(path: string): Store {
  try {
    return openSqliteStore(path);
  } catch (err) {
    throw new UsageError(`--db ${path}: ${(err as Error).message}`);
  }
}

/**
 * Opens an existing corpus for queries; a missing one is a usage error pointing at `ingest`.
 * @example const store = openForReading('./onrecord.db')
 */
export function openForReading(path: string): Store {
  if (path !== ':memory:' && !existsSync(path)) throw new UsageError(`no corpus at ${path}: run "onrecord ingest PATH… --db ${path}" first`);
  try {
    return openSqliteStore(path, { readonly: true });
  } catch (err) {
    throw new UsageError(`--db ${path}: ${(err as Error).message}`);
  }
}

/**
 * Runs a query against the store, turning query errors (bad cursor, bad date) into one-line
 * usage errors, and always closing the store.
 * @example await withStore(openForReading(db), (store) => store.stats())
 */
export async function withStore<T>(store: Store, work: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await work(store);
  } catch (err) {
    if (err instanceof StoreQueryError) throw new UsageError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}

/**
 * Parses a whole-number option (`--limit 20`, `--jobs 2`) within bounds.
 * @example positiveInt('--jobs', '2', 64) // 2
 */
export function positiveInt(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > max) throw new UsageError(`${name}: expected a whole number from 1 to ${max}, got "${value}"`);
  return n;
}
