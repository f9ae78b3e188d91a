import type { Store } from './store.js';

/**
 * True for a PostgreSQL connection URL (`postgres://…` or `postgresql://…`).
 * @example isPostgresUrl('postgres://db.internal/news') // true
 */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db.trim());
}

export interface OpenStoreOptions {
  /** Open for queries only: SQLite opens the file read-only, PostgreSQL makes every transaction read-only; neither migrates. */
  readonly?: boolean;
}

/**
 * Opens the corpus named by `db`: a `postgres://` or `postgresql://` URL opens the PostgreSQL
 * store (pg loaded only then), anything else is the path of a SQLite file (`:memory:` works).
 * Either is created and migrated when opened for writing.
 * @example const store = await openStore('./onrecord.db')
 * @example const store = await openStore('postgres://onrecord@db.internal/news', {readonly: true})
 */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(db)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(db.trim(), { readonly: options.readonly ?? false });
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(db, { readonly: options.readonly ?? false });
}

/**
 * A database name fit for messages: a URL's password replaced by `***`.
 * @example describeDb('postgres://me:secret@db/news') // 'postgres://me:***@db/news'
 */
export function describeDb(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const url = new URL(db.trim());
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return 'postgres://…';
  }
}
