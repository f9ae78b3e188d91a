/**
 * What the readers produce: documents found in files, feeds and archives, before extraction.
 * A reader never throws for one bad item; it yields an {@link InputProblem} and goes on.
 */

/** Where a document came from, precise enough to find it again. */
export interface SourceRef {
  path: string;
  /** 1-based line of a JSONL file. */
  line?: number;
  /** Byte offset of a WARC record (of the compressed member in a `.warc.gz`). */
  recordOffset?: number;
  /** 0-based index of a feed item. */
  itemIndex?: number;
}

/** Metadata a reader may know about a document. */
export interface DocumentMeta {
  id?: string;
  url?: string;
  outlet?: string;
  title?: string;
  byline?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  source: SourceRef;
}

/** A document ready for extraction: its plain text and what is known about it. */
export interface SourceDocument extends DocumentMeta {
  text: string;
}

/**
 * A document whose text is still HTML (a saved page, a WARC response). Turning it into text
 * costs more than reading it, so it is done where extraction runs (a worker thread).
 */
export interface HtmlDocument extends DocumentMeta {
  html: string;
}

/** Either kind of document a reader yields. */
export type RawDocument = SourceDocument | HtmlDocument;

/** One bad file, line, feed item or WARC record: where, and why it was skipped. */
export interface InputProblem {
  source: SourceRef;
  reason: string;
}

/** What a reader yields: a document, or a problem to report. */
export type ReadItem = { doc: RawDocument } | { problem: InputProblem };

/**
 * A reader: takes a file path, yields its documents in order.
 * @example for await (const item of readJsonl('a.jsonl')) if ('doc' in item) console.log(item.doc.id)
 */
export type Reader = (path: string, progress?: ByteProgress) => AsyncIterable<ReadItem>;

/** Receives how many bytes of the current file have been read so far (for progress and ETA). */
export type ByteProgress = (bytesRead: number) => void;

/**
 * True when the document still needs its HTML turned into text.
 * @example isHtmlDocument({html: '<p>x</p>', source: {path: 'a.html'}}) // true
 */
export function isHtmlDocument(doc: RawDocument): doc is HtmlDocument {
  return typeof (doc as HtmlDocument).html === 'string';
}

/**
 * Formats a source reference as `path:line 3`, `path#item 2` or `path@record 1234`.
 * @example describeSource({path: 'a.jsonl', line: 3}) // 'a.jsonl:3'
 */
export function describeSource(source: SourceRef): string {
  if (source.line !== undefined) return `${source.path}:${source.line}`;
  if (source.itemIndex !== undefined) return `${source.path} (item ${source.itemIndex + 1})`;
  if (source.recordOffset !== undefined) return `${source.path} (record at byte ${source.recordOffset})`;
  return source.path;
}
