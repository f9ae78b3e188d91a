import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests may use: `ONRECORD_TEST_PG=postgres://…` (`.ci/with-postgres`
 * starts a throwaway one and sets it). Undefined when there is none: the Postgres tests skip.
 */
export const TEST_PG = process.env.ONRECORD_TEST_PG?.trim() || undefined;

/** What a skipped Postgres test says. */
export const NO_PG = 'no PostgreSQL for tests: set ONRECORD_TEST_PG=postgres://… or run under .ci/with-postgres (as .ci/run does)';

/**
 * A fresh, uniquely named schema or database name.
 * @example freshName('contract') // 'contract_3f9a1c0b2e'
 */
export function freshName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * Creates an empty database on the test server and returns its URL and a function that drops it.
 * @example const {url, drop} = await scratchDatabase(TEST_PG, 'kill'); …; await drop()
 */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = freshName(prefix);
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Runs one statement on its own connection.
 * @example await admin(TEST_PG, 'DROP SCHEMA IF EXISTS x CASCADE')
 */
export async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
