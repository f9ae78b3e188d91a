import type { TokenRange } from '../context.js';
import type { PreparedDoc } from './attribution-model.js';
import { mix, mix3 } from './hash.js';
import { RULED_OUT, type MaxMarginals } from './linear.js';
import { cueHead } from './role-features.js';
import type { TokenAttributes } from './token-attributes.js';
import { gapBucket, sameRanges, spansOf, type SpanChoice } from './span-reranker.js';

/** The cue tagger's B label (I is B + 1, O is 0). */
const CUE_B = 1;
/** The most extents a found cue chooses from, the decoded one included. */
const MAX_EXTENTS = 3;
/** The positions whose other labels are tried: from 4 tokens before a found cue to 5 after it. */
const BEFORE = 4;
const AFTER = 5;
/** Stands for a token outside the cue's sentence. */
const OUTSIDE = 255;
const NO_WORD = 0x5bd1e995;
/** Cue path scores run in the tens (a near miss is a token within 21 of being a cue). */
const GAPS = [0, 3, 6, 10, 15, 22, 30, 45, 60, 90, 130];

/**
 * The extents the cue tagger would give a found cue, the decoded one first: for each position
 * from {@link BEFORE} tokens before the cue to {@link AFTER} after it, and each other label there,
 * the best path through that label ({@link MaxMarginals}); its cue run over the found cue is an
 * extent. Best paths first, distinct extents, at most {@link MAX_EXTENTS}, none reaching into a
 * neighbouring cue (`lo`–`hi`: the free tokens around it). Positions are the sentence's, `offset`
 * its first token.
 * @example extentChoices(mm, labels, 3, 4, 0, labels.length, sentence.start, best.score)[1] // "said of" for "said"
 */
export function extentChoices(mm: MaxMarginals, labels: Uint8Array, start: number, end: number, lo: number, hi: number, offset: number, score: number): SpanChoice[] {
  const choices: SpanChoice[] = [{ spans: [{ start: offset + start, end: offset + end }], score }];
  const alternatives: { i: number; y: number; score: number }[] = [];
  for (let i = Math.max(lo, start - BEFORE); i < Math.min(hi, end + AFTER); i++) {
    for (let y = 0; y < 3; y++) if (y !== labels[i]) alternatives.push({ i, y, score: mm.score(i, y) });
  }
  alternatives.sort((a, b) => b.score - a.score); // stable: the first position and label on a tie
  for (const alt of alternatives) {
    if (choices.length >= MAX_EXTENTS || !(alt.score > RULED_OUT)) break;
    const run = spansOf(mm.path(alt.i, alt.y), 0, CUE_B).find((r) => r.start < end && start < r.end);
    if (!run || run.start < lo || run.end > hi) continue;
    const spans = [{ start: offset + run.start, end: offset + run.end }];
    if (!choices.some((c) => sameRanges(c.spans, spans))) choices.push({ spans, score: alt.score });
  }
  return choices;
}

/**
 * A sentence's cue labels (`best`, the decoded path of `mm`) with each decoded cue's extent the
 * one `pick` chooses (an index) among its {@link extentChoices}; an extent never reaches into the
 * next cue, nor back into the one before (as chosen).
 * @example chooseExtents(mm, mm.best(), sentence, (cue, choices) => bestChoice(reranker, prepared, cue, choices, extentFeatures))
 */
export function chooseExtents(mm: MaxMarginals, best: { labels: Uint8Array; score: number }, s: TokenRange, pick: (cue: TokenRange, choices: SpanChoice[]) => number): Uint8Array {
  const decoded = best.labels;
  const labels = decoded.slice();
  const cues = spansOf(decoded, 0, CUE_B);
  let lo = 0;
  cues.forEach(({ start: i, end: j }, k) => {
    const hi = k + 1 < cues.length ? cues[k + 1].start : decoded.length;
    const choices = extentChoices(mm, decoded, i, j, lo, hi, s.start, best.score);
    const { start, end } = choices[pick({ start: s.start + i, end: s.start + j }, choices)].spans[0];
    labels.fill(0, i, j);
    labels.fill(CUE_B + 1, start - s.start, end - s.start);
    labels[start - s.start] = CUE_B;
    lo = end - s.start;
  });
  return labels;
}

