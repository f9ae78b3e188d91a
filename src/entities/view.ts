import { isUpper } from '../text/chars.js';
import type { TextDoc } from '../text/document.js';
import { WORD } from '../text/tokens.js';

/** A segmented text with what the speaker resolver reads per token, as flat arrays. */
export interface DocView {
  doc: TextDoc;
  /** Lower-cased token strings. */
  lower: string[];
  /** 1 for a word that starts with a capital letter. */
  cap: Uint8Array;
}

/**
 * Builds the resolver's view of a segmented text.
 * @example buildView(analyzeText('Putin said.')).cap // Uint8Array [1, 0, 0]
 */
export function buildView(doc: TextDoc): DocView {
  const { tokens, text } = doc;
  const lower = new Array<string>(tokens.count);
  const cap = new Uint8Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    lower[i] = text.slice(tokens.start[i], tokens.end[i]).toLowerCase();
    if (tokens.kind[i] === WORD && isUpper(text.charCodeAt(tokens.start[i]))) cap[i] = 1;
  }
  return { doc, lower, cap };
}

/**
 * The token range `[start, end)` that a character span covers, or null when it covers none.
 * @example tokenRange(view, {start: 0, end: 5}) // {start: 0, end: 1}
 */
export function tokenRange(view: DocView, span: { start: number; end: number }): { start: number; end: number } | null {
  const { start, end, count } = view.doc.tokens;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end[mid] <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < count && start[e] < span.end) e++;
  return e > lo ? { start: lo, end: e } : null;
}

/** The original text of tokens `[s, e)`. */
export function textOf(view: DocView, s: number, e: number): string {
  return view.doc.text.slice(view.doc.tokens.start[s], view.doc.tokens.end[e - 1]);
}

/** True for the possessive clitic token ’s / 's. */
export function isPossessive(view: DocView, t: number): boolean {
  const w = view.lower[t];
  return w === '’s' || w === "'s" || w === '’' || w === "'";
}
