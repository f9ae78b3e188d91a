import type { TokenRange } from '../context.js';
import type { PreparedDoc } from './attribution-model.js';
import { mix, mix3 } from './hash.js';
import { RULED_OUT, type MaxMarginals } from './linear.js';
import { cueHead } from './role-features.js';
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
  const inside = (i: number): boolean => i >= s.start && i < s.end;
  const word = (i: number): number => (inside(i) ? a.word[i] : NO_WORD);
  const cls = (i: number): number => (inside(i) ? a.cls[i] : OUTSIDE);
  const pos = (i: number): number => (inside(i) ? a.pos[i] : OUTSIDE);
  const { start, end } = choices[j].spans[0];
  const lemma = a.lemma[cueHead(a, cue)];
  const dl = Math.max(-3, Math.min(3, start - cue.start));
  const dr = Math.max(-3, Math.min(4, end - cue.end));
  out.push(
    mix(81, gapBucket(choices[0].score - choices[j].score, GAPS)),
    mix(82, j),
    mix(83, dl),
    mix(84, dr),
    mix3(85, dl, dr),
    mix(86, Math.min(6, end - start)),
    mix3(87, lemma, dr),
    mix3(88, lemma, dl),
    mix(89, word(end)),
    mix(90, cls(end)),
    mix(91, pos(end)),
    mix3(92, cls(end), dr),
    mix3(93, lemma, word(end)),
    mix(94, word(start - 1)),
    mix3(95, cls(start - 1), dl),
    mix(96, pos(start - 1)),
    mix(97, word(end - 1)),
    mix3(98, pos(end - 1), cls(end)),
    mix(99, word(start)),
    mix3(100, pos(start), cls(start - 1)),
    mix3(101, lemma, word(end - 1)),
    mix3(102, lemma, word(start)),
  );
  for (let i = end; i < cue.end; i++) out.push(mix(103, word(i)), mix(104, pos(i)));
  for (let i = cue.end; i < end; i++) out.push(mix(105, word(i)), mix(106, pos(i)), mix(107, cls(i)), mix3(108, lemma, word(i)));
  for (let i = cue.start; i < start; i++) out.push(mix(109, word(i)), mix(110, pos(i)));
  for (let i = start; i < cue.start; i++) out.push(mix(111, word(i)), mix(112, pos(i)), mix(113, cls(i)));
}
