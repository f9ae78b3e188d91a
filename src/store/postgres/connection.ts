import { createHash } from 'node:crypto';
import pg from 'pg';

/** The schema the store's tables live in unless told otherwise. */
export const DEFAULT_SCHEMA = 'onrecord';

/** A pool or a client checked out of it: what queries run on. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * A schema name as a quoted identifier; only letters, digits and `_` are accepted.
 * @example quoteIdent('onrecord') // '"onrecord"'
 */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid schema name: letters, digits and _ only`);
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
 * bigints as numbers. The URL is passed to pg as it is (`sslmode`, `application_name`, … work).
 * @example const pool = createPool('postgres://localhost/news'); await pool.query('SELECT 1')
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const schema = quoteIdent(options.schema ?? DEFAULT_SCHEMA);
  const pool = new pg.Pool({
    connectionString: url, max: options.max ?? 10, types: TYPES, application_name: options.applicationName ?? 'onrecord',
    connectionTimeoutMillis: 30_000, idleTimeoutMillis: 30_000,
  });
  // Queued before anything else a new client runs, so no query sees another schema.
  pool.on('connect', (client) => {
    client.query(`SET search_path TO ${schema}${options.readonly ? '; SET default_transaction_read_only = on' : ''}`).catch(() => undefined);
  });
  // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
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
 * The 64-bit advisory-lock key of a string, as PostgreSQL's bigint text.
 * @example lockKey('doc:id:gz-1') // '-4174537284862371622'
 */
export function lockKey(name: string): string {
  return createHash('sha1').update(name).digest().readBigInt64BE(0).toString();
}
