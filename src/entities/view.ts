import { isUpper } from '../text/chars.js';
import type { TextDoc } from '../text/document.js';
import { WORD } from '../text/tokens.js';
import type { TitleCaseMarks } from './title-case.js';

/** A segmented text with what the speaker resolver reads per token, as flat arrays. */
export interface DocView {
  doc: TextDoc;
  /** Lower-cased token strings, filled on first use ('' until then): read them with {@link lowerAt} and {@link keyAt}. */
  lower: string[];
  /** Keys of the tokens that end in a period ("sen." → "sen"), made on first use by {@link keyAt}. */
  dotless: Map<number, string>;
  /** Title case of the clauses, worked out on first use by `isTitleCase` (title-case.ts). */
  titleCase?: TitleCaseMarks;
  /** Tokens right after an initial ("E." in "Loretta E. Lynch"), worked out on first use by `fullestForm`. */
  afterInitials?: number[];
  /** Per key asked, whether the text writes it in lower case and never capitalises it inside a sentence (`writtenInLowerCase`). */
  lowerOnly?: Map<string, boolean>;
  /** 1 for a word that starts with a capital letter, 2 for one in capitals only ("US", "NATO"). */
  cap: Uint8Array;
  /** The tokens with a capital, in order: where names can start. */
  capitals: number[];
}

/**
 * Builds the resolver's view of a segmented text; `lower` (the lower-cased tokens, when the
 * caller has them) saves computing them again.
 * @example buildView(analyzeText('NATO and Putin said.')).cap // Uint8Array [2, 0, 1, 0, 0]
 */
export function buildView(doc: TextDoc, lower?: readonly string[]): DocView {
  const { tokens, text } = doc;
  const cap = new Uint8Array(tokens.count);
  const capitals: number[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kind[i] !== WORD || !isUpper(text.charCodeAt(tokens.start[i]))) continue;
    capitals.push(i);
    let all = tokens.end[i] - tokens.start[i] > 1;
    for (let c = tokens.start[i] + 1; all && c < tokens.end[i]; c++) {
      const code = text.charCodeAt(c);
      all = code < 128 ? !(code >= 97 && code <= 122) : !isLower(code);
    }
    cap[i] = all ? 2 : 1;
  }
  const known = lower && lower.length === tokens.count ? (lower as string[]) : new Array<string>(tokens.count).fill(''); // read only: it is full
  return { doc, lower: known, dotless: new Map(), titleCase: undefined, afterInitials: undefined, lowerOnly: undefined, cap, capitals };
}

/**
 * Token `t` in lower case; '' outside the text.
 * @example lowerAt(view, 0) // 'putin'
 */
export function lowerAt(view: DocView, t: number): string {
  if (t < 0 || t >= view.cap.length) return '';
  let w = view.lower[t];
  if (w === '') {
    w = view.doc.text.slice(view.doc.tokens.start[t], view.doc.tokens.end[t]).toLowerCase();
    view.lower[t] = w;
  }
  return w;
}

/**
 * Token `t` in lower case without a final period ("Sen." → "sen"): the form the lexicons use.
 * @example keyAt(view, 0) // 'sen'
 */
export function keyAt(view: DocView, t: number): string {
  const w = lowerAt(view, t);
  if (w.length < 2 || w.charCodeAt(w.length - 1) !== 46) return w;
  let k = view.dotless.get(t);
  if (k === undefined) {
    k = w.slice(0, -1);
    view.dotless.set(t, k);
  }
  return k;
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
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

/** True for the possessive clitic token ’s / 's. */
export function isPossessive(view: DocView, t: number): boolean {
  const w = lowerAt(view, t);
  return w === '’s' || w === "'s" || w === '’' || w === "'";
}
