import type { TokenRange } from '../context.js';
import type { PreparedDoc } from './attribution-model.js';
import type { FeatureList } from './feature-list.js';
import { mix, mix3 } from './hash.js';
import { RULED_OUT, type MaxMarginals } from './linear.js';
import { cueHead } from './role-features.js';
import type { TokenAttributes } from './token-attributes.js';
import { detour, gapBucket, spansOf, traceFrom, type DetourTrace, type SpanChoice } from './span-reranker.js';

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
 *
 * A traced path leaves the decoded one (`labels`, the best path of `mm`) for a few tokens only,
 * so each try traces only that detour ({@link extentDetour}) into a copy of the decoded labels,
 * reads the cue run from a run boundary before it ({@link runOver}), and puts the decoded labels
 * back: what tracing the whole path ({@link MaxMarginals.path}) would give, for less. The
 * alternatives scanned for the best one left are those above {@link RULED_OUT} only.
 * @example extentChoices(mm, labels, 3, 4, 0, labels.length, sentence.start, best.score)[1] // "said of" for "said"
 */
export function extentChoices(mm: MaxMarginals, labels: Uint8Array, start: number, end: number, lo: number, hi: number, offset: number, score: number): SpanChoice[] {
  return choicesOver(mm, extentPass(mm, labels, CALL_PASS), labels, start, end, lo, hi, offset, score);
}

/** {@link extentChoices} with the decoded path's `pass` ({@link extentPass}), made once per sentence. */
function choicesOver(mm: MaxMarginals, pass: ExtentPass, labels: Uint8Array, start: number, end: number, lo: number, hi: number, offset: number, score: number): SpanChoice[] {
  const choices: SpanChoice[] = [{ spans: [{ start: offset + start, end: offset + end }], score }];
  const from = Math.max(lo, start - BEFORE);
  const to = Math.min(hi, end + AFTER);
  const n = labels.length;
  const { scores, order, path } = alternativesScratch(pass, Math.max(0, to - from) * 3);
  // each position's other labels above RULED_OUT, position by position and in label order
  let count = 0;
  for (let i = from; i < to; i++) {
    for (let y = 0; y < 3; y++) {
      if (y === labels[i]) continue;
      const v = mm.score(i, y);
      if (!(v > RULED_OUT)) continue;
      scores[count] = v;
      order[count++] = (i - from) * 3 + y;
    }
  }
  // best first, the first on a tie (what a stable sort gives), each taken once
  while (choices.length < MAX_EXTENTS) {
    let r = -1;
    for (let c = 0, top = -Infinity; c < count; c++) if (scores[c] > top) { top = scores[c]; r = c; }
    if (r < 0) break;
    const alt = scores[r];
    scores[r] = -Infinity;
    const k = order[r];
    const first = detour(mm, labels, pass, from + Math.floor(k / 3), k % 3);
    const last = pass.detourEnd;
    // the scan for the run over the cue starts at q (no I there, at most `start`, and before
    // the detour): a run of the path that starts before q ends by q, short of the cue
    let q = Math.min(first, start);
    while (q > 0 && path[q] === CUE_B + 1) q--;
    const run = runOver(path, n, start, end, q);
    const runEnds = run < 0 ? -1 : runEnd(path, n, run);
    for (let j = first; j <= last; j++) path[j] = labels[j];
    if (run < lo) continue; // none over the cue (−1), or reaching into the cue before
    if (runEnds > hi) continue;
    if (!holds(choices, offset + run, offset + runEnds)) choices.push({ spans: [{ start: offset + run, end: offset + runEnds }], score: alt });
  }
  return choices;
}

/** Whether a choice (of one span each) is `start`–`end`. */
function holds(choices: readonly SpanChoice[], start: number, end: number): boolean {
  for (const c of choices) if (c.spans[0].start === start && c.spans[0].end === end) return true;
  return false;
}

/**
 * The start of the first cue run (B, then I) of a path's first `n` labels that overlaps `start`–`end`; −1 when none does.
 * The scan starts at `q`, a position that is 0 or holds no I and is at most `start` (no run before it reaches `start`).
 */
function runOver(path: Uint8Array, n: number, start: number, end: number, q: number): number {
  for (let i = q; i < end && i < n; i++) {
    if (path[i] !== CUE_B) continue;
    const e = runEnd(path, n, i);
    if (start < e) return i;
    i = e - 1;
  }
  return -1;
}

