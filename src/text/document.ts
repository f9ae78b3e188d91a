import type { Diagnostic } from '../core/types.js';
import { findParagraphs, type Range } from './paragraphs.js';
import { pairQuoteMarks, type QuoteRegion } from './quotes.js';
import { findSentences } from './sentences.js';
import { tokenize, type Tokens } from './tokens.js';

/** A text segmented for extraction: tokens, paragraphs and sentences (as token ranges), quotes. */
export interface TextDoc {
  text: string;
  tokens: Tokens;
  /** Token ranges `[start, end)`. */
  paragraphs: Range[];
  /** Token ranges `[start, end)`, each inside one paragraph. */
  sentences: Range[];
  quotes: QuoteRegion[];
  /** Per token: its sentence index. */
  sentenceOf: Int32Array;
  /** Per token: its paragraph index. */
  paragraphOf: Int32Array;
  /** Per token: index into `quotes` of the innermost quote holding it (marks included), or -1. */
  quoteOf: Int32Array;
  diagnostics: Diagnostic[];
}

/**
 * Segments `text` into everything the extractor needs. Pure and linear in the text length.
 * @example analyzeText('“No,” he said.').quotes.length // 1
 */
export function analyzeText(text: string): TextDoc {
  const tokens = tokenize(text);
  const paragraphs = toTokenRanges(tokens, findParagraphs(text));
  const diagnostics: Diagnostic[] = [];
  const quotes = pairQuoteMarks(text, tokens, paragraphs, diagnostics);
  const sentences = findSentences(text, tokens, paragraphs);
  const quoteOf = innermostQuotes(quotes, tokens.count);
  return {
    text, tokens, paragraphs, sentences, quotes, diagnostics, quoteOf,
    sentenceOf: indexOf(sentences, tokens.count),
    paragraphOf: indexOf(paragraphs, tokens.count),
  };
}

/**
 * Per token, the index of the latest-opened quote that holds it (marks included), or -1: one
 * sweep with a stack of open quotes, so deeply nested marks (“‘“‘…’”’”) stay linear.
 */
function innermostQuotes(quotes: QuoteRegion[], count: number): Int32Array {
  const out = new Int32Array(count).fill(-1);
  const open: number[] = [];
  const last = (i: number) => (quotes[i].continues ? quotes[i].close - 1 : quotes[i].close);
  let q = 0;
  for (let t = 0; t < count; t++) {
    while (q < quotes.length && quotes[q].open === t) open.push(q++);
    while (open.length && last(open[open.length - 1]) < t) open.pop();
    if (open.length) out[t] = open[open.length - 1];
  }
  return out;
}

/** Converts char ranges to the token ranges they cover. */
function toTokenRanges(tokens: Tokens, ranges: Range[]): Range[] {
  const out: Range[] = [];
  let t = 0;
  for (const r of ranges) {
    while (t < tokens.count && tokens.end[t] <= r.start) t++;
    const start = t;
    while (t < tokens.count && tokens.start[t] < r.end) t++;
    if (t > start) out.push({ start, end: t });
  }
  return out;
}

function indexOf(ranges: Range[], count: number): Int32Array {
  const out = new Int32Array(count);
  ranges.forEach((r, i) => out.fill(i, r.start, r.end));
  return out;
}
