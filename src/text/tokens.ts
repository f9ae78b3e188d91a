import { isSpace } from '../core/span.js';
import { isDigit, isDoubleQuote, isLetter, isSingleQuote } from './chars.js';
import abbreviations from './data/abbreviations.json' with { type: 'json' };

/** Token kinds, stored per token in {@link Tokens.kind}. */
export const WORD = 1;
export const NUMBER = 2;
export const PUNCT = 3;
export const QUOTE = 4;

/** Tokens of a text as flat arrays of UTF-16 offsets (wink-nlp style: no object per token). */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
}

const ABBREVIATIONS = new Set([...abbreviations.titles, ...abbreviations.nonFinal, ...abbreviations.mayEnd]);
const BEFORE_NUMBER = new Set(abbreviations.beforeNumber);
/** The longest word of either set: a longer word is neither (lower-casing never shortens a string). */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS, ...BEFORE_NUMBER].map((w) => w.length));
const CLITICS = ['s', 're', 've', 'll', 'd', 'm'];
const APOSTROPHE = 0x2019;
/** US party-and-state labels keep their periods: "R-Ky.", "D-S.C.", "D-Wis." */
const PARTY_LABEL = /[RDI]-(?:(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.?)(?![\p{L}])/uy;

/**
 * Splits `text` into words, numbers, punctuation and quote marks, with offsets.
 * Clitics are split off ("Trump’s" → Trump + ’s, "don’t" → do + n’t); abbreviations keep
 * their period ("Mr.", "U.S."); two apostrophes `''` make one quote token.
 * @example tokenize('Mr. Smith’s “no.”') // Mr. | Smith | ’s | “ | no | . | ”
 */
export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, n >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let count = 0;
  const push = (s: number, e: number, k: number): void => {
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap); s2.set(start); start = s2;
      const e2 = new Int32Array(cap); e2.set(end); end = e2;
      const k2 = new Uint8Array(cap); k2.set(kind); kind = k2;
    }
    start[count] = s; end[count] = e; kind[count] = k; count++;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c < 32 || c === 127) { i++; continue; }
    if (isLetter(c) || isDigit(c) || ((c === 64 || c === 35) && i + 1 < n && isLetter(text.charCodeAt(i + 1)))) {
      if (isNegationClitic(text, i)) { push(i, i + 3, WORD); i += 3; continue; }
      const party = partyLabelEnd(text, i);
      if (party > i) { push(i, party, WORD); i = party; continue; }
      if (isUrlStart(text, i)) { const url = urlEnd(text, i); push(i, url, WORD); i = url; continue; }
      const e = wordEnd(text, i);
      push(i, e, isDigit(c) ? NUMBER : WORD);
      i = e;
      continue;
    }
    if (isSingleQuote(c)) {
      const clitic = cliticEnd(text, i);
      if (clitic > i) { push(i, clitic, WORD); i = clitic; continue; }
      const next = text.charCodeAt(i + 1);
      if ((c === 39 && next === 39) || (c === 96 && next === 96)) { push(i, i + 2, QUOTE); i += 2; continue; }
      push(i, i + 1, QUOTE); i++; continue;
    }
    if (isDoubleQuote(c)) { push(i, i + 1, QUOTE); i++; continue; }
    let e = i + 1;
    if (c === 46 || c === 45) while (e < n && text.charCodeAt(e) === c) e++; // "..." and "--"
    else if (c >= 0xd800 && c <= 0xdbff && e < n) e++; // astral symbol: keep the pair whole
    push(i, e, PUNCT);
    i = e;
  }
  return { count, start: start.subarray(0, count), end: end.subarray(0, count), kind: kind.subarray(0, count) };
}

