import type { Span } from './types.js';

/**
 * The span of `text` between two offsets.
 * @example makeSpan('he said', 3, 7) // {start: 3, end: 7, text: 'said'}
 */
export function makeSpan(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Narrows `[start, end)` so it neither starts nor ends with whitespace.
 * @example trimRange(' ab ', 0, 4) // [1, 3]
 */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * True when the two spans share at least one code unit.
 * @example overlaps({start: 0, end: 3}, {start: 2, end: 5}) // true
 */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorts spans by start, then end, in place, and returns them.
 * @example sortSpans([{start: 5, end: 6}, {start: 1, end: 2}])
 */
export function sortSpans<T extends { start: number; end: number }>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True for the whitespace code units that separate tokens (including NBSP). */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
    code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0xfeff;
}
