import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** A numbered schema change: `migrations/NNN-name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/**
 * The migrations shipped with onrecord, in order. They are plain SQL files next to this module
 * (the build copies them into `dist/`).
 * @example loadMigrations()[0] // {version: 1, name: 'initial', sql: 'CREATE TABLE documents …'}
 */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d+)-([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(new URL(m[0], dir), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Checks that a database opened read-only has the schema this onrecord expects (it cannot
 * migrate it), with a message saying what to do when it has not.
 * @example checkSchema(db) // throws on a database from an older or newer onrecord
 */
export function checkSchema(db: Database.Database, migrations: Migration[] = loadMigrations()): void {
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'").get() as { n: number };
  const version = row.n ? ((db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0) : 0;
  if (version < newest) throw new Error(`the database has schema version ${version}, older than this onrecord's (${newest}): run "onrecord ingest" on it once to upgrade it`);
  if (version > newest) throw new Error(`the database has schema version ${version}, newer than this onrecord knows (${newest}): upgrade onrecord`);
}

/**
 * Brings a database up to the newest schema, each migration in its own transaction, and
 * refuses a database written by a newer onrecord. Returns the versions it applied.
 * @example migrate(db) // [1] on a new database, [] afterwards
 */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = [...applied].filter((v) => v > newest);
  if (ahead.length) throw new Error(`the database has schema version ${Math.max(...ahead)}, newer than this onrecord knows (${newest}): upgrade onrecord`);
  const done: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
    done.push(m.version);
  }
  return done;
}