/** End of the word starting at `i`: letters, digits, inner hyphens/apostrophes, number separators, abbreviation periods. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isLetter(c) || isDigit(c)) { j++; continue; }
    if (!mayJoin(c)) break; // a space, most often: the units around it are not read
    const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
    const prev = text.charCodeAt(j - 1);
    if ((c === 39 || c === APOSTROPHE) && isLetter(next)) {
      // "don’t": stop before the n of n’t; "Trump’s": stop before ’s; "O’Brien": go on.
      if ((prev === 110 || prev === 78) && (next === 116 || next === 84) && !isLetter(text.charCodeAt(j + 2)) && j - 1 > i) return j - 1;
      if (cliticEnd(text, j) > j) return j;
      j++; continue;
    }
    if ((c === 45 || c === 0x2010 || c === 38) && (isLetter(next) || isDigit(next)) && (isLetter(prev) || isDigit(prev))) { j++; continue; }
    if ((c === 44 || c === 46 || c === 58) && isDigit(prev) && isDigit(next)) { j++; continue; }
    if (c === 46 && isLetter(next) && initialsSoFar(text, i, j)) { j++; continue; }
    break;
  }
  if (j < n && text.charCodeAt(j) === 46 && isAbbreviation(text, i, j)) j++;
  return j;
}

/** The characters a word may go on past (wordEnd's tests below): apostrophes, hyphens, &, , . : */
function mayJoin(c: number): boolean {
  return c === 39 || c === APOSTROPHE || c === 45 || c === 0x2010 || c === 38 || c === 44 || c === 46 || c === 58;
}

/** "U.S", "a.m", "D.C": single letters joined by periods. */
function initialsSoFar(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const isDot = text.charCodeAt(k) === 46;
    if ((k - i) % 2 === 1 ? !isDot : !isLetter(text.charCodeAt(k))) return false;
  }
  return (j - i) % 2 === 1;
}

function isAbbreviation(text: string, i: number, j: number): boolean {
  if (j - i === 1) return isLetter(text.charCodeAt(i)); // an initial: "Donald J. Trump"
  if (text.charCodeAt(j - 2) === 46) return true; // "U.S" + "."
  if (j - i > LONGEST_ABBREVIATION) return false; // spares most sentence ends a string and a Set lookup
  const word = text.slice(i, j).toLowerCase();
  if (BEFORE_NUMBER.has(word)) return /^\.\s?\d/.test(text.slice(j, j + 3)); // "No. 5"
  return ABBREVIATIONS.has(word);
}

/** End of a clitic ("’s", "'re", "n’t" is handled by wordEnd) starting at the apostrophe `i`, or `i`. */
function cliticEnd(text: string, i: number): number {
  if (i === 0 || !isLetter(text.charCodeAt(i - 1))) return i;
  for (const cl of CLITICS) {
    const e = i + 1 + cl.length;
    if (spellsAt(text, i + 1, cl) && !isLetter(text.charCodeAt(e))) return e;
  }
  return i;
}

/**
 * True when `text` at `at` spells `word` (ASCII, lower case) in upper or lower case: what
 * comparing a lower-cased slice gives, without making two strings. Beyond A-Z only the Kelvin
 * sign (→ k) and İ (→ i + dot) lower-case into ASCII, and no word we look for holds k or i.
 */
function spellsAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
  }
  return true;
}

/** "n’t" at `i`, glued to a preceding word: "do|n’t", "ca|n't". */
function isNegationClitic(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 110 && c !== 78) return false; // most words: the units after are not read
  const a = text.charCodeAt(i + 1);
  const t = text.charCodeAt(i + 2);
  return (a === 39 || a === APOSTROPHE) && (t === 116 || t === 84) &&
    i > 0 && isLetter(text.charCodeAt(i - 1)) && !isLetter(text.charCodeAt(i + 3));
}

/** End of a party-and-state label ("R-Ky.") starting at `i`, or `i`. */
function partyLabelEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c !== 82 && c !== 68 && c !== 73) || text.charCodeAt(i + 1) !== 45) return i; // R- D- I-: spare the regex elsewhere
  PARTY_LABEL.lastIndex = i;
  return PARTY_LABEL.test(text) ? PARTY_LABEL.lastIndex : i;
}

/** "http://", "https://" or "www." at `i`, in any case. */
function isUrlStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20; // lower case, for an ASCII letter
  if (c === 104) return spellsAt(text, i, 'http://') || spellsAt(text, i, 'https://');
  return c === 119 && spellsAt(text, i, 'www.');
}

/** End of the URL that starts at `i`, without the punctuation after it. */
function urlEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  while (j > i && /[.,;:!?)”"’'\]]/.test(text[j - 1])) j--;
  return j;
}
