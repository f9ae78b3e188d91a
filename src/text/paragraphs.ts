/** A paragraph: a char range `[start, end)` with no surrounding whitespace. */
export interface Range {
  start: number;
  end: number;
}

const BLANK_LINE = /\n[ \t\u00a0]*\r?\n|\r\r|\u2029/;

/**
 * Splits text into paragraphs. Texts that use blank lines between paragraphs are split
 * there only (a single newline is a wrap, or a break that the sentence splitter handles);
 * texts with no blank line split at every line break.
 * @example findParagraphs('a\n\nb') // [{start: 0, end: 1}, {start: 3, end: 4}]
 */
export function findParagraphs(text: string): Range[] {
  const separator = BLANK_LINE.test(text) ? /(?:\r?\n[ \t\u00a0]*){2,}|\r{2,}|\u2029+/g : /[\r\n\u2028\u2029]+/g;
  const out: Range[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    pushTrimmed(text, from, m.index, out);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}
