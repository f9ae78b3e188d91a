import type Database from 'better-sqlite3';
import type { ExtractResult } from '../../core/types.js';
import { contentHash, documentId, documentKeys } from '../document-keys.js';
import { documentRows, type DocumentRows } from '../document-rows.js';
import type { DocumentInput, PutResult, PutStatus } from '../store.js';
import { attributionId } from './attribution-ids.js';
import { EntityIndex } from './entities.js';
import { encodeSpans } from './span-codec.js';
import { attributionTags } from './tags.js';

type Row = Record<string, unknown>;

/**
 * Writes documents with their attributions, mentions and diagnostics. Callers run
 * {@link DocumentWriter.put} inside a transaction; it never leaves half a document behind.
 * @example db.transaction(() => new DocumentWriter(db).put(doc, extract(doc.text)))()
 */
export class DocumentWriter {
  private readonly entities: EntityIndex;
  private readonly s: Record<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntityIndex(db);
    const p = (sql: string): Database.Statement => db.prepare(sql);
    this.s = {
      keyOf: p('SELECT document_id, own FROM document_keys WHERE key = ?'),
      doc: p('SELECT id, content_hash FROM documents WHERE id = ?'),
      byHash: p('SELECT id FROM documents WHERE content_hash = ? LIMIT 1'),
      addKey: p('INSERT OR IGNORE INTO document_keys (key, document_id, own) VALUES (?, ?, ?)'),
      dropKey: p('DELETE FROM document_keys WHERE key = ?'),
      insertDoc: p(`INSERT INTO documents (id, url, outlet, title, byline, published, text, content_hash, source_path, ingested_at)
        VALUES (@id, @url, @outlet, @title, @byline, @published, @text, @hash, @sourcePath, @now)`),
      updateDoc: p(`UPDATE documents SET url = @url, outlet = @outlet, title = @title, byline = @byline, published = @published,
        text = @text, content_hash = @hash, source_path = @sourcePath, ingested_at = @now WHERE id = @id`),
      speakerCounts: p('SELECT speaker_id, count(*) AS n FROM attributions WHERE document_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id'),
      docEntities: p('SELECT DISTINCT entity_id FROM mentions WHERE document_id = ?'),
      deleteAttributions: p('DELETE FROM attributions WHERE document_id = ?'),
      deleteMentions: p('DELETE FROM mentions WHERE document_id = ?'),
      deleteDiagnostics: p('DELETE FROM diagnostics WHERE document_id = ?'),
      addCount: p('UPDATE entities SET attributions = attributions + ? WHERE id = ?'),
      dropOrphan: p('DELETE FROM entities WHERE id = ? AND attributions <= 0 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)'),
      insertAttribution: p(`INSERT INTO attributions (id, document_id, local_id, kind, content, spans, speaker_id, said_on, confidence, provenance, tags)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      takeNumbers: p("UPDATE counters SET value = value + ? WHERE name = 'attribution' RETURNING value"),
      insertMention: p('INSERT INTO mentions (entity_id, document_id, start, end, text) VALUES (?, ?, ?, ?, ?)'),
      insertDiagnostic: p('INSERT INTO diagnostics (document_id, code, severity, reason, start, end, note) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
  }

  /**
   * Stores one document idempotently (see {@link Store.putDocument}); call inside a transaction.
   * @example writer.put({id: 'x', text: '“Yes,” Okafor said.'}, extract(…)) // {id: 'x', status: 'inserted', attributions: 1}
   */
  put(doc: DocumentInput, result: ExtractResult, reextract = false): PutResult {
    const hash = contentHash(doc.text);
    const keys = documentKeys(doc);
    const found = this.findByKeys(keys);
    if (found) {
      const existing = this.s.doc.get(found.documentId) as { id: string; content_hash: string };
      if (existing.content_hash === hash && !(reextract && found.own)) {
        if (found.own) for (const key of keys) this.s.addKey.run(key, existing.id, 1);
        return { id: existing.id, status: found.own ? 'unchanged' : 'duplicate', attributions: 0 };
      }
      if (found.own) return { id: existing.id, status: 'updated', attributions: this.replace(existing.id, doc, hash, result) };
      // A duplicate's copy that has since changed: it is a document of its own now.
      for (const key of keys) if ((this.s.keyOf.get(key) as Row | undefined)?.own === 0) this.s.dropKey.run(key);
    }
    const same = this.s.byHash.get(hash) as { id: string } | undefined;
    if (same) {
      for (const key of keys) this.s.addKey.run(key, same.id, 0);
      return { id: same.id, status: 'duplicate', attributions: 0 };
    }
    const id = this.freeId(documentId(doc, hash));
    this.s.insertDoc.run(docParams(id, doc, hash));
    for (const key of keys) this.s.addKey.run(key, id, 1);
    return { id, status: 'inserted', attributions: this.insertRows(id, doc, documentRows(result, doc.date)) };
  }

  /**
   * What {@link DocumentWriter.put} would do, without writing.
   * @example writer.peek({id: 'x', text: '…'}) // 'unchanged'
   */
  peek(doc: DocumentInput): PutStatus {
    const hash = contentHash(doc.text);
    const found = this.findByKeys(documentKeys(doc));
    if (found) {
      const existing = this.s.doc.get(found.documentId) as { content_hash: string };
      if (existing.content_hash === hash) return found.own ? 'unchanged' : 'duplicate';
      if (found.own) return 'updated';
    }
    return this.s.byHash.get(hash) ? 'duplicate' : 'inserted';
  }

  private findByKeys(keys: string[]): { documentId: string; own: boolean } | undefined {
    for (const key of keys) {
      const row = this.s.keyOf.get(key) as { document_id: string; own: number } | undefined;
      if (row) return { documentId: row.document_id, own: row.own === 1 };
    }
    return undefined;
  }

  private freeId(id: string): string {
    let candidate = id;
    for (let n = 2; this.s.doc.get(candidate); n++) candidate = `${id}~${n}`;
    return candidate;
  }

  private replace(id: string, doc: DocumentInput, hash: string, result: ExtractResult): number {
    const counts = this.s.speakerCounts.all(id) as Array<{ speaker_id: number; n: number }>;
    const mentioned = (this.s.docEntities.all(id) as Array<{ entity_id: number }>).map((r) => r.entity_id);
    this.s.deleteAttributions.run(id);
    this.s.deleteMentions.run(id);
    this.s.deleteDiagnostics.run(id);
    for (const { speaker_id, n } of counts) this.s.addCount.run(-n, speaker_id);
    this.s.updateDoc.run(docParams(id, doc, hash));
    const stored = this.insertRows(id, doc, documentRows(result, doc.date));
    for (const entity of new Set([...counts.map((c) => c.speaker_id), ...mentioned])) this.s.dropOrphan.run(entity, entity);
    return stored;
  }

  private insertRows(documentId: string, doc: DocumentInput, rows: DocumentRows): number {
    const ids = new Map<string, number | null>();
    for (const e of rows.entities) {
      const id = this.entities.resolve(e);
      ids.set(e.key, id);
      if (id !== null) for (const m of e.mentions) this.s.insertMention.run(id, documentId, m.start, m.end, m.text);
    }
    const counts = new Map<number, number>();
    const last = rows.attributions.length ? (this.s.takeNumbers.get(rows.attributions.length) as { value: number }).value : 0;
    rows.attributions.forEach((a, i) => {
      const speaker = a.entityKey ? ids.get(a.entityKey) ?? null : null;
      if (speaker !== null) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      const id = attributionId(a.date, last - rows.attributions.length + 1 + i);
      this.s.insertAttribution.run(id, documentId, a.localId, a.kind, a.content, encodeSpans(a.spans, a.content), speaker, a.date ?? '', a.confidence,
        JSON.stringify(a.provenance), attributionTags(speaker, a.kind, doc.outlet));
    });
    for (const [speaker, n] of counts) this.s.addCount.run(n, speaker);
    for (const d of rows.diagnostics) {
      this.s.insertDiagnostic.run(documentId, d.code, d.severity, d.reason, d.span?.start ?? null, d.span?.end ?? null, d.note ?? null);
    }
    return rows.attributions.length;
  }
}

function docParams(id: string, doc: DocumentInput, hash: string): Row {
  return {
    id, url: doc.url ?? null, outlet: doc.outlet ?? null, title: doc.title ?? null, byline: doc.byline ?? null, published: doc.date ?? null,
    text: doc.text, hash, sourcePath: doc.sourcePath ?? null, now: new Date().toISOString(),
  };
}
