import type { ExtractResult } from '../../core/types.js';
import { contentHash, documentId, documentKeys } from '../document-keys.js';
import { documentRows, type DocumentRows } from '../document-rows.js';
import { attributionId } from '../sqlite/attribution-ids.js';
import { encodeSpans } from '../sqlite/span-codec.js';
import { outletTag } from '../sqlite/tags.js';
import type { DocumentInput, PutResult, PutStatus } from '../store.js';
import { run, type Queryable } from './connection.js';
import { PgEntityIndex } from './entities.js';
import { foldText, pgText } from './text-fold.js';

const SQL = {
  keyOf: 'SELECT document_id, own FROM document_keys WHERE key = $1',
  doc: 'SELECT id, content_hash FROM documents WHERE id = $1',
  byHash: 'SELECT id FROM documents WHERE content_hash = $1 ORDER BY id LIMIT 1',
  addKeys: 'INSERT INTO document_keys (key, document_id, own) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (key) DO NOTHING',
  dropDuplicateKeys: 'DELETE FROM document_keys WHERE key = ANY($1::text[]) AND own = 0',
  insertDoc: `INSERT INTO documents (id, url, outlet, title, byline, published, text, content_hash, source_path, ingested_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  updateDoc: `UPDATE documents SET url = $2, outlet = $3, title = $4, byline = $5, published = $6, text = $7, content_hash = $8,
    source_path = $9, ingested_at = $10 WHERE id = $1`,
  speakerCounts: 'SELECT speaker_id, count(*) AS n FROM attributions WHERE document_id = $1 AND speaker_id IS NOT NULL GROUP BY speaker_id',
  docEntities: 'SELECT DISTINCT entity_id FROM mentions WHERE document_id = $1',
  deleteRows: `WITH a AS (DELETE FROM attributions WHERE document_id = $1), m AS (DELETE FROM mentions WHERE document_id = $1)
    DELETE FROM diagnostics WHERE document_id = $1`,
  addCounts: 'UPDATE entities e SET attributions = e.attributions + c.n FROM unnest($1::bigint[], $2::int[]) AS c(id, n) WHERE e.id = c.id',
  dropOrphans: `DELETE FROM entities e WHERE e.id = ANY($1::bigint[]) AND e.attributions <= 0
    AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id) AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.speaker_id = e.id)`,
  numbers: "SELECT nextval('attribution_number') AS n FROM generate_series(1, $1)",
  insertAttributions: `INSERT INTO attributions (id, document_id, local_id, kind, content, spans, speaker_id, said_on, confidence, provenance, outlet_key, content_tsv)
    SELECT a.id, $1, a.local_id, a.kind, a.content, a.spans, a.speaker_id, a.said_on, a.confidence, a.provenance, $2, to_tsvector('onrecord_english', a.fold)
    FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::float8[], $11::text[], $12::text[])
      AS a(id, local_id, kind, content, spans, speaker_id, said_on, confidence, provenance, fold)`,
  insertMentions: `INSERT INTO mentions (entity_id, document_id, span_start, span_end, text)
    SELECT m.entity_id, $1, m.s, m.e, m.t FROM unnest($2::bigint[], $3::int[], $4::int[], $5::text[]) AS m(entity_id, s, e, t)`,
  insertDiagnostics: `INSERT INTO diagnostics (document_id, code, severity, reason, span_start, span_end, note)
    SELECT $1, d.code, d.severity, d.reason, d.s, d.e, d.note FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[])
      AS d(code, severity, reason, s, e, note)`,
};

/**
 * Writes documents with their attributions, mentions and diagnostics, as the SQLite store's
 * writer does (same keys, same duplicate and update rules), in as few round trips as the
 * rules allow. Callers run it inside a transaction holding the batch's advisory locks.
 * @example await new PgDocumentWriter(client).put(doc, extract(doc.text))
 */
export class PgDocumentWriter {
  private readonly entities: PgEntityIndex;

  constructor(private readonly db: Queryable) {
    this.entities = new PgEntityIndex(db);
  }

  /**
   * Stores one document idempotently (see `Store.putDocument`); call inside a transaction.
   * @example await writer.put({id: 'x', text: '“Yes,” Okafor said.'}, result) // {id: 'x', status: 'inserted', attributions: 1}
   */
  async put(doc: DocumentInput, result: ExtractResult, reextract = false): Promise<PutResult> {
    const hash = contentHash(doc.text);
    const keys = documentKeys(doc);
    const found = await this.findByKeys(keys);
    if (found) {
      const existing = (await run<{ id: string; content_hash: string }>(this.db, SQL.doc, [found.documentId]))[0];
      if (existing.content_hash === hash && !(reextract && found.own)) {
        if (found.own) await run(this.db, SQL.addKeys, [keys, existing.id, 1]);
        return { id: existing.id, status: found.own ? 'unchanged' : 'duplicate', attributions: 0 };
      }
      if (found.own) return { id: existing.id, status: 'updated', attributions: await this.replace(existing.id, doc, hash, result) };
      // A duplicate's copy that has since changed: it is a document of its own now.
      await run(this.db, SQL.dropDuplicateKeys, [keys]);
    }
    const same = (await run<{ id: string }>(this.db, SQL.byHash, [hash]))[0];
    if (same) {
      await run(this.db, SQL.addKeys, [keys, same.id, 0]);
      return { id: same.id, status: 'duplicate', attributions: 0 };
    }
    const id = await this.freeId(documentId(doc, hash));
    await run(this.db, SQL.insertDoc, docParams(id, doc, hash));
    await run(this.db, SQL.addKeys, [keys, id, 1]);
    return { id, status: 'inserted', attributions: await this.insertRows(id, doc, documentRows(result, doc.date)) };
  }

  /**
   * What {@link PgDocumentWriter.put} would do, without writing.
   * @example await writer.peek({id: 'x', text: '…'}) // 'unchanged'
   */
  async peek(doc: DocumentInput): Promise<PutStatus> {
    const hash = contentHash(doc.text);
    const found = await this.findByKeys(documentKeys(doc));
    if (found) {
      const existing = (await run<{ content_hash: string }>(this.db, SQL.doc, [found.documentId]))[0];
      if (existing.content_hash === hash) return found.own ? 'unchanged' : 'duplicate';
      if (found.own) return 'updated';
    }
    return (await run(this.db, SQL.byHash, [hash])).length ? 'duplicate' : 'inserted';
  }

  private async findByKeys(keys: string[]): Promise<{ documentId: string; own: boolean } | undefined> {
    for (const key of keys) {
      const row = (await run<{ document_id: string; own: number }>(this.db, SQL.keyOf, [key]))[0];
      if (row) return { documentId: row.document_id, own: row.own === 1 };
    }
    return undefined;
  }

  private async freeId(id: string): Promise<string> {
    let candidate = id;
    for (let n = 2; (await run(this.db, SQL.doc, [candidate])).length; n++) candidate = `${id}~${n}`;
    return candidate;
  }

  private async replace(id: string, doc: DocumentInput, hash: string, result: ExtractResult): Promise<number> {
    const counts = await run<{ speaker_id: number; n: number }>(this.db, SQL.speakerCounts, [id]);
    const mentioned = (await run<{ entity_id: number }>(this.db, SQL.docEntities, [id])).map((r) => r.entity_id);
    await run(this.db, SQL.deleteRows, [id]);
    if (counts.length) await run(this.db, SQL.addCounts, [counts.map((c) => c.speaker_id), counts.map((c) => -c.n)]);
    await run(this.db, SQL.updateDoc, docParams(id, doc, hash));
    const stored = await this.insertRows(id, doc, documentRows(result, doc.date));
    const touched = [...new Set([...counts.map((c) => c.speaker_id), ...mentioned])];
    if (touched.length) await run(this.db, SQL.dropOrphans, [touched]);
    return stored;
  }

  private async insertRows(documentId: string, doc: DocumentInput, rows: DocumentRows): Promise<number> {
    const ids = new Map<string, number | null>();
    const mentions: unknown[][] = [[], [], [], []];
    for (const e of rows.entities) {
      const id = await this.entities.resolve(e);
      ids.set(e.key, id);
      if (id !== null) for (const m of e.mentions) push(mentions, [id, m.start, m.end, pgText(m.text)]);
    }
    if (mentions[0].length) await run(this.db, SQL.insertMentions, [documentId, ...mentions]);
    const n = rows.attributions.length;
    if (n) {
      const numbers = (await run<{ n: number }>(this.db, SQL.numbers, [n])).map((r) => r.n);
      const cols: unknown[][] = Array.from({ length: 10 }, () => []);
      const counts = new Map<number, number>();
      rows.attributions.forEach((a, i) => {
        const speaker = a.entityKey ? ids.get(a.entityKey) ?? null : null;
        if (speaker !== null) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
        push(cols, [attributionId(a.date, numbers[i]), a.localId, a.kind, pgText(a.content), encodeSpans(a.spans, a.content), speaker, a.date ?? '',
          a.confidence, JSON.stringify(a.provenance), foldText(a.content)]);
      });
      await run(this.db, SQL.insertAttributions, [documentId, doc.outlet?.trim() ? outletTag(doc.outlet) : null, ...cols]);
      if (counts.size) await run(this.db, SQL.addCounts, [[...counts.keys()], [...counts.values()]]);
    }
    const d = rows.diagnostics;
    if (d.length) {
      await run(this.db, SQL.insertDiagnostics, [documentId, d.map((x) => x.code), d.map((x) => x.severity), d.map((x) => pgText(x.reason)),
        d.map((x) => x.span?.start ?? null), d.map((x) => x.span?.end ?? null), d.map((x) => pgText(x.note) ?? null)]);
    }
    return n;
  }
}

/** Appends one row to column arrays. */
function push(columns: unknown[][], row: unknown[]): void {
  row.forEach((value, i) => columns[i].push(value));
}

function docParams(id: string, doc: DocumentInput, hash: string): unknown[] {
  return [id, pgText(doc.url) ?? null, pgText(doc.outlet) ?? null, pgText(doc.title) ?? null, pgText(doc.byline) ?? null, doc.date ?? null,
    pgText(doc.text), hash, pgText(doc.sourcePath) ?? null, new Date().toISOString()];
}
