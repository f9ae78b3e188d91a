/**
 * The contracts every layer of onrecord shares. Offsets are UTF-16 code units
 * into the original input, half-open: `input.slice(span.start, span.end) === span.text`.
 */

/** A stretch of the original text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** How the content is reported: quoted verbatim, paraphrased, or both. */
export type AttributionKind = 'direct' | 'indirect' | 'mixed';

/** What kind of thing a speaker is. */
export type EntityKind = 'person' | 'organization' | 'group' | 'place';

/** The canonical speaker of an attribution, resolved across the document. */
export interface Speaker {
  /** Entity id within the result (`e1`, `e2`, …); stable across runs on the same text. */
  id: string;
  name: string;
  kind: EntityKind;
  role?: string;
  affiliation?: string;
}

/** When the statement was made, resolved against the article date. */
export interface SaidAt {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The time expression that gave the date, or null when it is the article date. */
  span: Span | null;
  /** True when no expression governs the attribution and the article date stands in. */
  implied: boolean;
}

/** One statement: who (source), the word that reports it (cue), and what (content). */
export interface Attribution {
  /** `a1`, `a2`, … in order of the first content piece. */
  id: string;
  kind: AttributionKind;
  /** One or more pieces, in text order; a quote split by "she said" has two. */
  content: Span[];
  cue: Span | null;
  /** The source mention as written ("he", "the Russian leader"), or null when there is none. */
  source: Span | null;
  /** 0..1; calibrated on PolNeAR dev (see README). */
  confidence: number;
  /** Ids of the rules or model components that produced this attribution. */
  provenance: string[];
  /** Resolved speaker; null when the source cannot be resolved, absent when resolution did not run. */
  speaker?: Speaker | null;
  saidAt?: SaidAt | null;
}

/** An entity mentioned in the document. */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  mentions: Span[];
  role?: string;
  affiliation?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem or remark about the input, returned with the result rather than thrown. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  reason: string;
  span?: Span;
  note?: string;
}

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** Carried through to the result. */
  id?: string;
  /** Article date, `YYYY-MM-DD`: anchors relative times ("on Thursday"). */
  date?: string;
  /**
   * The article's byline ("By Ana Ruiz", "Ana Ruiz"): when it names one person, "I" outside
   * quotations (a column, a letter) is that person.
   */
  byline?: string;
}

/** What {@link extract} returns. */
export interface ExtractResult {
  id?: string;
  attributions: Attribution[];
  entities: Entity[];
  diagnostics: Diagnostic[];
}
