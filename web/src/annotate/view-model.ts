import type { Diagnostic, ExtractResult, Span } from '../../../src/core/types.js';
import type { StoredAttribution } from '../../../src/store/store.js';
import type { DocumentView } from '../api.js';
import type { Mark } from './segments.js';

/** An attribution as the article view draws it, whether the browser found it or the store kept it. */
export interface ViewAttribution {
  id: string;
  kind: 'direct' | 'indirect' | 'mixed';
  content: Span[];
  cue: Span | null;
  source: Span | null;
  /** `id` is the corpus-wide speaker id when the attribution comes from the store. */
  speaker: { name: string; id?: string; role?: string } | null;
  date: string | null;
  /** True when the date is the article's, for want of a time expression. */
  dateImplied: boolean;
  confidence: number;
}

/** An article with what was found in it: plain JSON, so anything can be drawn. */
export interface ViewDocument {
  text: string;
  title?: string | null;
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
  attributions: ViewAttribution[];
  diagnostics: Diagnostic[];
}

/**
 * The view of a text the engine analysed in the browser.
 * @example fromExtractResult(text, extract(text)).attributions[0].speaker?.name // 'Maria Okafor'
 */
export function fromExtractResult(text: string, result: ExtractResult): ViewDocument {
  return {
    text,
    diagnostics: result.diagnostics,
    attributions: result.attributions.map((a) => ({
      id: a.id, kind: a.kind, content: a.content, cue: a.cue, source: a.source, confidence: a.confidence,
      speaker: a.speaker ? { name: a.speaker.name, ...(a.speaker.role ? { role: a.speaker.role } : {}) } : null,
      date: a.saidAt?.date ?? null, dateImplied: a.saidAt?.implied ?? false,
    })),
  };
}

/**
 * The view of a stored document (`GET /api/documents/:id`).
 * @example fromStoredDocument(await getDocument('sample-01')).attributions.length // 5
 */
export function fromStoredDocument(doc: DocumentView): ViewDocument {
  return {
    text: doc.text, title: doc.title, outlet: doc.outlet, date: doc.date, url: doc.url, diagnostics: doc.diagnostics,
    attributions: doc.attributions.map((a: StoredAttribution) => ({
      id: a.localId, kind: a.kind, content: a.contentSpans, cue: a.cue, source: a.source, confidence: a.confidence,
      speaker: a.speaker, date: a.date, dateImplied: false,
    })),
  };
}

/**
 * Every highlight of a document: each attribution's content pieces, cue and source, and each
 * diagnostic that points at a place (ref `d<index>`).
 * @example marksOf(view).filter((m) => m.role === 'cue').length // one per attribution with a cue
 */
export function marksOf(doc: ViewDocument): Mark[] {
  const marks: Mark[] = [];
  for (const a of doc.attributions) {
    for (const piece of a.content) marks.push({ start: piece.start, end: piece.end, role: 'content', ref: a.id });
    if (a.cue) marks.push({ start: a.cue.start, end: a.cue.end, role: 'cue', ref: a.id });
    if (a.source) marks.push({ start: a.source.start, end: a.source.end, role: 'source', ref: a.id });
  }
  doc.diagnostics.forEach((d, i) => {
    if (d.span) marks.push({ start: d.span.start, end: d.span.end, role: 'diagnostic', ref: `d${i}` });
  });
  return marks;
}

/**
 * A name to show for who said it: the resolved speaker, else the source as written.
 * @example speakerLabel({speaker: null, source: {text: 'officials'}} as ViewAttribution) // 'officials'
 */
export function speakerLabel(a: ViewAttribution): string {
  return a.speaker?.name || a.source?.text || 'Unknown speaker';
}
