/** Character classes the tokenizer and quote pairing need, by UTF-16 code unit. */

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const KNOWN = 1;
const LETTER = 2;
const NUMERAL = 4;
/** Classes of the non-ASCII code units met so far: each is tested against the regexes once. */
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  const known = classes[c]; // undefined past the end of a text (NaN): worked out, not kept
  if (known) return known;
  const s = String.fromCharCode(c);
  const k = KNOWN | (LETTER_OR_MARK.test(s) ? LETTER : 0) | (DIGIT.test(s) ? NUMERAL : 0);
  classes[c] = k;
  return k;
}

/**
 * True for letters (any script) and combining marks; surrogate halves count as letters
 * so that astral-plane letters stay inside words.
 * @example isLetter('é'.charCodeAt(0)) // true
 */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return (classOf(c) & LETTER) !== 0;
}

/** True for decimal digits of any script. */
export function isDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  return (classOf(c) & NUMERAL) !== 0;
}

/** True for an ASCII or Unicode upper-case letter. */
export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Double quotation marks: " “ ” „ « » ‟ ＂ and the low-9 variants. */
export function isDoubleQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || c === 0x201f || c === 0xff02;
}

/** Single quotation marks and apostrophes: ' ‘ ’ ‚ ‛ ` ´ ‹ ›. */
export function isSingleQuote(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 96 || c === 0xb4 || c === 0x2039 || c === 0x203a;
}

/** True for code units that may end a sentence: . ! ? … */
export function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Dashes used between clauses: - – — ― */
export function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2012;
}
