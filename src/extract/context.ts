import type { AttributionKind } from '../core/types.js';
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
  /** Set by a rule that knows the kind better than the quote marks tell (a transcript's turns are direct). */
  kind?: AttributionKind;
  /**
   * True for a rule the trained model does not read as a feature (transcript turns, headline
   * speakers): where the model tagged the same cue, this candidate's spans stand ({@link combine}).
   */
  unreadByModel?: boolean;
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
  const lowered = lowerCaseWhole(text);
  const raw = new Array<string>(tokens.count);
  const lower = new Array<string>(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    raw[i] = text.slice(tokens.start[i], tokens.end[i]);
    lower[i] = lowered === null ? raw[i].toLowerCase() : lowered.slice(tokens.start[i], tokens.end[i]);
  }
  return { doc, raw, lower };
}

/** Code units whose lower case is not one unit of its own: İ (i + dot), Σ (σ, or ς at a word’s end), and surrogates, whose pairs lower-case together. */
const CONTEXTUAL_CASE = /[\u0130\u03a3\ud800-\udfff]/;

/**
 * `text` lower-cased in one call, when that gives every token the same lower case as
 * lower-casing it alone (one call over the text costs far less than one per token); else null.
 */
function lowerCaseWhole(text: string): string | null {
  return CONTEXTUAL_CASE.test(text) ? null : text.toLowerCase();
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
