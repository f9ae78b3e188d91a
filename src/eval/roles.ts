import type { Range } from './token-index.js';
import { pyRstrip, pyStrip } from './python-text.js';

/**
 * A role as the scorer accepts it: null, a `{start, end}` object, a list of such objects, or a
 * list of `[start, end]` pairs (the gold format). Extra fields are ignored.
 */
export type RoleSpans = null | undefined | { start: number; end: number } | ReadonlyArray<{ start: number; end: number } | readonly [number, number]>;

/**
 * The ranges of a role, as `norm_spans` in `score_attributions.py` reads them. Python truncates
 * float bounds (`int(2.7) == 2`); bounds that are not numbers make Python stop with an error and
 * are skipped here.
 * @example normSpans([{start: 0, end: 4}, [9, 12]]) // [[0, 4], [9, 12]]
 */
export function normSpans(value: unknown): Range[] {
  if (value === null || typeof value !== 'object') return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const out: Range[] = [];
  for (const item of items) {
    const pair = Array.isArray(item) ? (item.length === 2 ? item : null)
      : item !== null && typeof item === 'object' && 'start' in item && 'end' in item ? [item.start, item.end] : null;
    if (!pair) continue;
    const [s, e] = [pyInt(pair[0]), pyInt(pair[1])];
    if (s !== null && e !== null) out.push([s, e]);
  }
  return out;
}

function pyInt(v: unknown): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
  return null;
}

/** How a gold content is quoted, read from its text. */
export type QuoteType = 'direct' | 'mixed' | 'indirect';

const DOUBLE_QUOTES = '"“”„«»';
const OPEN_Q = '"“„«‘\'';
const CLOSE_Q = '"”»’\'';

/**
 * Types a gold content as `att_type` in `score_attributions.py` does: direct when it opens and
 * closes with quote marks (trailing punctuation aside), mixed when it holds a quote mark
 * otherwise, indirect when it holds none. `includes('')` is true like Python's `'' in s`.
 * @example attType('He said “no.”', [[8, 13]]) // 'direct'
 */
export function attType(text: string, ranges: readonly Range[]): QuoteType {
  if (ranges.length === 0) return 'indirect';
  const s = Math.min(...ranges.map((r) => r[0]));
  const e = Math.max(...ranges.map((r) => r[1]));
  const c = pyStrip(text.slice(s, e));
  const c2 = pyRstrip(c, '.,;:!?)—–- ');
  const first = c.slice(0, 1);
  const last2 = c2.slice(-1);
  const hasDouble = [...c].some((ch) => DOUBLE_QUOTES.includes(ch));
  // ‘Single-quoted’ contents count only when the single quotes open and close them.
  if (!hasDouble && !('‘\''.includes(first) && '’\''.includes(last2))) return 'indirect';
  if (OPEN_Q.includes(first) && (CLOSE_Q.includes(last2) || CLOSE_Q.includes(c.slice(-1)))) return 'direct';
  return 'mixed';
}
