import type { Candidate } from '../context.js';
import { Arena } from './arena.js';
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
  /**
   * The cues the cue tagger found (see {@link markFoundCues}), which the role tagger reads: prefix
   * counts of their first tokens; 1 for their tokens; the distance from each token to the next
   * found cue's first token after it, and from the last found cue token before it (at most 255).
   * All zero or 255 until marked.
   */
  foundCues: Int32Array;
  inFoundCue: Uint8Array;
  toFoundCue: Uint8Array;
  fromFoundCue: Uint8Array;
}

/** A cue-rate bucket from this to 10 marks a strong cue word ("said", "according"); the cue tagger reads the nearest. */
export const STRONG_CUE_RATE = 7;

/** A cue-rate bucket at or above this marks a likely cue word. */
export const LIKELY_CUE_RATE = 4;

/**
 * Builds the prefix counts and the quote-layer maps of a document.
 * @example docIndex(attrs, candidates).commas[j] - docIndex(attrs, candidates).commas[i] // commas in [i, j)
 */
export function docIndex(a: TokenAttributes, candidates: readonly Candidate[]): DocIndex {
  const n = a.count;
  // 7 Int32Arrays of n + 1, 3 of n, 3 Uint8Arrays of n (each rounded up to 4 bytes)
  const arena = new Arena(4 * (7 * (n + 1) + 3 * n) + 3 * ((n + 3) & ~3));
  const prefix = (): Int32Array => arena.int32(n + 1);
  const idx: DocIndex = {
    commas: prefix(), terminals: prefix(), quoteMarks: prefix(), likelyCues: prefix(), colons: prefix(), thats: prefix(),
    ruleContent: arena.int32(n, -1), ruleSource: arena.int32(n, -1), ruleCue: arena.int32(n, -1),
    foundCues: prefix(), inFoundCue: arena.uint8(n), toFoundCue: arena.uint8(n, 255), fromFoundCue: arena.uint8(n, 255),
  };
  // the running counts in locals, the arrays read once: the loop then reads no array it writes
  const { cls, cueRate } = a;
  const { commas, terminals, quoteMarks, likelyCues, colons, thats } = idx;
  let comma = 0, terminal = 0, quoteMark = 0, likelyCue = 0, colon = 0, that = 0;
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    const rate = cueRate[i];
    commas[i + 1] = comma += c === CLS.comma ? 1 : 0;
    terminals[i + 1] = terminal += c === CLS.terminal ? 1 : 0;
    quoteMarks[i + 1] = quoteMark += c === CLS.quoteOpen || c === CLS.quoteClose ? 1 : 0;
    likelyCues[i + 1] = likelyCue += rate >= LIKELY_CUE_RATE && rate <= 10 ? 1 : 0;
    colons[i + 1] = colon += c === CLS.colon ? 1 : 0;
    thats[i + 1] = that += c === CLS.that ? 1 : 0;
  }
  candidates.forEach((cand, k) => {
    for (const r of cand.content) idx.ruleContent.fill(k, r.start, r.end);
    if (cand.source) idx.ruleSource.fill(k, cand.source.start, cand.source.end);
    if (cand.cue) idx.ruleCue.fill(k, cand.cue.start, cand.cue.end);
  });
  return idx;
}

/**
 * Marks the cues the role tagger reads as the other statements around a cue: those the cue
 * tagger found, not its near misses. Marking again replaces the marks.
 * @example markFoundCues(prepared.index, findCues(prepared, model.cue, model.cueSlack))
 */
export function markFoundCues(idx: DocIndex, cues: readonly { start: number; end: number; nearMiss?: true }[]): void {
  const n = idx.inFoundCue.length;
  const first = new Uint8Array(n);
  idx.inFoundCue.fill(0);
  for (const c of cues) {
    if (c.nearMiss) continue;
    first[c.start] = 1;
    idx.inFoundCue.fill(1, c.start, c.end);
  }
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    idx.toFoundCue[i] = Math.min(255, next - i);
    if (first[i]) next = i;
  }
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    idx.foundCues[i + 1] = idx.foundCues[i] + first[i];
    idx.fromFoundCue[i] = Math.min(255, i - last);
    if (idx.inFoundCue[i]) last = i;
  }
}

/** Count of marked tokens strictly between positions (order-free). */
export function between(prefix: Int32Array, i: number, j: number): number {
  return i < j ? prefix[j] - prefix[i + 1] : prefix[i] - prefix[j + 1];
}
