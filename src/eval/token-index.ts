import { TOKEN_PATTERN } from './python-text.js';

/** A `[start, end)` range in UTF-16 code units. */
export type Range = readonly [number, number];

/** A set of word-token indices. */
export type TokenSet = ReadonlySet<number>;

/**
 * The scorer's view of a text: `\w+` runs and single punctuation marks, of which only the
 * word tokens take part in comparisons. Port of `Doc` in `score_attributions.py`.
 * @example new TokenIndex('He said “no.”').toks([[8, 13]]) // Set {3}: the word "no"
 */
export class TokenIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly isWord: boolean[] = [];

  constructor(readonly text: string) {
    for (const m of text.matchAll(TOKEN_PATTERN)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
      this.isWord.push(m[1] !== undefined);
    }
  }

  /** Word tokens that any of `ranges` overlaps; empty and reversed ranges cover nothing. */
  toks(ranges: Iterable<Range>): Set<number> {
    const out = new Set<number>();
    for (const [s, e] of ranges) {
      if (e <= s) continue;
      for (let i = Math.max(0, this.lastStartAtOrBefore(s)); i < this.starts.length && this.starts[i] < e; i++) {
        if (this.ends[i] > s && this.isWord[i]) out.add(i);
      }
    }
    return out;
  }

  /** First and last word token that `range` overlaps, or null when it covers none. */
  piece(range: Range): [number, number] | null {
    const t = this.toks([range]);
    if (t.size === 0) return null;
    let first = Infinity;
    let last = -Infinity;
    for (const i of t) {
      if (i < first) first = i;
      if (i > last) last = i;
    }
    return [first, last];
  }

  /** Python's `bisect_right(starts, s) - 1`: the last token starting at or before `s`, or -1. */
  private lastStartAtOrBefore(s: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s < this.starts[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo - 1;
  }
}

/**
 * Size of the intersection of two token sets.
 * @example intersectionSize(new Set([1, 2]), new Set([2, 3])) // 1
 */
export function intersectionSize(a: TokenSet, b: TokenSet): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/**
 * True when both sets hold the same tokens (Python `frozenset ==`).
 * @example sameTokens(new Set([1, 2]), new Set([2, 1])) // true
 */
export function sameTokens(a: TokenSet, b: TokenSet): boolean {
  return a.size === b.size && intersectionSize(a, b) === a.size;
}
