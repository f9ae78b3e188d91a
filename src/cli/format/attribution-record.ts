import type { AttributionHit } from '../../store/store.js';

/** The flat columns of an attribution in CSV and tables, in order. */
export const ATTRIBUTION_FIELDS = [
  'attribution_id', 'date', 'speaker', 'speaker_id', 'source', 'cue', 'kind', 'content', 'confidence',
  'document_id', 'outlet', 'title', 'url', 'published',
] as const;

export type AttributionRecord = Record<(typeof ATTRIBUTION_FIELDS)[number], string>;

/**
 * An attribution with its document as flat text fields, for CSV and tables.
 * @example attributionRecord(hit).speaker // 'Maria Okafor'
 */
export function attributionRecord(hit: AttributionHit): AttributionRecord {
  return {
    attribution_id: hit.id,
    date: hit.date ?? '',
    speaker: hit.speaker?.name ?? '',
    speaker_id: hit.speaker?.id ?? '',
    source: hit.source?.text ?? '',
    cue: hit.cue?.text ?? '',
    kind: hit.kind,
    content: hit.content,
    confidence: String(hit.confidence),
    document_id: hit.document.id,
    outlet: hit.document.outlet ?? '',
    title: hit.document.title ?? '',
    url: hit.document.url ?? '',
    published: hit.document.date ?? '',
  };
}
