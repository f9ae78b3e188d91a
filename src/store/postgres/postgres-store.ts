import type pg from 'pg';
import type { ExtractResult } from '../../core/types.js';
import { HIT_COLUMNS, HIT_FROM, toDocument, toHit, type DiagnosticRow, type HitRow } from '../sqlite/rows.js';
import type {
  AttributionHit, DocumentInput, Page, PutOptions, PutResult, PutStatus, SearchQuery, SpeakerDetail, SpeakerSummary, Store, StoreStats, StoredDocument,
} from '../store.js';
import { createPool, DEFAULT_SCHEMA, run } from './connection.js';
import { batchLockKeys, takeLocks } from './locks.js';
import { checkPgSchema, migratePostgres } from './migrate.js';
import { PgAttributionSearch } from './search.js';
import { PgSpeakerQueries } from './speakers.js';
import { inTransaction } from './transaction.js';
import { PgDocumentWriter } from './write.js';

export interface PostgresStoreOptions {
  /** Open for queries only: no migrations, and every transaction read-only. */
  readonly?: boolean;
  /** The schema holding the tables (default `onrecord`). */
  schema?: string;
  /** Pooled connections at most (default 10). */
  maxConnections?: number;
}

/**
 * Opens the PostgreSQL store at `url`, creating and migrating its schema if needed (or, read-only,
 * checking its version). Several processes may open one database at once: migrations wait on an
 * advisory lock, and writers lock what they write (see {@link PostgresStore.putDocuments}).
 * @example const store = await openPostgresStore('postgres://localhost/news'); await store.stats()
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const pool = createPool(url, { schema, max: options.maxConnections, readonly: options.readonly });
  try {
    if (options.readonly) await checkPgSchema(pool, schema);
    else await migratePostgres(pool, schema);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresStore(pool, schema, options.readonly ?? false);
}

/**
 * The {@link Store} on PostgreSQL: the SQLite store's schema and behaviour, with tsvector and GIN
 * for full-text search, for a corpus that several workers write and several API servers read.
 * @example const store = await openPostgresStore(url); await store.searchAttributions({q: 'harbour'})
 */
export class PostgresStore implements Store {
  private readonly search: PgAttributionSearch;
  private readonly speakers: PgSpeakerQueries;

  constructor(readonly pool: pg.Pool, readonly schema: string, private readonly readonly: boolean) {
    this.search = new PgAttributionSearch(pool);
    this.speakers = new PgSpeakerQueries(pool, this.search);
  }

  async putDocument(doc: DocumentInput, result: ExtractResult, options: PutOptions = {}): Promise<PutResult> {
    return (await this.putDocuments([{ doc, result }], options))[0];
  }

  async peekDocument(doc: DocumentInput): Promise<PutStatus> {
    this.writable();
    return new PgDocumentWriter(this.pool).peek(doc);
  }

  /**
   * Stores a batch in one transaction. It first takes advisory locks on everything the batch
   * writes under (document keys, text hashes, speaker-name buckets), in sorted order, so writers
   * in other processes never store one document twice or split one speaker in two, and never
   * deadlock each other on those locks; a transaction that still loses a race runs again.
   */
  async putDocuments(items: ReadonlyArray<{ doc: DocumentInput; result: ExtractResult }>, options: PutOptions = {}): Promise<PutResult[]> {
    this.writable();
    if (!items.length) return [];
    const keys = batchLockKeys(items);
    return inTransaction(this.pool, async (client) => {
      await takeLocks(client, keys);
      const writer = new PgDocumentWriter(client);
      const results: PutResult[] = [];
      for (const { doc, result } of items) results.push(await writer.put(doc, result, options.reextract ?? false));
      return results;
    });
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    // A duplicate's id leads to the copy that is stored.
    const doc = (await run<Record<string, string | null>>(this.pool, `SELECT * FROM documents WHERE id = coalesce((SELECT id FROM documents WHERE id = $1),
      (SELECT document_id FROM document_keys WHERE key = 'id:' || $1))`, [id]))[0];
    if (!doc) return null;
    const [rows, diagnostics] = await Promise.all([
      run<HitRow>(this.pool, `SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.document_id = $1`, [doc.id]),
      run<DiagnosticRow>(this.pool, 'SELECT code, severity, reason, span_start AS start, span_end AS "end", note FROM diagnostics WHERE document_id = $1 ORDER BY id', [doc.id]),
    ]);
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
    for (let after = -1; ;) {
      const rows = await run<HitRow>(this.pool, `SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.id > $1 ORDER BY a.id LIMIT 1000`, [after]);
      if (!rows.length) return;
      for (const row of rows) yield toHit(row);
      after = rows[rows.length - 1].id;
    }
  }

  async stats(): Promise<StoreStats> {
    const row = (await run<Omit<StoreStats, 'bytes'> & { bytes: number | null }>(this.pool, `SELECT
      (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM attributions) AS attributions,
      (SELECT count(*) FROM entities WHERE attributions > 0) AS speakers, (SELECT count(*) FROM mentions) AS mentions,
      (SELECT count(*) FROM diagnostics) AS diagnostics, (SELECT count(DISTINCT outlet) FROM documents) AS outlets,
      (SELECT min(published) FROM documents WHERE published <> '') AS "firstDate", (SELECT max(published) FROM documents WHERE published <> '') AS "lastDate",
      (SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r') AS bytes`, [this.schema]))[0];
    return { ...row, bytes: row.bytes === null ? null : Number(row.bytes) };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private writable(): void {
    if (this.readonly) throw new Error('the store was opened read-only');
  }
}
