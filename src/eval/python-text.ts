/**
 * The few pieces of Python text semantics the reference scorer (`score_attributions.py`) relies
 * on, reproduced exactly so that the TypeScript scorer gives the same figures.
 */

/**
 * Python's `\w` for `str` patterns: letters (L*), numbers (N*) and `_`. Checked against
 * CPython 3.11 over every code point: they differ only on characters that its Unicode 14
 * database leaves unassigned.
 */
const WORD_CLASS = String.raw`\p{L}\p{N}_`;

/** Python's `\s` and `str.isspace()`: unlike JavaScript's `\s` it holds U+001C–U+001F and U+0085, not U+FEFF. */
const SPACE_CLASS = String.raw`\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;

/**
 * The scorer's tokens: `\w+` runs (group 1) or one mark that is neither word nor space.
 * Global and sticky-free: reset `lastIndex` or use `matchAll`.
 */
export const TOKEN_PATTERN = new RegExp(`([${WORD_CLASS}]+)|[^${WORD_CLASS}${SPACE_CLASS}]`, 'gu');

const LEADING_SPACE = new RegExp(`^[${SPACE_CLASS}]+`, 'u');
const TRAILING_SPACE = new RegExp(`[${SPACE_CLASS}]+$`, 'u');

/**
 * Python's `s.strip()`.
 * @example pyStrip('\u0085 “Yes.”\u001f') // '“Yes.”'
 */
export function pyStrip(s: string): string {
  return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/**
 * Python's `s.rstrip(chars)`.
 * @example pyRstrip('“Yes.” ', '. ') // '“Yes.”'
 */
export function pyRstrip(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/**
 * Python's `format(x, f'.{digits}f')`: the exact binary value rounded half to even, where
 * `Number#toFixed` rounds exact ties up (0.0625 → '0.062' here, '0.063' there).
 * @example pyFixed(0.0625, 3) // '0.062'
 */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  // toFixed(100) is the exact expansion for any |x| ≥ 2^-47; below that nothing can tie.
  const [whole, frac] = Math.abs(x).toFixed(100).split('.');
  const kept = BigInt(whole + frac.slice(0, digits));
  const rest = frac.slice(digits);
  const last = Number(kept % 10n);
  const up = rest > '5' + '0'.repeat(rest.length - 1) || (rest === '5' + '0'.repeat(rest.length - 1) && last % 2 === 1);
  const digitsOut = (up ? kept + 1n : kept).toString().padStart(digits + 1, '0');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (digits === 0) return sign + digitsOut;
  return `${sign}${digitsOut.slice(0, -digits)}.${digitsOut.slice(-digits)}`;
}

/**
 * Python's `round(x, digits)` for floats.
 * @example pyRound(0.03125, 4) // 0.0312
 */
export function pyRound(x: number, digits: number): number {
  return Number(pyFixed(x, digits));
}

/**
 * Python's `str(value)` for what a JSON `id` can be, so ids compare as the scorer compares them.
 * JSON numbers lose the int/float distinction: `1.0` reads as `1` here and stays `'1.0'` there.
 * @example pyStr(null) // 'None'
 */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}
