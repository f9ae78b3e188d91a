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

/**
 * A document's mentions, attributions (numbered from the sequence: the k-th smallest number to the
 * k-th attribution; attributionId(date, n) is attributionId(date, 0) + n mod 2^32), its speakers'
 * counts and its diagnostics: the end of one statement, which a new document's row and keys begin.
 */
const ROWS = `numbers AS MATERIALIZED (SELECT n, row_number() OVER (ORDER BY n) AS k
        FROM (SELECT nextval('attribution_number') AS n FROM generate_series(1, cardinality($7::bigint[]))) s),
      m AS (INSERT INTO mentions (entity_id, document_id, span_start, span_end, text)
        SELECT m.entity_id, $1, m.s, m.e, m.t FROM unnest($3::bigint[], $4::int[], $5::int[], $6::text[]) AS m(entity_id, s, e, t)),
      a AS (INSERT INTO attributions (id, document_id, local_id, kind, content, spans, speaker_id, said_on, confidence, provenance, outlet_key, content_tsv)
        SELECT a.base + x.n % 4294967296, $1, a.local_id, a.kind, a.content, a.spans, a.speaker_id, a.said_on, a.confidence, a.provenance, $2,
          to_tsvector('onrecord_english', a.fold)
        FROM unnest($7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[], $14::float8[], $15::text[], $16::text[])
          WITH ORDINALITY AS a(base, local_id, kind, content, spans, speaker_id, said_on, confidence, provenance, fold, k)
        JOIN numbers x USING (k)),
      c AS (UPDATE entities e SET attributions = e.attributions + c.n FROM unnest($17::bigint[], $18::int[]) AS c(id, n)
        WHERE e.id = ANY($17::bigint[]) AND e.id = c.id)
    INSERT INTO diagnostics (document_id, code, severity, reason, span_start, span_end, note)
    SELECT $1, d.code, d.severity, d.reason, d.s, d.e, d.note FROM unnest($19::text[], $20::text[], $21::text[], $22::int[], $23::int[], $24::text[])
      AS d(code, severity, reason, s, e, note)`;

const SQL = {
  /** Each of the document's keys already stored (with its document's hash), the first document by id with the same text, and whether its id is taken. */
  lookup: `SELECT (SELECT coalesce(json_agg(json_build_object('key', k.key, 'id', k.document_id, 'own', k.own, 'hash', d.content_hash)), '[]')
      FROM document_keys k JOIN documents d ON d.id = k.document_id WHERE k.key = ANY($1::text[])) AS keys,
    (SELECT id FROM documents WHERE content_hash = $2 ORDER BY id LIMIT 1) AS same, EXISTS (SELECT 1 FROM documents WHERE id = $3) AS taken`,
  doc: 'SELECT id FROM documents WHERE id = $1',
  addKeys: 'INSERT INTO document_keys (key, document_id, own) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (key) DO NOTHING',
  dropDuplicateKeys: 'DELETE FROM document_keys WHERE key = ANY($1::text[]) AND own = 0',
  updateDoc: `UPDATE documents SET url = $2, outlet = $3, title = $4, byline = $5, published = $6, text = $7, content_hash = $8,
    source_path = $9, ingested_at = $10 WHERE id = $1`,
  speakerCounts: 'SELECT speaker_id, count(*) AS n FROM attributions WHERE document_id = $1 AND speaker_id IS NOT NULL GROUP BY speaker_id',
  docEntities: 'SELECT DISTINCT entity_id FROM mentions WHERE document_id = $1',
  deleteRows: `WITH a AS (DELETE FROM attributions WHERE document_id = $1), m AS (DELETE FROM mentions WHERE document_id = $1)
    DELETE FROM diagnostics WHERE document_id = $1`,
  addCounts: `UPDATE entities e SET attributions = e.attributions + c.n FROM unnest($1::bigint[], $2::int[]) AS c(id, n)
    WHERE e.id = ANY($1::bigint[]) AND e.id = c.id`,
  dropOrphans: `DELETE FROM entities e WHERE e.id = ANY($1::bigint[]) AND e.attributions <= 0
    AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id) AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.speaker_id = e.id)`,
  insertRows: `WITH ${ROWS}`,
  insertDocument: `WITH new_document AS (INSERT INTO documents (id, url, outlet, title, byline, published, text, content_hash, source_path, ingested_at)
        VALUES ($1, $25, $26, $27, $28, $29, $30, $31, $32, $33)),
      new_keys AS (INSERT INTO document_keys (key, document_id, own) SELECT unnest($34::text[]), $1, 1 ON CONFLICT (key) DO NOTHING),
      ${ROWS}`,
};

