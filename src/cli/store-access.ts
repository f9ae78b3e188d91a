import { existsSync } from 'node:fs';
import { describeDb, isPostgresUrl, openStore } from '../store/open.js';
import { StoreQueryError, type Store } from '../store/store.js';
import { UsageError } from './errors.js';

/** Where the corpus lives unless `--db` says otherwise. */
export const DEFAULT_DB = './onrecord.db';

/** What `--db` takes, for every command's help. */
export const DB_HELP = 'the corpus: a SQLite file, or a postgres:// URL';

/**
 * Opens the corpus for an ingest, creating it if needed: a SQLite file, or the PostgreSQL
 * database of a `postgres://` URL (see `openStore`).
 * @example const store = await openForWriting('./onrecord.db')
 */
export function openForWriting(db: string): Promise<Store> {
  return handled(openStore(db).catch((err: Error) => {
    throw new UsageError(`--db ${describeDb(db)}: ${err.message}`);
  }));
}

/**
 * Opens an existing corpus for queries; a missing SQLite file is a usage error pointing at `ingest`.
 * @example const store = await openForReading('./onrecord.db')
 */
export function openForReading(db: string): Promise<Store> {
  if (!isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) return handled(Promise.reject(new UsageError(`no corpus at ${db}: run "onrecord ingest PATH… --db ${db}" first`)));
  return handled(openStore(db, { readonly: true }).catch((err: Error) => {
    throw new UsageError(`--db ${describeDb(db)}: ${err.message}`);
  }));
}

/**
 * Marks a promise as handled, so that a command that fails on another flag before awaiting its
 * store does not also crash on an unhandled rejection; awaiting it still throws.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Runs a query against the store, turning query errors (bad cursor, bad date) into one-line
 * usage errors, and always closing the store.
 * @example await withStore(openForReading(db), (store) => store.stats())
 */
export async function withStore<T>(opening: Store | Promise<Store>, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await opening;
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