/**
 * Hashed features of extent `j` among a found cue's extents (`cue` is the decoded one): its
 * rank and score gap; how far each end moved, with the head word's lemma too; its length; the
 * words, classes and parts of speech at and around both ends, within the sentence; the tokens it
 * adds or drops on each side ("said" → "said of": "of" added on the right).
 * @example extentFeatures(prepared, cue, choices, 1, feats)
 */
export function extentFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: number[]): void {
  const a = p.attrs;
  const s = p.ctx.doc.sentences[p.ctx.doc.sentenceOf[cue.start]];
  const { start, end } = choices[j].spans[0];
  const lemma = a.lemma[cueHead(a, cue)];
  const dl = Math.max(-3, Math.min(3, start - cue.start));
  const dr = Math.max(-3, Math.min(4, end - cue.end));
  const clsAfter = clsIn(a, s, end);
  const clsBefore = clsIn(a, s, start - 1);
  const wordAfter = wordIn(a, s, end);
  const wordLast = wordIn(a, s, end - 1);
  const wordFirst = wordIn(a, s, start);
  let n = out.length;
  out[n++] = mix(81, gapBucket(choices[0].score - choices[j].score, GAPS));
  out[n++] = mix(82, j);
  out[n++] = mix(83, dl);
  out[n++] = mix(84, dr);
  out[n++] = mix3(85, dl, dr);
  out[n++] = mix(86, Math.min(6, end - start));
  out[n++] = mix3(87, lemma, dr);
  out[n++] = mix3(88, lemma, dl);
  out[n++] = mix(89, wordAfter);
  out[n++] = mix(90, clsAfter);
  out[n++] = mix(91, posIn(a, s, end));
  out[n++] = mix3(92, clsAfter, dr);
  out[n++] = mix3(93, lemma, wordAfter);
  out[n++] = mix(94, wordIn(a, s, start - 1));
  out[n++] = mix3(95, clsBefore, dl);
  out[n++] = mix(96, posIn(a, s, start - 1));
  out[n++] = mix(97, wordLast);
  out[n++] = mix3(98, posIn(a, s, end - 1), clsAfter);
  out[n++] = mix(99, wordFirst);
  out[n++] = mix3(100, posIn(a, s, start), clsBefore);
  out[n++] = mix3(101, lemma, wordLast);
  out[n++] = mix3(102, lemma, wordFirst);
  // the extent's tokens the decoded cue lacks, and the decoded cue's it drops (the cue's
  // tokens are all in its sentence)
  for (let i = end; i < cue.end; i++) { out[n++] = mix(103, a.word[i]); out[n++] = mix(104, a.pos[i]); }
  for (let i = cue.end; i < end; i++) { out[n++] = mix(105, a.word[i]); out[n++] = mix(106, a.pos[i]); out[n++] = mix(107, a.cls[i]); out[n++] = mix3(108, lemma, a.word[i]); }
  for (let i = cue.start; i < start; i++) { out[n++] = mix(109, a.word[i]); out[n++] = mix(110, a.pos[i]); }
  for (let i = start; i < cue.start; i++) { out[n++] = mix(111, a.word[i]); out[n++] = mix(112, a.pos[i]); out[n++] = mix(113, a.cls[i]); }
}

/**
 * A token's word hash within sentence `s`, {@link NO_WORD} outside it. Plain functions of the
 * attributes, not closures made per call (~5,500 extents per pass over dev).
 * @example wordIn(prepared.attrs, sentence, sentence.end) // NO_WORD
 */
function wordIn(a: TokenAttributes, s: TokenRange, i: number): number {
  return i >= s.start && i < s.end ? a.word[i] : NO_WORD;
}

/** A token's word class within sentence `s`, {@link OUTSIDE} outside it ({@link wordIn}). */
function clsIn(a: TokenAttributes, s: TokenRange, i: number): number {
  return i >= s.start && i < s.end ? a.cls[i] : OUTSIDE;
}

/** A token's part of speech within sentence `s`, {@link OUTSIDE} outside it ({@link wordIn}). */
function posIn(a: TokenAttributes, s: TokenRange, i: number): number {
  return i >= s.start && i < s.end ? a.pos[i] : OUTSIDE;
}