/** What the store holds already for a document: the first of its keys found, a document with the same text, whether its id is taken. */
interface Lookup {
  found?: { id: string; own: boolean; hash: string };
  missingKeys: boolean;
  same: string | null;
  taken: boolean;
}

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
    const { found, missingKeys, same, taken } = await this.lookup(keys, hash, documentId(doc, hash));
    if (found) {
      if (found.hash === hash && !(reextract && found.own)) {
        if (found.own && missingKeys) await run(this.db, SQL.addKeys, [keys, found.id, 1]);
        return { id: found.id, status: found.own ? 'unchanged' : 'duplicate', attributions: 0 };
      }
      if (found.own) return { id: found.id, status: 'updated', attributions: await this.replace(found.id, doc, hash, result) };
      // A duplicate's copy that has since changed: it is a document of its own now.
      await run(this.db, SQL.dropDuplicateKeys, [keys]);
    }
    if (same !== null) {
      await run(this.db, SQL.addKeys, [keys, same, 0]);
      return { id: same, status: 'duplicate', attributions: 0 };
    }
    const id = taken ? await this.freeId(documentId(doc, hash)) : documentId(doc, hash);
    const row = [...docParams(id, doc, hash).slice(1), keys];
    return { id, status: 'inserted', attributions: await this.insertRows(id, doc, documentRows(result, doc.date), row) };
  }

  /**
   * What {@link PgDocumentWriter.put} would do, without writing.
   * @example await writer.peek({id: 'x', text: '…'}) // 'unchanged'
   */
  async peek(doc: DocumentInput): Promise<PutStatus> {
    const hash = contentHash(doc.text);
    const { found, same } = await this.lookup(documentKeys(doc), hash, documentId(doc, hash));
    if (found) {
      if (found.hash === hash) return found.own ? 'unchanged' : 'duplicate';
      if (found.own) return 'updated';
    }
    return same !== null ? 'duplicate' : 'inserted';
  }

  /** Keys are tried strongest first, as `documentKeys` orders them. */
  private async lookup(keys: string[], hash: string, id: string): Promise<Lookup> {
    type KeyRow = { key: string; id: string; own: number; hash: string };
    const row = (await run<{ keys: KeyRow[]; same: string | null; taken: boolean }>(this.db, SQL.lookup, [keys, hash, id]))[0];
    const byKey = new Map(row.keys.map((k) => [k.key, k]));
    const first = keys.map((k) => byKey.get(k)).find((k) => k !== undefined);
    return {
      found: first && { id: first.id, own: first.own === 1, hash: first.hash }, missingKeys: keys.some((k) => !byKey.has(k)), same: row.same, taken: row.taken,
    };
  }

  /** The first of `id~2`, `id~3`, … that no document has (`id` itself is taken). */
  private async freeId(id: string): Promise<string> {
    let n = 2;
    while ((await run(this.db, SQL.doc, [`${id}~${n}`])).length) n++;
    return `${id}~${n}`;
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

  /** Stores a document's rows, and the document itself with its keys when `newDocument` holds its columns after the id, then its keys. */
  private async insertRows(documentId: string, doc: DocumentInput, rows: DocumentRows, newDocument?: unknown[]): Promise<number> {
    const resolved = await this.entities.resolveAll(rows.entities);
    const ids = new Map(rows.entities.map((e, i) => [e.key, resolved[i]]));
    const mentions: unknown[][] = [[], [], [], []];
    rows.entities.forEach((e, i) => {
      const id = resolved[i];
      if (id !== null) for (const m of e.mentions) push(mentions, [id, m.start, m.end, pgText(m.text)]);
    });
    const attributions: unknown[][] = Array.from({ length: 10 }, () => []);
    const counts = new Map<number, number>();
    for (const a of rows.attributions) {
      const speaker = a.entityKey ? ids.get(a.entityKey) ?? null : null;
      if (speaker !== null) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      push(attributions, [attributionId(a.date, 0), a.localId, a.kind, pgText(a.content), encodeSpans(a.spans, a.content), speaker, a.date ?? '',
        a.confidence, JSON.stringify(a.provenance), foldText(a.content)]);
    }
    const d = rows.diagnostics;
    if (newDocument || mentions[0].length || attributions[0].length || d.length) {
      await run(this.db, newDocument ? SQL.insertDocument : SQL.insertRows, [documentId, doc.outlet?.trim() ? outletTag(doc.outlet) : null, ...mentions,
        ...attributions, [...counts.keys()], [...counts.values()], d.map((x) => x.code), d.map((x) => x.severity), d.map((x) => pgText(x.reason)),
        d.map((x) => x.span?.start ?? null), d.map((x) => x.span?.end ?? null), d.map((x) => pgText(x.note) ?? null), ...(newDocument ?? [])]);
    }
    return rows.attributions.length;
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
