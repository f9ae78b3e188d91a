import type { TokenRange } from '../extract/context.js';
import type { Tokens } from '../text/tokens.js';

/** A gold article as in PolNeAR JSONL. */
export interface GoldDoc {
  id: string;
  text: string;
  date?: string;
  publisher?: string;
  attributions: GoldAttribution[];
}

/** Each role is a list of `[start, end)` UTF-16 ranges, or null. */
export interface GoldAttribution {
  id?: string;
  source: [number, number][] | null;
  cue: [number, number][] | null;
  content: [number, number][] | null;
}

/**
 * Parses PolNeAR-style JSONL text into gold documents (empty lines skipped).
 * @example parseGold('{"id":"a","text":"x","attributions":[]}\n')[0].id // 'a'
 */
export function parseGold(jsonl: string): GoldDoc[] {
  return jsonl.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
}

/**
 * The token ranges covered by character ranges (a token counts when it overlaps), one range per
 * contiguous run.
 * @example tokenRanges(tokens, [[0, 5]]) // [{start: 0, end: 1}]
 */
export function tokenRanges(tokens: Tokens, ranges: [number, number][] | null): TokenRange[] {
  if (!ranges) return [];
  const out: TokenRange[] = [];
  for (const [s, e] of ranges) {
    if (e <= s) continue;
    let lo = 0;
    let hi = tokens.count;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (tokens.end[m] <= s) lo = m + 1;
      else hi = m;
    }
    let t = lo;
    while (t < tokens.count && tokens.start[t] < e) t++;
    if (t > lo) out.push({ start: lo, end: t });
  }
  return out;
}
