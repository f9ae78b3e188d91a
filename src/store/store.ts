/**
 * The corpus store: documents, their attributions, the speakers merged across documents, and
 * search over what was said. Every method is async so that a PostgreSQL implementation (and
 * the HTTP API of `onrecord serve`) can sit behind the same interface as the SQLite one.
 */
import type { AttributionKind, Diagnostic, EntityKind, ExtractResult, Span } from '../core/types.js';

/** A document to store, as a reader produced it. */
export interface DocumentInput {
  id?: string;
  url?: string;
  outlet?: string;
  title?: string;
  byline?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  text: string;
  /** Where it was read from (`path`, `path:line`, …), for the record. */
  sourcePath?: string;
}

/** What {@link Store.putDocument} did: `duplicate` means the same text is stored under another document. */
export type PutStatus = 'inserted' | 'updated' | 'unchanged' | 'duplicate';

export interface PutResult {
  /** The stored document's id (for a duplicate, the document it duplicates). */
  id: string;
  status: PutStatus;
  /** Attributions stored for the document by this call (0 when nothing changed). */
  attributions: number;
}

export interface PutOptions {
  /**
   * Replace the attributions of a document whose text is unchanged too (status `updated`):
   * for re-extracting a corpus after the engine improved.
   */
  reextract?: boolean;
}

/** A speaker as an attribution refers to it: the corpus-wide entity. */
export interface SpeakerRef {
  id: string;
  name: string;
}

/** A stored attribution. */
export interface StoredAttribution {
  /** Corpus-wide id. */
  id: string;
  documentId: string;
  /** The id the engine gave it within its document (`a3`). */
  localId: string;
  kind: AttributionKind;
  /** The content pieces joined with " … ". */
  content: string;
  contentSpans: Span[];
  cue: Span | null;
  source: Span | null;
  speaker: SpeakerRef | null;
  /** When it was said: the resolved date, else the article date; null when neither is known. */
  date: string | null;
  confidence: number;
  provenance: string[];
}

/** The document metadata that goes with an attribution in search results and exports. */
export interface DocumentRef {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  date: string | null;
}

export interface AttributionHit extends StoredAttribution {
  document: DocumentRef;
}

export interface StoredDocument extends DocumentRef {
  byline: string | null;
  text: string;
  contentHash: string;
  sourcePath: string | null;
  ingestedAt: string;
  attributions: StoredAttribution[];
  diagnostics: Diagnostic[];
}

/** Search over attribution contents; every filter is optional and they combine with AND. */
export interface SearchQuery {
  /** Words (all must occur), "quoted phrases", `prefix*`, OR, NOT. */
  q?: string;
  /** A speaker's name or part of it ("Okafor"), matched against names, aliases and variants. */
  speaker?: string;
  /** A speaker's id (from {@link Store.listSpeakers}), exactly. */
  speakerId?: string;
  /** Outlet name, exact (case-insensitive). */
  outlet?: string;
  kind?: AttributionKind;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  /** Default 20, at most 1000. */
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

/** One page of results: newest first, `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SpeakerSummary {
  id: string;
  name: string;
  kind: EntityKind | null;
  attributions: number;
  /** Other names the speaker goes by ("the Russian leader", "Putin"). */
  aliases: string[];
  /** Spellings merged as the same name ("Jabbari" for "Jabari"). */
  variants: string[];
}

export interface SpeakerDetail extends SpeakerSummary {
  role: string | null;
  affiliation: string | null;
  documents: number;
  /** ISO weeks (`2025-W11`), oldest first. */
  statementsPerWeek: Array<{ week: string; count: number }>;
  outlets: Array<{ outlet: string; count: number }>;
  latest: AttributionHit[];
}

export interface StoreStats {
  documents: number;
  attributions: number;
  speakers: number;
  mentions: number;
  diagnostics: number;
  outlets: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Size on disk, when the store can tell. */
  bytes: number | null;
}

export interface Store {
  /**
   * Stores a document and what the engine found in it, idempotently: the same document (same
   * id, URL or text) is never stored twice, and a changed text replaces the old attributions,
   * mentions and diagnostics in one transaction.
   */
  putDocument(doc: DocumentInput, result: ExtractResult, options?: PutOptions): Promise<PutResult>;
  /**
   * What {@link putDocument} would do with this document, without doing it: `unchanged` or
   * `duplicate` mean it is stored already, so an ingest can skip extracting it.
   */
  peekDocument(doc: DocumentInput): Promise<PutStatus>;
  /** {@link putDocument} for many documents in one transaction: all are stored, or none. */
  putDocuments(items: ReadonlyArray<{ doc: DocumentInput; result: ExtractResult }>, options?: PutOptions): Promise<PutResult[]>;
  /** A document by its id (a duplicate's id gives the stored copy), attributions in text order. */
  getDocument(id: string): Promise<StoredDocument | null>;
  searchAttributions(query: SearchQuery): Promise<Page<AttributionHit>>;
  listSpeakers(query: { q?: string; limit?: number; cursor?: string }): Promise<Page<SpeakerSummary>>;
  getSpeaker(id: string): Promise<SpeakerDetail | null>;
  /** Every attribution with its document metadata, oldest first, streamed. */
  exportAttributions(): AsyncIterable<AttributionHit>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/**
 * A query the store cannot run (bad cursor, bad date): the user's to fix, reported in one line.
 * @example throw new StoreQueryError('invalid cursor "x"')
 */
export class StoreQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreQueryError';
  }
}
