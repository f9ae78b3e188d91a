import type { AttributionKind } from '../core/types.js';
import type { TextDoc } from '../text/document.js';
import { PUNCT, QUOTE } from '../text/tokens.js';
import { FORMS, forgetFormsIfFull, formIds } from './forms.js';

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
  /** Per token, its text: one string per distinct text (the form's, see {@link FORMS}). */
  raw: string[];
  /** Per token, its text lower-cased, one string per form likewise. */
  lower: string[];
  /** Per token, its form id in {@link FORMS}, valid while the table's epoch is `formEpoch` (see {@link formsOf}). */
  form: Int32Array;
  formEpoch: number;
}

/**
 * Builds the rule context for a segmented text.
 * @example buildContext(analyzeText('“Yes,” he said.')).lower // ['“', 'yes', ',', '”', 'he', 'said', '.']
 */
export function buildContext(doc: TextDoc): RuleContext {
  forgetFormsIfFull();
  const n = doc.tokens.count;
  const form = formIds(doc);
  const raw = new Array<string>(n);
  const lower = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    raw[i] = FORMS.textOf(form[i]);
    lower[i] = FORMS.lowerOf(form[i]);
  }
  return { doc, raw, lower, form, formEpoch: FORMS.epoch };
}

/**
 * The form ids of the context's tokens in the current epoch of {@link FORMS}: its own, or
 * looked up again when the table was emptied since the context was built (its strings stay right).
 * @example formsOf(ctx)[0]
 */
export function formsOf(ctx: RuleContext): Int32Array {
  if (ctx.formEpoch !== FORMS.epoch) {
    ctx.form = formIds(ctx.doc);
    ctx.formEpoch = FORMS.epoch;
  }
  return ctx.form;
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
