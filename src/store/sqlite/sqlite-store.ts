import Database from 'better-sqlite3';
import type { ExtractResult } from '../../core/types.js';
import type {
  AttributionHit, DocumentInput, Page, PutOptions, PutResult, PutStatus, SearchQuery, SpeakerDetail, SpeakerSummary, Store, StoreStats, StoredDocument,
} from '../store.js';
import { checkSchema, migrate } from './migrate.js';
import { HIT_COLUMNS, HIT_FROM, toDocument, toHit, type DiagnosticRow, type HitRow } from './rows.js';
import { AttributionSearch } from './search.js';
import { SpeakerQueries } from './speakers.js';
import { DocumentWriter } from './write.js';

export interface SqliteStoreOptions {
  /** Open an existing database for reading only (no migrations, no writes). */
  readonly?: boolean;
}

/**
 * Opens (creating and migrating if needed) the SQLite store at `path` (`:memory:` works).
 * WAL journal, so searches run while an ingest writes and a killed ingest loses nothing it
 * committed.
 * @example const store = openSqliteStore('onrecord.db'); await store.stats()
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -24576'); // 24 MB: part of an ingest's flat memory budget
  db.pragma('temp_store = MEMORY');
  try {
    if (options.readonly) checkSchema(db);
    else migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteStore(db);
}

/**
 * The embedded {@link Store}: one SQLite file, FTS5 over attribution contents.
 * @example const store = openSqliteStore('onrecord.db'); await store.searchAttributions({q: 'harbour'})
 */
export class SqliteStore implements Store {
  private readonly writer: DocumentWriter | null;
  private readonly search: AttributionSearch;
  private readonly speakers: SpeakerQueries;

  constructor(readonly db: Database.Database) {
    this.writer = db.readonly ? null : new DocumentWriter(db);
    this.search = new AttributionSearch(db);
    this.speakers = new SpeakerQueries(db, this.search);
  }

  async putDocument(doc: DocumentInput, result: ExtractResult, options: PutOptions = {}): Promise<PutResult> {
    return (await this.putDocuments([{ doc, result }], options))[0];
  }

  async peekDocument(doc: DocumentInput): Promise<PutStatus> {
    if (!this.writer) throw new Error('the store was opened read-only');
    return this.writer.peek(doc);
  }

  async putDocuments(items: ReadonlyArray<{ doc: DocumentInput; result: ExtractResult }>, options: PutOptions = {}): Promise<PutResult[]> {
    const writer = this.writer;
    if (!writer) throw new Error('the store was opened read-only');
    return this.db.transaction(() => items.map(({ doc, result }) => writer.put(doc, result, options.reextract ?? false))).immediate();
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    // A duplicate's id leads to the copy that is stored.
    const doc = this.db.prepare(`SELECT * FROM documents WHERE id = coalesce((SELECT id FROM documents WHERE id = @id),
      (SELECT document_id FROM document_keys WHERE key = 'id:' || @id))`).get({ id }) as Record<string, string | null> | undefined;
    if (!doc) return null;
    const rows = this.db.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.document_id = ?`).all(doc.id) as HitRow[];
    const diagnostics = this.db.prepare('SELECT code, severity, reason, start, end, note FROM diagnostics WHERE document_id = ? ORDER BY id').all(doc.id) as DiagnosticRow[];
    return toDocument(doc, rows, diagnostics);
  }

  async searchAttributions(query: SearchQuery): Promise<Page<AttributionHit>> {
    return this.search.run(query);
  }

  async listSpeakers(query: { q?: string; limit?: number; cursor?: string } = {}): Promise<Page<SpeakerSummary>> {
    return this.speakers.list(query);
  }

  async getSpeaker(id: string): Promise<SpeakerDetail | null> {
    return this.speakers.get(id);
  }

  async *exportAttributions(): AsyncIterable<AttributionHit> {
    const page = this.db.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.id > ? ORDER BY a.id LIMIT 1000`);
    for (let after = 0; ;) {
      const rows = page.all(after) as HitRow[];
      if (!rows.length) return;
      for (const row of rows) yield toHit(row);
      after = rows[rows.length - 1].id;
    }
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    const dates = this.db.prepare("SELECT min(published) AS first, max(published) AS last FROM documents WHERE published <> ''").get() as { first: string | null; last: string | null };
    const pages = (this.db.pragma('page_count', { simple: true }) as number) * (this.db.pragma('page_size', { simple: true }) as number);
    return {
      documents: count('SELECT count(*) AS n FROM documents'),
      attributions: count('SELECT count(*) AS n FROM attributions'),
      speakers: count('SELECT count(*) AS n FROM entities WHERE attributions > 0'),
      mentions: count('SELECT count(*) AS n FROM mentions'),
      diagnostics: count('SELECT count(*) AS n FROM diagnostics'),
      outlets: count('SELECT count(DISTINCT outlet) AS n FROM documents'),
      firstDate: dates.first,
      lastDate: dates.last,
      bytes: this.db.memory ? null : pages,
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
