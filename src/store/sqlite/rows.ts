import type { AttributionKind, Diagnostic, EntityKind, Severity } from '../../core/types.js';
import type { AttributionHit, SpeakerSummary, StoredAttribution, StoredDocument } from '../store.js';
import { decodeSpans } from './span-codec.js';

/** The columns every attribution query selects, from `attributions a`, `documents d` and `entities e`. */
export const HIT_COLUMNS = `a.id, a.document_id, a.local_id, a.kind, a.content, a.spans, a.speaker_id, e.name AS speaker_name,
  a.said_on, a.confidence, a.provenance, d.url, d.outlet, d.title, d.published`;

/** The joins that go with {@link HIT_COLUMNS}. */
export const HIT_FROM = 'attributions a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id';

/** A row selected with {@link HIT_COLUMNS}. */
export interface HitRow {
  id: number;
  document_id: string;
  local_id: string;
  kind: string;
  content: string;
  spans: string;
  speaker_id: number | null;
  speaker_name: string | null;
  said_on: string;
  confidence: number;
  provenance: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

/**
 * A stored attribution from its row.
 * @example toAttribution(row).speaker // {id: '12', name: 'Maria Okafor'}
 */
export function toAttribution(row: HitRow): StoredAttribution {
  const spans = decodeSpans(row.spans, row.content);
  return {
    id: String(row.id),
    documentId: row.document_id,
    localId: row.local_id,
    kind: row.kind as AttributionKind,
    content: row.content,
    contentSpans: spans.content,
    cue: spans.cue,
    source: spans.source,
    speaker: row.speaker_id === null ? null : { id: String(row.speaker_id), name: row.speaker_name ?? '' },
    date: row.said_on || null,
    confidence: row.confidence,
    provenance: JSON.parse(row.provenance) as string[],
  };
}

/**
 * An attribution with its document's metadata, from its row.
 * @example toHit(row).document.outlet // 'The Porthaven Gazette'
 */
export function toHit(row: HitRow): AttributionHit {
  return {
    ...toAttribution(row),
    document: { id: row.document_id, url: row.url, outlet: row.outlet, title: row.title, date: row.published },
  };
}

/** A row of `diagnostics` (PostgreSQL selects its span columns under these names). */
export interface DiagnosticRow {
  code: string;
  severity: Severity;
  reason: string;
  start: number | null;
  end: number | null;
  note: string | null;
}

/**
 * A stored document from its `documents` row, its attribution rows (any order) and its
 * diagnostics, as both stores return it.
 * @example toDocument(docRow, hitRows, diagnosticRows).attributions[0].localId // 'a1'
 */
export function toDocument(doc: Record<string, string | null>, rows: HitRow[], diagnostics: DiagnosticRow[]): StoredDocument {
  const text = doc.text as string;
  const ordered = [...rows].sort((a, b) => Number(a.local_id.slice(1)) - Number(b.local_id.slice(1)));
  return {
    id: doc.id as string, url: doc.url, outlet: doc.outlet, title: doc.title, date: doc.published, byline: doc.byline,
    text, contentHash: doc.content_hash as string, sourcePath: doc.source_path, ingestedAt: doc.ingested_at as string,
    attributions: ordered.map(toAttribution),
    diagnostics: diagnostics.map((row) => toDiagnostic(row, text)),
  };
}

function toDiagnostic(row: DiagnosticRow, text: string): Diagnostic {
  const d: Diagnostic = { code: row.code, severity: row.severity, reason: row.reason };
  if (row.start !== null && row.end !== null) d.span = { start: row.start, end: row.end, text: text.slice(row.start, row.end) };
  if (row.note !== null) d.note = row.note;
  return d;
}

/** A row of `entities`, as the speaker queries select it. */
export interface EntityRow {
  id: number;
  name: string;
  kind: EntityKind | null;
  role: string | null;
  affiliation: string | null;
  attributions: number;
}

/**
 * A speaker's summary from its entity row and its other names (aliases, descriptions, variants).
 * @example speakerSummary(row, [{name: 'Okafor', how: 'alias'}]).aliases // ['Okafor']
 */
export function speakerSummary(row: EntityRow, names: Array<{ name: string; how: string }>): SpeakerSummary {
  return {
    id: String(row.id),
    name: row.name,
    kind: row.kind,
    attributions: row.attributions,
    aliases: names.filter((n) => n.how === 'alias' || n.how === 'description').map((n) => n.name),
    variants: names.filter((n) => n.how === 'variant').map((n) => n.name),
  };
}
