import type { AttributionKind } from '../../core/types.js';
import type { AttributionHit, StoredAttribution } from '../store.js';
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
