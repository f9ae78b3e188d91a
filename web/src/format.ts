/**
 * How values read in the explorer.
 */

const KINDS: Record<string, string> = { direct: 'Direct quote', indirect: 'Reported speech', mixed: 'Quote and paraphrase' };

/**
 * A kind of attribution in words.
 * @example kindLabel('indirect') // 'Reported speech'
 */
export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}

/**
 * A `YYYY-MM-DD` date as "3 Mar 2025" (the calendar date, whatever the time zone).
 * @example formatDate('2025-03-03') // '3 Mar 2025'
 */
export function formatDate(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return date ?? 'no date';
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1];
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/**
 * A 0..1 confidence as a percentage.
 * @example formatConfidence(0.946) // '95%'
 */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * A URL that is safe to link to (http or https), or null: a stored document's URL is data,
 * and `javascript:` is not a place to go.
 * @example safeUrl('javascript:alert(1)') // null
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Shortens a long text at a word boundary, with an ellipsis.
 * @example truncate('We are not going to rush this', 12) // 'We are not…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * "1 statement", "2 statements".
 * @example plural(2, 'statement') // '2 statements'
 */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}
