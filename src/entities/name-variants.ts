import { DEMONYMS, HONORIFICS, ROLES, TITLE_MODIFIERS } from './lexicon.js';

/** Single words that can open a name without being part of it: titles, honorifics, modifiers. */
const LEADING = new Set<string>([...HONORIFICS.keys(), ...TITLE_MODIFIERS, 'the']);
for (const phrase of ROLES.keys()) for (const w of phrase.split(' ')) if (w !== 'of') LEADING.add(w.replace(/\./g, ''));
for (const d of DEMONYMS.keys()) if (!d.includes(' ')) LEADING.add(d);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'phd', 'md']);

/**
 * The comparison form of a person or organisation name: lower case, no diacritics, no
 * punctuation (periods dropped, other marks as spaces), without a trailing possessive ’s,
 * leading titles and modifiers ("Special US envoy", "Mrs.", "the") or suffixes ("Jr."). The
 * last word is never stripped. Idempotent.
 * @example normalizeName('Special US envoy Steve Witkov’s') // 'steve witkov'
 */
export function normalizeName(name: string): string {
  const s = /^[\x20-\x7e’‘]*$/.test(name) ? squeezeAscii(name) : name.normalize('NFKD').replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.,;:!?)\]]+$/u, '')
    .replace(/['’‘`]s$/u, '') // "Putin’s" → "Putin"; "Jones’" loses its mark below
    .replace(/['’‘`.]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // s: words with single spaces between them; [from, to) keeps whole words, at least one
  let from = 0;
  let to = s.length;
  for (let space = s.lastIndexOf(' '); space >= from && SUFFIXES.has(s.slice(space + 1, to)); space = s.lastIndexOf(' ', space - 1)) to = space;
  for (let space = s.indexOf(' '); space >= 0 && space < to && LEADING.has(s.slice(from, space)); space = s.indexOf(' ', space + 1)) from = space + 1;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/**
 * {@link normalizeName}'s replacements in one pass, for a name in printable ASCII (and ’ ‘):
 * lower case, trailing punctuation and a final ’s go, apostrophes and periods go, every other run
 * of marks becomes one space. Built from character codes, so that the result is a one-byte
 * string even when the name is a slice of a text with curly quotes (which V8 lower-cases slowly).
 * @example squeezeAscii("U.S. and O’Neill’s.") // 'us and oneill'
 */
function squeezeAscii(name: string): string {
  let end = name.length;
  while (end > 0 && isTrailing(name.charCodeAt(end - 1))) end--;
  if (end > 1 && (name.charCodeAt(end - 1) | 32) === 115 && isApostrophe(name.charCodeAt(end - 2))) end -= 2; // ’s, ’S
  const codes: number[] = [];
  let gap = false;
  for (let i = 0; i < end; i++) {
    const c = name.charCodeAt(i);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (isAlphanumeric(lower)) {
      if (gap && codes.length) codes.push(32);
      gap = false;
      codes.push(lower);
    } else if (c !== 46 && !isApostrophe(c)) {
      gap = true;
    }
  }
  return String.fromCharCode(...codes);
}

/** Space . , ; : ! ? ) ] */
function isTrailing(c: number): boolean {
  return c === 32 || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93;
}

/** ' ’ ‘ ` */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 96;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * True when `a` and `b` probably name the same person, allowing spelling variants (doubled
 * letters, -ov/-off, -sky/-skyy, ph/f, a vowel or two in long names) and a shorter form: the
 * surnames must match, and every other word of the shorter name must match a word of the
 * longer one, in order (an initial matches its word). Identical names are variants.
 * @example areNameVariants('Dosa Jabari', 'Jabbari') // true
 * @example areNameVariants('Trump', 'Truman') // false
 */
export function areNameVariants(a: string, b: string): boolean {
  return areWordVariants(normalizeName(a).split(' '), normalizeName(b).split(' '));
}

/**
 * {@link areNameVariants} on names already normalised and split into words.
 * @example areWordVariants(['dosa', 'jabari'], ['jabbari']) // true
 */
export function areWordVariants(wa: readonly string[], wb: readonly string[]): boolean {
  if (!wa[0] || !wb[0]) return false;
  const short = wa.length <= wb.length ? wa : wb;
  const long = short === wa ? wb : wa;
  if (!areSpellingVariants(short[short.length - 1], long[long.length - 1])) return false;
  let j = long.length - 2;
  for (let i = short.length - 2; i >= 0; i--) {
    while (j >= 0 && !wordsMatch(short[i], long[j])) j--;
    if (j < 0) return false;
    j--;
  }
  return true;
}

function wordsMatch(x: string, y: string): boolean {
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return areSpellingVariants(x, y);
}

/**
 * True when two single words (already normalised) are probably one name spelled two ways:
 * equal {@link spellingKey}s, or, for long words, keys with the same consonants that differ by
 * one vowel (two from seven letters): "Mohammed" / "Muhammad".
 * @example areSpellingVariants('witkov', 'witkoff') // true
 */
export function areSpellingVariants(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length < 4 || y.length < 4 || Math.abs(x.length - y.length) > 3) return false;
  const kx = cachedKey(x);
  const ky = cachedKey(y);
  if (kx === ky) return true;
  const shorter = Math.min(kx.length, ky.length);
  if (shorter < 6 || kx[0] !== ky[0] || !sameConsonants(kx, ky)) return false;
  return editDistance(kx, ky, 2) <= (shorter >= 7 ? 2 : 1);
}

/**
 * A key that spelling variants of a name share: ph→f, ck/c/q→k, x→ks, dh→d, y→i, ou→u,
 * doubled letters single, a final -ov/-ow/-off → -of. Equal keys imply variants (not the
 * converse), so the corpus can bucket names by it.
 * @example spellingKey('zelenskyy') // 'zelenski'
 */
export function spellingKey(word: string): string {
  return word
    .replace(/^ye/, 'e')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/dh/g, 'd')
    .replace(/c(?![eihy])/g, 'k')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/ou/g, 'u')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiou])[vwf]$/, '$1f');
}

const KEYS = new Map<string, string>();

function cachedKey(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    if (KEYS.size > 50_000) KEYS.clear();
    key = spellingKey(word);
    KEYS.set(word, key);
  }
  return key;
}

/** The two keys have the same letters once their vowels are left out (compared in place: this runs for every pair of long names). */
function sameConsonants(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isVowel(a.charCodeAt(i))) i++;
    while (j < b.length && isVowel(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}