/** The end of the cue run that starts at `i` (the first position after it that is not I). */
function runEnd(path: Uint8Array, n: number, i: number): number {
  let e = i + 1;
  while (e < n && path[e] === CUE_B + 1) e++;
  return e;
}

/**
 * {@link extentChoices}' working state, in buffers kept between calls (they live only while a
 * sentence's choices are made): the alternatives' scores, and their index (position × 3 + label)
 * in `order`; and the trace of the decoded path's detours ({@link DetourTrace}).
 */
interface ExtentPass extends DetourTrace {
  scores: Float64Array;
  order: Uint16Array;
}

/** A fresh {@link ExtentPass}. */
function newPass(): ExtentPass {
  return { scores: new Float64Array(64), order: new Uint16Array(64), path: new Uint8Array(256), detourEnd: 0, backBreak: 0, aheadBreak: 0 };
}

/** {@link chooseExtents}' pass, and {@link extentChoices}' own (so that a `pick` may call it). */
const SENTENCE_PASS = newPass();
const CALL_PASS = newPass();

/** `pass` made the working state for the decoded path `labels` of `mm` ({@link traceFrom}). */
function extentPass(mm: MaxMarginals, labels: Uint8Array, pass: ExtentPass): ExtentPass {
  traceFrom(mm, labels, pass);
  return pass;
}

/** `pass`, with room for `alternatives` scores. */
function alternativesScratch(pass: ExtentPass, alternatives: number): ExtentPass {
  if (pass.scores.length < alternatives) {
    pass.scores = new Float64Array(2 * alternatives);
    pass.order = new Uint16Array(2 * alternatives);
  }
  return pass;
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
  const pass = extentPass(mm, decoded, SENTENCE_PASS);
  let lo = 0;
  cues.forEach(({ start: i, end: j }, k) => {
    const hi = k + 1 < cues.length ? cues[k + 1].start : decoded.length;
    const choices = choicesOver(mm, pass, decoded, i, j, lo, hi, s.start, best.score);
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
export function extentFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
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
  // 22 features, and up to 4 per token added or dropped on each side
  const h = out.room(22 + 4 * (Math.abs(end - cue.end) + Math.abs(start - cue.start)));
  let n = out.length;
  h[n++] = mix(81, gapBucket(choices[0].score - choices[j].score, GAPS));
  h[n++] = mix(82, j);
  h[n++] = mix(83, dl);
  h[n++] = mix(84, dr);
  h[n++] = mix3(85, dl, dr);
  h[n++] = mix(86, Math.min(6, end - start));
  h[n++] = mix3(87, lemma, dr);
  h[n++] = mix3(88, lemma, dl);
  h[n++] = mix(89, wordAfter);
  h[n++] = mix(90, clsAfter);
  h[n++] = mix(91, posIn(a, s, end));
  h[n++] = mix3(92, clsAfter, dr);
  h[n++] = mix3(93, lemma, wordAfter);
  h[n++] = mix(94, wordIn(a, s, start - 1));
  h[n++] = mix3(95, clsBefore, dl);
  h[n++] = mix(96, posIn(a, s, start - 1));
  h[n++] = mix(97, wordLast);
  h[n++] = mix3(98, posIn(a, s, end - 1), clsAfter);
  h[n++] = mix(99, wordFirst);
  h[n++] = mix3(100, posIn(a, s, start), clsBefore);
  h[n++] = mix3(101, lemma, wordLast);
  h[n++] = mix3(102, lemma, wordFirst);
  // the extent's tokens the decoded cue lacks, and the decoded cue's it drops (the cue's
  // tokens are all in its sentence)
  for (let i = end; i < cue.end; i++) { h[n++] = mix(103, a.word[i]); h[n++] = mix(104, a.pos[i]); }
  for (let i = cue.end; i < end; i++) { h[n++] = mix(105, a.word[i]); h[n++] = mix(106, a.pos[i]); h[n++] = mix(107, a.cls[i]); h[n++] = mix3(108, lemma, a.word[i]); }
  for (let i = cue.start; i < start; i++) { h[n++] = mix(109, a.word[i]); h[n++] = mix(110, a.pos[i]); }
  for (let i = start; i < cue.start; i++) { h[n++] = mix(111, a.word[i]); h[n++] = mix(112, a.pos[i]); h[n++] = mix(113, a.cls[i]); }
  out.close(n);
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
