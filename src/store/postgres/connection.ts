import { createHash } from 'node:crypto';
import pg from 'pg';

/** The schema the store's tables live in unless told otherwise. */
export const DEFAULT_SCHEMA = 'onrecord';

/** A pool or a client checked out of it: what queries run on. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * A schema name as a quoted identifier; only lower-case letters, digits and `_` are accepted
 * (so the name is the same quoted or not).
 * @example quoteIdent('onrecord') // '"onrecord"'
 */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid schema name: lower-case letters, digits and _ only`);
  return `"${name}"`;
}

/** 64-bit integers come back as numbers: every bigint the store keeps (ids, counts) stays below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  schema?: string;
  /** Connections at most (default 10). */
  max?: number;
  /** Every transaction read-only (the server refuses writes). */
  readonly?: boolean;
  applicationName?: string;
}

/**
 * A connection pool whose sessions see the store's schema first (`search_path`) and return
 * bigints as numbers. The rest of the URL is passed to pg as it is (`sslmode`, … work).
 * @example const pool = createPool('postgres://localhost/news'); await pool.query('SELECT 1')
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: withSessionOptions(url, options), max: options.max ?? 10, types: TYPES, application_name: options.applicationName ?? 'onrecord',
    connectionTimeoutMillis: 30_000, idleTimeoutMillis: 30_000,
  }).on('error', () => undefined); // an idle client losing its server must not crash the process; the next query reconnects
}

/**
 * The URL with the session settings every connection starts with (the libpq `options`
 * parameter, after any the URL has): the store's schema first on the search path, and
 * read-only transactions when asked.
 */
function withSessionOptions(url: string, options: PoolOptions): string {
  const u = new URL(url);
  const settings = [u.searchParams.get('options'), `-c search_path=${quoteIdent(options.schema ?? DEFAULT_SCHEMA).slice(1, -1)}`];
  if (options.readonly) settings.push('-c default_transaction_read_only=on');
  u.searchParams.set('options', settings.filter(Boolean).join(' '));
  return u.href;
}

/**
 * A query by a stable name, so each connection parses and plans it once.
 * @example const {rows} = await run(pool, 'SELECT id FROM documents WHERE id = $1', ['gz-1'])
 */
export async function run<R extends pg.QueryResultRow = Record<string, any>>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  const name = `onrecord_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  return (await db.query<R>({ name, text, values })).rows;
}

/**
 * A query planned for its values every time, never from a cached generic plan: for look-ups whose
 * best plan depends on table sizes that change while a worker runs (a generic plan made while
 * `entities` was small goes on scanning it whole as it grows, until the next ANALYZE).
 * @example const rows = await runPlanned(client, 'SELECT id FROM entities WHERE block = ANY($1::text[])', [blocks])
 */
export async function runPlanned<R extends pg.QueryResultRow = Record<string, any>>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}

/**
 * The 64-bit advisory-lock key of a string, as PostgreSQL's bigint text.
 * @example lockKey('doc:id:gz-1') // '-4174537284862371622'
 */
export function lockKey(name: string): string {
  return createHash('sha1').update(name).digest().readBigInt64BE(0).toString();
}
