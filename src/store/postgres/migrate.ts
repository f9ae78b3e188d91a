import type pg from 'pg';
import { loadMigrations, type Migration } from '../sqlite/migrate.js';
import { lockKey, quoteIdent } from './connection.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/**
 * The PostgreSQL migrations shipped with onrecord (`migrations/NNN-name.sql` next to this
 * module; the build copies them into `dist/`), in order.
 * @example loadPgMigrations()[0].name // 'initial'
 */
export function loadPgMigrations(): Migration[] {
  return loadMigrations(MIGRATIONS_DIR);
}

/**
 * Brings the store's schema up to the newest version, creating it if needed: every pending
 * migration in one transaction, under an advisory lock on the schema's name, so workers that
 * start together wait for the first one and then find nothing to do. Refuses a schema written
 * by a newer onrecord. Returns the versions it applied.
 * @example await migratePostgres(pool, 'onrecord') // [1] on a new database, [] afterwards
 */
export async function migratePostgres(pool: pg.Pool, schema: string, migrations: Migration[] = loadPgMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`onrecord-migrate:${schema}`)]);
    const s = quoteIdent(schema);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`SET LOCAL search_path TO ${s}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    tooNew([...applied], migrations);
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      done.push(m.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Checks, without changing anything, that the schema has the version this onrecord expects
 * (a read-only opening cannot migrate), with a message saying what to do when it has not.
 * @example await checkPgSchema(pool, 'onrecord') // throws on a database from an older or newer onrecord
 */
export async function checkPgSchema(pool: pg.Pool, schema: string, migrations: Migration[] = loadPgMigrations()): Promise<void> {
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const table = `${quoteIdent(schema)}.schema_migrations`;
  const exists = (await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [table])).rows[0].t;
  const version = exists ? ((await pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${table}`)).rows[0].v ?? 0) : 0;
  if (version < newest) throw new Error(`the database has schema version ${version}, older than this onrecord's (${newest}): run "onrecord ingest" or "onrecord worker" on it once to upgrade it`);
  tooNew([version], migrations);
}

function tooNew(versions: number[], migrations: Migration[]): void {
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = versions.filter((v) => v > newest);
  if (ahead.length) throw new Error(`the database has schema version ${Math.max(...ahead)}, newer than this onrecord knows (${newest}): upgrade onrecord`);
}
