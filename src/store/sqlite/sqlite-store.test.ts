import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../../test/store-contract.js';
import { HARBOUR } from '../../../test/store-contract.js';
import { resultFor } from '../../../test/helpers/results.js';
import { loadMigrations, migrate } from './migrate.js';
import { openSqliteStore } from './sqlite-store.js';

storeContract('sqlite', () => openSqliteStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'onrecord-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite store', () => {
  it('openSqliteStore: a file database in WAL mode, migrated once', async () => {
    const path = join(dir, 'a.db');
    const store = openSqliteStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const db = new Database(path);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('migrate: refuses a database from a newer onrecord', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    expect(() => migrate(db)).toThrow(/newer than this onrecord knows/);
  });

  it('openSqliteStore: read-only opening refuses a database it would have to migrate', () => {
    const path = join(dir, 'old.db');
    new Database(path).close();
    expect(() => openSqliteStore(path, { readonly: true })).toThrow(/schema version 0, older than this onrecord's/);
  });

  it('openSqliteStore: read-only opening needs an existing database and refuses writes', async () => {
    expect(() => openSqliteStore(join(dir, 'missing.db'), { readonly: true })).toThrow();
    const path = join(dir, 'b.db');
    await (await openSqliteStore(path)).close();
    const store = openSqliteStore(path, { readonly: true });
    await expect(store.putDocument({ text: 'x' }, resultFor('x', []))).rejects.toThrow(/read-only/);
    await store.close();
  });

  it('sqlite store: the full-text index stays consistent through replacements', async () => {
    const store = openSqliteStore(':memory:');
    const r = resultFor(HARBOUR, [{ content: '“We will not rush the harbour vote,”', source: 'Maria Okafor', cue: 'said' }]);
    await store.putDocument({ id: 'x', text: HARBOUR }, r);
    await store.putDocument({ id: 'x', text: `${HARBOUR} Again.` }, r);
    store.db.exec("INSERT INTO attributions_fts (attributions_fts) VALUES ('integrity-check')");
    store.db.exec("INSERT INTO entity_names_fts (entity_names_fts) VALUES ('integrity-check')");
    expect(store.db.prepare('SELECT count(*) AS n FROM attributions').get()).toEqual({ n: 1 });
    await store.close();
  });
});
