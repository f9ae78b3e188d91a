import type { TextDoc } from '../text/document.js';
import { PUNCT, QUOTE } from '../text/tokens.js';

/** A half-open range of token indices. */
export interface TokenRange {
  start: number;
  end: number;
}

/** An attribution under construction, in token indices. */
export interface Candidate {
  content: TokenRange[];
  cue: TokenRange | null;
  source: TokenRange | null;
  confidence: number;
  provenance: string[];
  /** Indices into `doc.quotes` of the quotations this candidate reports. */
  quotes: number[];
}

/** What the rules read: the segmented text, and the token strings as written and lower-cased. */
export interface RuleContext {
  doc: TextDoc;
  raw: string[];
  lower: string[];
}

/**
 * Builds the rule context for a segmented text.
 * @example buildContext(analyzeText('“Yes,” he said.')).lower // ['“', 'yes', ',', '”', 'he', 'said', '.']
 */
export function buildContext(doc: TextDoc): RuleContext {
  const { tokens, text } = doc;
  const raw = new Array<string>(tokens.count);
  const lower = new Array<string>(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    raw[i] = text.slice(tokens.start[i], tokens.end[i]);
    lower[i] = raw[i].toLowerCase();
  }
  return { doc, raw, lower };
}

/** True for a punctuation or quote-mark token. */
export function isPunct(ctx: RuleContext, t: number): boolean {
  const k = ctx.doc.tokens.kind[t];
  return k === PUNCT || k === QUOTE;
}

/** True for a token that ends a sentence: . ! ? … */
export function isTerminalToken(ctx: RuleContext, t: number): boolean {
  const w = ctx.lower[t];
  return ctx.doc.tokens.kind[t] === PUNCT && (w[0] === '.' || w === '!' || w === '?' || w === '…');
}

/** The sentence (token range) holding token `t`. */
export function sentenceAt(ctx: RuleContext, t: number): TokenRange {
  return ctx.doc.sentences[ctx.doc.sentenceOf[t]];
}

/** The last token index of quote `q`'s region (its closing mark, or the paragraph's last token). */
export function quoteEnd(ctx: RuleContext, q: number): number {
  const region = ctx.doc.quotes[q];
  return region.continues ? region.close - 1 : region.close;
}
