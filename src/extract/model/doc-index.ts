import type { Candidate } from '../context.js';
import { CLS, type TokenAttributes } from './token-attributes.js';

/**
 * Prefix counts over a document, so "how many commas (quote marks, sentence ends, likely cues)
 * lie between token i and the cue" is O(1); and the quote layer's findings per token.
 */
export interface DocIndex {
  commas: Int32Array;
  terminals: Int32Array;
  quoteMarks: Int32Array;
  likelyCues: Int32Array;
  colons: Int32Array;
  thats: Int32Array;
  /** Per token: the quote-layer candidate whose content holds it, or -1. */
  ruleContent: Int32Array;
  /** Per token: the quote-layer candidate whose source holds it, or -1. */
  ruleSource: Int32Array;
  /** Per token: the quote-layer candidate whose cue holds it, or -1. */
  ruleCue: Int32Array;
}

/** A cue-rate bucket at or above this marks a likely cue word. */
export const LIKELY_CUE_RATE = 4;

/**
 * Builds the prefix counts and the quote-layer maps of a document.
 * @example docIndex(attrs, candidates).commas[j] - docIndex(attrs, candidates).commas[i] // commas in [i, j)
 */
export function docIndex(a: TokenAttributes, candidates: readonly Candidate[]): DocIndex {
  const n = a.count;
  const idx: DocIndex = {
    commas: new Int32Array(n + 1), terminals: new Int32Array(n + 1), quoteMarks: new Int32Array(n + 1),
    likelyCues: new Int32Array(n + 1), colons: new Int32Array(n + 1), thats: new Int32Array(n + 1),
    ruleContent: new Int32Array(n).fill(-1), ruleSource: new Int32Array(n).fill(-1), ruleCue: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    const c = a.cls[i];
    idx.commas[i + 1] = idx.commas[i] + (c === CLS.comma ? 1 : 0);
    idx.terminals[i + 1] = idx.terminals[i] + (c === CLS.terminal ? 1 : 0);
    idx.quoteMarks[i + 1] = idx.quoteMarks[i] + (c === CLS.quoteOpen || c === CLS.quoteClose ? 1 : 0);
    idx.likelyCues[i + 1] = idx.likelyCues[i] + (a.cueRate[i] >= LIKELY_CUE_RATE && a.cueRate[i] <= 10 ? 1 : 0);
    idx.colons[i + 1] = idx.colons[i] + (c === CLS.colon ? 1 : 0);
    idx.thats[i + 1] = idx.thats[i] + (c === CLS.that ? 1 : 0);
  }
  candidates.forEach((cand, k) => {
    for (const r of cand.content) idx.ruleContent.fill(k, r.start, r.end);
    if (cand.source) idx.ruleSource.fill(k, cand.source.start, cand.source.end);
    if (cand.cue) idx.ruleCue.fill(k, cand.cue.start, cand.cue.end);
  });
  return idx;
}

/** Count of marked tokens strictly between positions (order-free). */
export function between(prefix: Int32Array, i: number, j: number): number {
  return i < j ? prefix[j] - prefix[i + 1] : prefix[i] - prefix[j + 1];
}
