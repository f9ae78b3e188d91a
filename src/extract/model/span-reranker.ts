import type { TokenRange } from '../context.js';
import type { PreparedDoc } from './attribution-model.js';
import { FeatureList } from './feature-list.js';
import { mix, mix3, mix4 } from './hash.js';
import { RULED_OUT, weightSum, type HashedWeights, type MaxMarginals } from './linear.js';
import { POS_TAGS } from './pos-tagger.js';
import { CLS, type TokenAttributes } from './token-attributes.js';
import { cueHead, ROLE, ROLE_LABELS } from './role-features.js';

/** A content (or a source) the role tagger could give a cue: its token ranges, and the score of its path. */
export interface SpanChoice {
  spans: TokenRange[];
  score: number;
}

/** Features of choice `j` among a cue's choices, appended as hashes to `out`. */
export type ChoiceFeatures = (p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList) => void;

/** The most choices kept, the decoded one included. */
const MAX_CHOICES = 5;
/**
 * The most paths traced for them when the rerankers learn (`tagRoles` with its choices): many
 * paths give a cue the same source (the one nearest to it, with another span further away), and
 * tracing every position's path cost `extract()` a third of its speed.
 */
export const MAX_TRIES = 15;
/**
 * The most paths traced for them at extraction. On dev, 6 tries give the same output as 15, and
 * 5 do not; cross-validated (the five fold models), 6, 8 and 10 tries give the same figures as 15
 * to four places but span source 0.7142 against 0.7143 at 6 and 8; 4 tries lose 0.0006 of span
 * source. `extract()` 1.007–1.046× faster over dev (mean 1.028×) than with 15.
 */
export const EXTRACTION_TRIES = 6;
/** Stands for a token before the start or after the end of the document. */
const OUTSIDE = 255;
const NO_WORD = 0x5bd1e995;
const VERB = POS_TAGS.indexOf('VERB');

/**
 * The contents (`begin` B-content) or sources (B-source) the role tagger would give a cue if one
 * token's label changed its part in them: for each window position, the best path whose label
 * there begins, continues or leaves the role otherwise than the decoded path does
 * ({@link MaxMarginals}); the distinct spans (all of a path's spans, or with `near` only the one
 * nearest to it, the first on a tie) of the best such paths (at most `maxTries` traced,
 * {@link MAX_TRIES} unless given),
 * the decoded ones first, at most {@link MAX_CHOICES}. A content choice is never empty; a source
 * choice may be (no source).
 *
 * A traced path leaves the decoded one for a few tokens only (on dev, about 2 of a window's 55),
 * so each try costs what the detour covers, not the window: the path is traced until it rejoins
 * the decoded one ({@link detour}), only the detour's positions can be covered, the best position
 * left is found from block maxima ({@link nextBest}), and the path's spans are the decoded ones
 * but around the detour ({@link pathSpans}).
 * @example spanChoices(new MaxMarginals(model.role, groups, em), window, labels, score, ROLE.BC, null)[1] // the runner-up content
 */
export function spanChoices(mm: MaxMarginals, w: TokenRange, labels: Uint8Array, score: number, begin: number, near: TokenRange | null, maxTries = MAX_TRIES): SpanChoice[] {
  const pass = choiceScratch(labels.length);
  const cue = near && { start: near.start - w.start, end: near.end - w.start };
  bestAlternatives(mm, labels, begin, pass);
  decodedPath(mm, labels, begin, pass);
  const { best, label } = pass;
  // the decoded spans: a path with no detour
  pathSpans(pass, pass.n, -1, begin, cue);
  const choices: SpanChoice[] = [{ spans: rangesOf(pass, w.start), score }];
  // Best first (the first position on a tie). A path found covers every position it passes
  // with that position's label and score (their best paths are that path), its own among them:
  // their best score goes to −∞, and the best position left is tried next.
  let i = nextBest(pass);
  for (let tries = 0; i >= 0 && choices.length < MAX_CHOICES && tries < maxTries; tries++) {
    const top = best[i];
    const from = detour(mm, labels, pass, i, label[i]);
    const to = pass.detourEnd;
    cover(pass, from, to, top);
    pathSpans(pass, from, to, begin, cue);
    for (let j = from; j <= to; j++) pass.path[j] = labels[j];
    i = nextBest(pass);
    // a list is made only for a new choice
    if ((pass.count || begin === ROLE.BS) && !holdsRanges(choices, pass, w.start)) choices.push({ spans: rangesOf(pass, w.start), score: top });
  }
  return choices;
}

/** Positions per block of {@link ChoicePass.blockBest}. */
const BLOCK = 8;

/**
 * {@link spanChoices}' working state, for a window of `n` positions: per position the best score of a label whose part
 * in the role differs from the decoded label's, and that label, with the highest of them per
 * {@link BLOCK} positions; the decoded spans; the first position whose decoded label's best path
 * (as {@link MaxMarginals.path} traces it) leaves the decoded path going back (`backBreak`: none
 * before it does, `n` when none does), and the last that leaves it going on (`aheadBreak`: none
 * after it does, −1 when none does); the path traced,
 * which holds the decoded labels but on the detour being read (`detourEnd` its last position);
 * the spans a pass found (window-relative start and end pairs, `count` of them; with a cue, the
 * nearest one's distance in `nearest`).
 */
interface ChoicePass extends DetourTrace {
  n: number;
  best: Float64Array;
  label: Uint8Array;
  blockBest: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
  decodedCount: number;
  ranges: Int32Array;
  count: number;
  nearest: number;
}

/**
 * Fills `best` and `label`: per position, the best label whose part in the role (`begin` its
 * start, `begin + 1` inside it, any other label outside) differs from the decoded label's; and
 * `blockBest`. Such a label is never the decoded one (when every score is −∞, `best` is −∞).
 * @example bestAlternatives(mm, labels, ROLE.BS, pass) // pass.best[j], pass.label[j]
 */
function bestAlternatives(mm: MaxMarginals, labels: Uint8Array, begin: number, pass: ChoicePass): void {
  const { best, label, blockBest } = pass;
  const inside = begin + 1;
  for (let j = 0; j < labels.length; j++) {
    const decoded = labels[j];
    let top = -Infinity;
    let arg = 0;
    if (decoded !== begin && decoded !== inside) {
      // outside the role (most positions): only its two labels differ
      const b = mm.score(j, begin);
      const c = mm.score(j, inside);
      if (b > top) { top = b; arg = begin; }
      if (c > top) { top = c; arg = inside; }
    } else {
      // its start or inside it: every other label differs
      for (let y = 0; y < ROLE_LABELS; y++) {
        if (y === decoded) continue;
        const s = mm.score(j, y);
        if (s > top) { top = s; arg = y; }
      }
    }
    label[j] = arg;
    best[j] = top;
    if (j % BLOCK === 0 || top > blockBest[(j / BLOCK) | 0]) blockBest[(j / BLOCK) | 0] = top;
  }
}

/** Sets block b's highest `best`. */
function blockMax(pass: ChoicePass, b: number): void {
  const { best } = pass;
  const end = Math.min(pass.n, (b + 1) * BLOCK);
  let top = -Infinity;
  for (let j = b * BLOCK; j < end; j++) if (best[j] > top) top = best[j];
  pass.blockBest[b] = top;
}

/**
 * What every try reads of the decoded path: its spans labelled `begin` (then `begin + 1` inside)
 * into `starts` and `ends`; `backBreak` and `aheadBreak`; and the decoded labels into `path`.
 */
function decodedPath(mm: MaxMarginals, labels: Uint8Array, begin: number, pass: ChoicePass): void {
  const { starts, ends } = pass;
  const n = labels.length;
  const inside = begin + 1;
  let count = 0;
  for (let j = 0; j < n; j++) {
    if (labels[j] !== begin) continue;
    let e = j + 1;
    while (e < n && labels[e] === inside) e++;
    starts[count] = j;
    ends[count++] = e;
    j = e - 1;
  }
  pass.decodedCount = count;
  traceFrom(mm, labels, pass);
  pass.count = 0;
}

/**
 * What {@link detour} reads and writes: the path traced, which holds the decoded labels but on
 * the detour being read (`detourEnd` its last position); the first position whose decoded
 * label's best path leaves the decoded path going back (`backBreak`, n when none does: for the
 * best path of `mm`, none does) and the last that leaves it going on (`aheadBreak`, −1 when none
 * does). The source and content choices' pass and the cue extents' hold one each.
 */
export interface DetourTrace {
  path: Uint8Array;
  detourEnd: number;
  backBreak: number;
  aheadBreak: number;
}

/**
 * Readies `trace` for the decoded path `labels` of `mm`: its labels in `path` (long enough), and
 * where their trace breaks.
 * @example traceFrom(mm, labels, trace); detour(mm, labels, trace, i, y)
 */
export function traceFrom(mm: MaxMarginals, labels: Uint8Array, trace: DetourTrace): void {
  const n = labels.length;
  if (trace.path.length < n) trace.path = new Uint8Array(2 * n);
  trace.path.set(labels);
  let back = 1;
  while (back < n && mm.previous(back, labels[back]) === labels[back - 1]) back++;
  trace.backBreak = back;
  let ahead = n - 2;
  while (ahead >= 0 && mm.following(ahead, labels[ahead]) === labels[ahead + 1]) ahead--;
  trace.aheadBreak = ahead;
}

/**
 * Writes into `pass.path` the best path with label y at position i where it leaves the decoded
 * path `labels`: the positions from the one returned to `pass.detourEnd`. Traced as
 * {@link MaxMarginals.path} does, each way until it reaches a decoded label from which the trace
 * goes on along the decoded path: one before `backBreak` going back, after `aheadBreak` going on
 * ({@link traceFrom}).
 * @example const from = detour(mm, labels, trace, i, y) // the detour is trace.path[from … trace.detourEnd]
 */
export function detour(mm: MaxMarginals, labels: Uint8Array, pass: DetourTrace, i: number, y: number): number {
  const { path, backBreak, aheadBreak } = pass;
  const n = labels.length;
  path[i] = y;
  let from = i;
  let x = y;
  for (let j = i; j > 0; j--) {
    x = mm.previous(j, x);
    if (x === labels[j - 1] && j - 1 < backBreak) break;
    path[(from = j - 1)] = x;
  }
  let to = i;
  x = y;
  for (let j = i; j < n - 1; j++) {
    x = mm.following(j, x);
    if (x === labels[j + 1] && j + 1 > aheadBreak) break;
    path[(to = j + 1)] = x;
  }
  pass.detourEnd = to;
  return from;
}

/**
 * Covers the positions of the detour `from`–`to` whose best label the path takes with score
 * `top` (their `best` goes to −∞). Elsewhere the path takes the decoded labels, never a
 * position's best label ({@link bestAlternatives}).
 */
function cover(pass: ChoicePass, from: number, to: number, top: number): void {
  const { best, label, path } = pass;
  for (let j = from; j <= to; j++) if (best[j] === top && path[j] === label[j]) best[j] = -Infinity;
  for (let b = Math.floor(from / BLOCK); b * BLOCK <= to; b++) blockMax(pass, b);
}

/** The position with the highest `best` (the first on a tie), −1 when none is above {@link RULED_OUT}. */
function nextBest(pass: ChoicePass): number {
  const { best, blockBest } = pass;
  let top = RULED_OUT;
  let block = -1;
  for (let b = 0; b * BLOCK < pass.n; b++) if (blockBest[b] > top) { top = blockBest[b]; block = b; }
  if (block < 0) return -1;
  let j = block * BLOCK;
  while (best[j] !== top) j++;
  return j;
}

/**
 * Writes into `ranges` the spans labelled `begin` (then `begin + 1` inside) of `pass.path`, which
 * holds the decoded labels but on `from`–`to`: all of them, or with `cue` (window-relative) only
 * the one nearest to it, the first on a tie. The decoded spans that end before the detour and
 * those that start after the scan stay as they are; the scan reads the path from the start of
 * the decoded span running into the detour (or the detour's) to the first position past it
 * outside a span.
 * @example pathSpans(pass, 4, 6, ROLE.BC, null) // pass.count spans in pass.ranges
 */
function pathSpans(pass: ChoicePass, from: number, to: number, begin: number, cue: TokenRange | null): void {
  const { path, starts, ends, decodedCount, n } = pass;
  const inside = begin + 1;
  pass.count = 0;
  pass.nearest = Infinity;
  let k = 0;
  for (; k < decodedCount && ends[k] < from; k++) addSpan(pass, cue, starts[k], ends[k]);
  let j = k < decodedCount && starts[k] < from ? starts[k] : from;
  let open = -1;
  for (; j < n; j++) {
    const y = path[j];
    if (open >= 0 && y !== inside) { addSpan(pass, cue, open, j); open = -1; }
    if (j > to && open < 0) break;
    if (y === begin) open = j;
  }
  // a span running to the window's end
  if (open >= 0) addSpan(pass, cue, open, n);
  for (; k < decodedCount; k++) if (starts[k] >= j) addSpan(pass, cue, starts[k], ends[k]);
}

/** Adds a span to a pass's: every span, or with `cue` the nearest one (the first on a tie). */
function addSpan(pass: ChoicePass, cue: TokenRange | null, start: number, end: number): void {
  if (!cue) {
    pass.ranges[2 * pass.count] = start;
    pass.ranges[2 * pass.count + 1] = end;
    pass.count++;
    return;
  }
  const d = end <= cue.start ? cue.start - end : start - cue.end;
  if (d < pass.nearest) { pass.ranges[0] = start; pass.ranges[1] = end; pass.count = 1; pass.nearest = d; }
}

/** The spans a pass found ({@link pathSpans}), as document positions (the window at `offset`). */
function rangesOf({ ranges, count }: ChoicePass, offset: number): TokenRange[] {
  const out: TokenRange[] = [];
  for (let k = 0; k < count; k++) out.push({ start: offset + ranges[2 * k], end: offset + ranges[2 * k + 1] });
  return out;
}

/** True when a choice's spans are the spans a pass found (the window at `offset`), in the same order. */
function holdsRanges(choices: readonly SpanChoice[], { ranges, count }: ChoicePass, offset: number): boolean {
  for (const { spans } of choices) {
    if (spans.length !== count) continue;
    let k = 0;
    while (k < count && spans[k].start === offset + ranges[2 * k] && spans[k].end === offset + ranges[2 * k + 1]) k++;
    if (k === count) return true;
  }
  return false;
}

/** {@link spanChoices}' working state, its arrays kept between calls (it lives only while spanChoices runs). */
const CHOICE_PASS: ChoicePass = choicePass(256);

function choicePass(size: number): ChoicePass {
  return {
    n: 0,
    best: new Float64Array(size),
    label: new Uint8Array(size),
    blockBest: new Float64Array(Math.ceil(size / BLOCK)),
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    decodedCount: 0,
    backBreak: 0,
    aheadBreak: 0,
    path: new Uint8Array(size),
    detourEnd: 0,
    ranges: new Int32Array(2 * size),
    count: 0,
    nearest: Infinity,
  };
}

/** The working state for a window of `n` positions (its arrays at least `n` long; their contents are left over). */
function choiceScratch(n: number): ChoicePass {
  if (CHOICE_PASS.best.length < n) Object.assign(CHOICE_PASS, choicePass(2 * n));
  CHOICE_PASS.n = n;
  return CHOICE_PASS;
}

/**
 * A cue's content choices: the decoded content, the contents of the best paths that change one
 * token's part in it ({@link spanChoices}), the decoded content's pieces alone
 * ({@link withPieces}) and the decoded content run on to a comma or the sentence's end
 * ({@link withRunOn}).
 * @example contentChoices(mm, window, cue, labels, score, prepared)[0].spans // the decoded content
 */
export function contentChoices(mm: MaxMarginals, w: TokenRange, cue: TokenRange, labels: Uint8Array, score: number, p: PreparedDoc, maxTries = MAX_TRIES): SpanChoice[] {
  return withRunOn(mm, w, cue, labels, withPieces(mm, w, labels, spanChoices(mm, w, labels, score, ROLE.BC, null, maxTries)), p);
}

/** The most choices once the decoded content's pieces are added ({@link withPieces}). */
const MAX_WITH_PIECES = 8;

/**
 * The content choices with, when the decoded content is in pieces, each piece alone (the path
 * with the other pieces labelled O, and its score), up to {@link MAX_WITH_PIECES} choices. Changing
 * one token's label rarely drops a whole piece, yet a wrong second piece is a common content
 * error ("The New York Times is expected to … endorse the Democratic candidate"): on train,
 * cross-validated, the gold content was one piece of the decoded one for 268 cues whose choices
 * did not hold it.
 * @example withPieces(mm, window, labels, spanChoices(mm, window, labels, score, ROLE.BC, null))
 */
export function withPieces(mm: MaxMarginals, w: TokenRange, labels: Uint8Array, choices: SpanChoice[]): SpanChoice[] {
  const decoded = choices[0].spans;
  if (decoded.length < 2) return choices;
  for (const piece of decoded) {
    if (choices.length >= MAX_WITH_PIECES) break;
    if (choices.some((c) => sameRanges(c.spans, [piece]))) continue;
    const alone = labels.slice();
    for (const other of decoded) if (other !== piece) alone.fill(ROLE.O, other.start - w.start, other.end - w.start);
    choices.push({ spans: [piece], score: mm.scoreOf(alone) });
  }
  return choices;
}

/**
 * The content choices with the decoded content run on to the next comma or, before one, to its
 * sentence's end (final stops and closing quote marks left out), over tokens the decoded path
 * labels O, neither the cue nor another found cue among them (a content run over another
 * statement's cue would drop that statement as nested: cross-validated, indirect recall 0.7046
 * with such run-ons, 0.7054 without). A content cut short at a comma is the commonest content error
 * the choices could not mend ("the coalition to increase its efforts against the Islamic State" |
 * ", also known as ISIS, ISIL and Daesh"): cross-validated, 271 of the cues whose choices did not
 * hold the gold content stopped before a comma.
 * @example withRunOn(mm, window, cue, labels, choices, prepared)
 */
export function withRunOn(mm: MaxMarginals, w: TokenRange, cue: TokenRange, labels: Uint8Array, choices: SpanChoice[], p: PreparedDoc): SpanChoice[] {
  const decoded = choices[0].spans;
  const last = decoded[decoded.length - 1];
  const { cls } = p.attrs;
  let end = Math.min(p.ctx.doc.sentences[p.ctx.doc.sentenceOf[last.end - 1]].end, w.end);
  for (let i = last.end + 1; i < end; i++) if (cls[i] === CLS.comma) { end = i; break; }
  while (end > last.end && (cls[end - 1] === CLS.terminal || cls[end - 1] === CLS.quoteClose)) end--;
  if (end <= last.end || (cue.start < end && last.end < cue.end)) return choices;
  for (let i = last.end; i < end; i++) if (labels[i - w.start] !== ROLE.O || p.index.inFoundCue[i]) return choices;
  const spans = [...decoded.slice(0, -1), { start: last.start, end }];
  if (choices.some((c) => sameRanges(c.spans, spans))) return choices;
  const longer = labels.slice();
  longer.fill(ROLE.IC, last.end - w.start, end - w.start);
  choices.push({ spans, score: mm.scoreOf(longer) });
  return choices;
}

/**
 * True when two lists of ranges are the same ranges in the same order.
 * @example sameRanges([{start: 1, end: 3}], [{start: 1, end: 3}]) // true
 */
export function sameRanges(a: readonly TokenRange[], b: readonly TokenRange[]): boolean {
  return a.length === b.length && a.every((r, k) => r.start === b[k].start && r.end === b[k].end);
}

/**
 * The ranges of the spans labelled `begin` (then `begin + 1` inside) in a window's labels.
 * @example spansOf(Uint8Array.of(0, 3, 4, 0), 10, ROLE.BC) // [{start: 11, end: 13}]
 */
export function spansOf(labels: Uint8Array, offset: number, begin: number): TokenRange[] {
  const out: TokenRange[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== begin) continue;
    let j = i + 1;
    while (j < labels.length && labels[j] === begin + 1) j++;
    out.push({ start: offset + i, end: offset + j });
    i = j - 1;
  }
  return out;
}

/**
 * The index of the choice a reranker scores highest with these features (the first on a tie, so
 * the decoded one when nothing speaks against it).
 * @example content = choices[bestChoice(model.reranker, prepared, cue, choices, contentFeatures)].spans
 */
export function bestChoice(reranker: HashedWeights, p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], features: ChoiceFeatures): number {
  return choices.length < 2 ? 0 : argmax(choiceScores(reranker, p, cue, choices, features));
}

/**
 * A reranker's score of each choice: the sum of its features' weights.
 * @example choiceScores(model.reranker, prepared, cue, choices, contentFeatures)[0] // the decoded content's
 */
export function choiceScores(reranker: HashedWeights, p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], features: ChoiceFeatures): Float64Array {
  const feats = FEATS;
  const out = new Float64Array(choices.length);
  for (let j = 0; j < choices.length; j++) {
    feats.length = 0;
    features(p, cue, choices, j, feats);
    out[j] = weightSum(reranker, feats.hashes, 0, feats.length);
  }
  return out;
}

/**
 * {@link choiceScores}' and {@link contentScores}' features, a list kept between calls and
 * emptied per choice (or per part of one), which keeps its storage. A fresh `number[]` per call
 * grew from empty for every cue: on dev, content choices scored 1.1–1.2× faster without it.
 */
const FEATS = new FeatureList(1024);

/** The index of the highest score, the first on a tie. */
export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < scores.length; j++) if (scores[j] > scores[best]) best = j;
  return best;
}

/** A cue's choices with their reranker's scores. */
export interface ScoredChoices {
  choices: readonly SpanChoice[];
  scores: ArrayLike<number>;
}

/**
 * The content and source whose reranker scores sum highest among the pairs that share no token
 * (the first on a tie), null when every pair overlaps. PolNeAR gives each token one role, yet
 * the two rerankers choose apart: cross-validated, 201 of 19,083 candidates had a content over
 * their source, and one of the two was wrong in all but a few.
 * @example disjointPair(contents, sources)?.source
 */
export function disjointPair(contents: ScoredChoices, sources: ScoredChoices): { content: TokenRange[]; source: TokenRange | null } | null {
  let best: { content: TokenRange[]; source: TokenRange | null } | null = null;
  let bestScore = -Infinity;
  for (let a = 0; a < contents.choices.length; a++) {
    for (let b = 0; b < sources.choices.length; b++) {
      const content = contents.choices[a].spans;
      const source = sources.choices[b].spans[0] ?? null;
      const score = contents.scores[a] + sources.scores[b];
      if (score > bestScore && !(source && overlaps(content, source))) { best = { content, source }; bestScore = score; }
    }
  }
  return best;
}

/**
 * True when a range shares a token with one of the ranges.
 * @example overlaps([{ start: 1, end: 4 }], { start: 3, end: 5 }) // true
 */
export function overlaps(ranges: readonly TokenRange[], r: TokenRange): boolean {
  return ranges.some((x) => x.start < r.end && r.start < x.end);
}

/**
 * Hashed features of choice `j` among a cue's choices: what the role tagger cannot see token by
 * token ({@link spanFeatures}, its rank first): its rank and score gap to the decoded content;
 * how far it lies from the cue, on which side; its length, pieces, sentences, verbs and found
 * cues; the decoded content's pieces it drops (side, length, how they start and end); how it
 * starts ({@link startFeatures}) and ends ({@link endFeatures}).
 * @example contentFeatures(prepared, cue, choices, 1, feats)
 */
export function contentFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
  spanFeatures(p, cue, choices, j, out);
  startFeatures(p, cue, choices, j, out);
  endFeatures(p, cue, choices, j, out);
}

/**
 * A content choice's features that only its first token decides (the cue's and the decoded
 * content's being the same for all): word classes, parts of speech and words at and before it,
 * on which side of the cue, with the cue's head lemma, and its shift against the decoded start.
 * @example startFeatures(prepared, cue, choices, 1, feats)
 */
function startFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
  const a = p.attrs;
  const first = choices[j].spans[0].start;
  const side = first >= cue.end ? 1 : 0;
  const lemma = a.lemma[cueHead(a, cue)];
  const ds = shift(first - choices[0].spans[0].start);
  const clsBefore = clsAt(a, first - 1);
  const clsFirst = clsAt(a, first);
  const posBefore = posAt(a, first - 1);
  const posFirst = posAt(a, first);
  const h = out.room(11);
  let n = out.length;
  h[n++] = mix3(4, side, clsFirst);
  h[n++] = mix3(5, side, clsBefore);
  h[n++] = mix4(6, side, clsBefore, clsFirst);
  h[n++] = mix3(17, lemma, clsFirst);
  h[n++] = mix3(18, wordAt(a, first - 1), side);
  h[n++] = mix3(20, side, posFirst);
  h[n++] = mix3(21, side, posBefore);
  h[n++] = mix3(24, posBefore, posFirst);
  h[n++] = mix(26, wordAt(a, first));
  h[n++] = mix(29, ds);
  h[n++] = mix3(32, ds, clsFirst);
  out.close(n);
}

/**
 * A content choice's features that only its end and its side of the cue decide: word classes,
 * parts of speech and words at its last token and after it, a sentence end after it, with the
 * cue's head lemma, and its shift against the decoded end.
 * @example endFeatures(prepared, cue, choices, 1, feats)
 */
function endFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
  const a = p.attrs;
  const spans = choices[j].spans;
  const side = spans[0].start >= cue.end ? 1 : 0;
  const end = spans[spans.length - 1].end;
  const decoded = choices[0].spans;
  const lemma = a.lemma[cueHead(a, cue)];
  const de = shift(end - decoded[decoded.length - 1].end);
  const sentenceOf = p.ctx.doc.sentenceOf;
  const endsSentence = end >= a.count || sentenceOf[end] !== sentenceOf[end - 1] ? 1 : 0;
  const clsLast = clsAt(a, end - 1);
  const clsAfter = clsAt(a, end);
  const posLast = posAt(a, end - 1);
  const posAfter = posAt(a, end);
  const h = out.room(12);
  let n = out.length;
  h[n++] = mix3(7, side, clsLast);
  h[n++] = mix3(8, side, clsAfter);
  h[n++] = mix4(9, side, clsLast, clsAfter);
  h[n++] = mix3(16, endsSentence, clsLast);
  h[n++] = mix(19, wordAt(a, end));
  h[n++] = mix3(22, side, posLast);
  h[n++] = mix3(23, side, posAfter);
  h[n++] = mix3(25, posLast, posAfter);
  h[n++] = mix(27, wordAt(a, end - 1));
  h[n++] = mix3(28, lemma, clsAfter);
  h[n++] = mix(30, de);
  h[n++] = mix3(33, de, clsAfter);
  out.close(n);
}

/**
 * A content choice's features beside those of its start and end: its rank and score gap; how
 * far it lies from the cue; its length (with the cue's head lemma too), pieces, sentences, verbs
 * and found cues; both its shifts against the decoded content; and the decoded pieces it drops.
 * @example spanFeatures(prepared, cue, choices, 1, feats)
 */
function spanFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
  const a = p.attrs;
  const c = choices[j];
  const spans = c.spans;
  const first = spans[0].start;
  const end = spans[spans.length - 1].end;
  const decoded = choices[0].spans;
  const side = first >= cue.end ? 1 : 0;
  const lemma = a.lemma[cueHead(a, cue)];
  const { length, sentences, found, verbs } = tokenCounts(p, spans);
  const lb = lengthBucket(length);
  const ds = shift(first - decoded[0].start);
  const de = shift(end - decoded[decoded.length - 1].end);
  const pieces = Math.min(spans.length, 3);
  const h = out.room(11 + 3 * decoded.length);
  let n = out.length;
  h[n++] = mix(1, Math.min(j, 4));
  h[n++] = mix(2, gapBucket(choices[0].score - c.score));
  h[n++] = mix(3, pieces);
  h[n++] = mix3(10, side, Math.min(4, side ? first - cue.end : cue.start - end));
  h[n++] = mix3(11, side, lb);
  h[n++] = mix3(12, lb, lemma);
  h[n++] = mix(13, Math.min(sentences, 3));
  h[n++] = mix(14, Math.min(found, 2));
  h[n++] = mix(15, Math.min(verbs, 3));
  h[n++] = mix3(31, ds, de);
  h[n++] = mix4(34, pieces, Math.min(decoded.length, 3), side);
  // the decoded pieces this choice drops: which side, how long, how they start and end
  for (const r of decoded) {
    if (overlaps(spans, r)) continue;
    const at = r.start >= cue.end ? 1 : 0;
    h[n++] = mix4(35, at, lengthBucket(r.end - r.start), clsAt(a, r.start));
    h[n++] = mix4(36, at, clsAt(a, r.end - 1), clsAt(a, r.end));
    h[n++] = mix3(37, at, wordAt(a, r.start));
  }
  out.close(n);
}

/**
 * {@link choiceScores} with {@link contentFeatures}, the same scores: the weights of a loaded
 * model are integers, so the sums of a choice's parts add up to its sum exactly, and the
 * features of a start ({@link startFeatures}) or an end on a side of the cue
 * ({@link endFeatures}) that an earlier choice has are not hashed and summed again (dev: 3.1
 * starts and 2.0 ends among a cue's 5.4 choices). A model in training (float weights) sums every
 * choice's features.
 * @example contentScores(model.reranker, prepared, cue, choices)[0] // the decoded content's
 */
export function contentScores(reranker: HashedWeights, p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[]): Float64Array {
  if (!(reranker.weights instanceof Int8Array)) return choiceScores(reranker, p, cue, choices, contentFeatures);
  const feats = FEATS;
  const sums = partSums(choices.length);
  const out = new Float64Array(choices.length);
  for (let j = 0; j < choices.length; j++) {
    const spans = choices[j].spans;
    const first = spans[0].start;
    const end = spans[spans.length - 1].end;
    let s = -1;
    let e = -1;
    for (let k = 0; k < j; k++) {
      const other = choices[k].spans;
      if (s < 0 && other[0].start === first) s = k;
      if (e < 0 && other[other.length - 1].end === end && (other[0].start >= cue.end) === (first >= cue.end)) e = k;
    }
    sums.start[j] = s >= 0 ? sums.start[s] : partSum(reranker, startFeatures, p, cue, choices, j, feats);
    sums.end[j] = e >= 0 ? sums.end[e] : partSum(reranker, endFeatures, p, cue, choices, j, feats);
    out[j] = sums.start[j] + sums.end[j] + partSum(reranker, spanFeatures, p, cue, choices, j, feats);
  }
  return out;
}

/** The sum of the weights of one part of a choice's features, made in `feats` (emptied first). */
function partSum(reranker: HashedWeights, part: ChoiceFeatures, p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, feats: FeatureList): number {
  feats.length = 0;
  part(p, cue, choices, j, feats);
  return weightSum(reranker, feats.hashes, 0, feats.length);
}

/** {@link contentScores}' sums of each choice's start and end features, kept between calls. */
let PART_SUMS = { start: new Float64Array(16), end: new Float64Array(16) };

function partSums(n: number): typeof PART_SUMS {
  if (PART_SUMS.start.length < n) PART_SUMS = { start: new Float64Array(2 * n), end: new Float64Array(2 * n) };
  return PART_SUMS;
}

/** Scratch for {@link tokenCounts}' result (read at once by its caller). */
const COUNTS = { length: 0, sentences: 0, found: 0, verbs: 0 };

/**
 * Over a choice's spans: its tokens, the sentences they run through (a sentence counted again
 * after a gap in another), the tokens in found cues and the verbs. The result is a shared
 * object, overwritten by the next call.
 * @example tokenCounts(prepared, [{ start: 3, end: 9 }]).verbs
 */
function tokenCounts(p: PreparedDoc, spans: readonly TokenRange[]): typeof COUNTS {
  const pos = p.attrs.pos;
  const inFoundCue = p.index.inFoundCue;
  const sentenceOf = p.ctx.doc.sentenceOf;
  let length = 0;
  let verbs = 0;
  let found = 0;
  let sentences = 0;
  let lastSentence = -1;
  for (const r of spans) {
    length += r.end - r.start;
    for (let i = r.start; i < r.end; i++) {
      if (pos[i] === VERB) verbs++;
      found += inFoundCue[i];
      if (sentenceOf[i] !== lastSentence) { sentences++; lastSentence = sentenceOf[i]; }
    }
  }
  COUNTS.length = length;
  COUNTS.sentences = sentences;
  COUNTS.found = found;
  COUNTS.verbs = verbs;
  return COUNTS;
}

/**
 * Hashed features of source choice `j` among a cue's choices (one span, or none): its rank and
 * score gap; none at all, with the cue's head lemma; otherwise on which side of the cue and how
 * far, how it starts and ends (word classes, parts of speech, words at and around both ends),
 * its length (with the lemma too), whether it holds a comma, a relative word, a verb or a found
 * cue, whether the quote layer made it a source, and where it starts and ends against the
 * decoded source.
 * @example sourceFeatures(prepared, cue, choices, 1, feats)
 */
export function sourceFeatures(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], j: number, out: FeatureList): void {
  const a = p.attrs;
  const c = choices[j];
  const lemma = a.lemma[cueHead(a, cue)];
  const h = out.room(22);
  let n = out.length;
  h[n++] = mix(51, Math.min(j, 4));
  h[n++] = mix(52, gapBucket(choices[0].score - c.score));
  if (!c.spans.length) {
    h[n++] = mix(53, 1);
    h[n++] = mix3(54, lemma, 1);
    out.close(n);
    return;
  }
  const { start: first, end } = c.spans[0];
  const side = first >= cue.end ? 1 : 0;
  const { cls, pos } = a;
  const { inFoundCue, ruleSource } = p.index;
  let commas = 0;
  let relatives = 0;
  let verbs = 0;
  let found = 0;
  let ruled = 0;
  for (let i = first; i < end; i++) {
    if (cls[i] === CLS.comma) commas++;
    if (cls[i] === CLS.relative) relatives++;
    if (pos[i] === VERB) verbs++;
    found += inFoundCue[i];
    if (ruleSource[i] >= 0) ruled++;
  }
  const lb = lengthBucket(end - first);
  const decoded = choices[0].spans[0];
  h[n++] = mix3(55, side, Math.min(4, side ? first - cue.end : cue.start - end));
  h[n++] = mix3(56, side, clsAt(a, first));
  h[n++] = mix3(57, side, clsAt(a, first - 1));
  h[n++] = mix3(58, side, clsAt(a, end - 1));
  h[n++] = mix3(59, side, clsAt(a, end));
  h[n++] = mix3(60, side, posAt(a, first));
  h[n++] = mix3(61, side, posAt(a, first - 1));
  h[n++] = mix3(62, side, posAt(a, end - 1));
  h[n++] = mix3(63, side, posAt(a, end));
  h[n++] = mix(64, wordAt(a, first));
  h[n++] = mix(65, wordAt(a, end - 1));
  h[n++] = mix(66, wordAt(a, first - 1));
  h[n++] = mix(67, wordAt(a, end));
  h[n++] = mix3(68, side, lb);
  h[n++] = mix3(69, lemma, lb);
  h[n++] = mix4(70, Math.min(commas, 3), Math.min(relatives, 1), Math.min(verbs, 2));
  h[n++] = mix(71, Math.min(found, 1));
  h[n++] = mix(72, ruled === 0 ? 0 : ruled === end - first ? 2 : 1);
  h[n++] = mix(73, decoded ? shift(first - decoded.start) : 99);
  h[n++] = mix(74, decoded ? shift(end - decoded.end) : 99);
  out.close(n);
}

/**
 * A token's word class, {@link OUTSIDE} before the document's start or after its end. Plain
 * functions of the attributes, not closures made per call: the rerankers score ~25,000 choices
 * per pass over dev.
 * @example clsAt(prepared.attrs, -1) // OUTSIDE
 */
function clsAt(a: TokenAttributes, i: number): number {
  return i >= 0 && i < a.count ? a.cls[i] : OUTSIDE;
}

/** A token's part of speech, {@link OUTSIDE} outside the document ({@link clsAt}). */
function posAt(a: TokenAttributes, i: number): number {
  return i >= 0 && i < a.count ? a.pos[i] : OUTSIDE;
}

/** A token's word hash, {@link NO_WORD} outside the document ({@link clsAt}). */
function wordAt(a: TokenAttributes, i: number): number {
  return i >= 0 && i < a.count ? a.word[i] : NO_WORD;
}

/** Path scores run in the hundreds (dev: median gap to the decoded path 351, 10 % under 123, 5 % over 708). */
const GAPS = [0, 25, 50, 100, 150, 200, 300, 400, 600, 800];

/**
 * The bucket of a score gap: how many of the ascending bounds it exceeds.
 * @example gapBucket(120, [0, 25, 50, 100, 150]) // 4
 */
export function gapBucket(gap: number, bounds: readonly number[] = GAPS): number {
  let b = 0;
  while (b < bounds.length && gap > bounds[b]) b++;
  return b;
}

function lengthBucket(n: number): number {
  return n <= 3 ? n : n <= 6 ? 4 : n <= 12 ? 5 : n <= 25 ? 6 : n <= 50 ? 7 : 8;
}

/** A boundary's shift against the decoded content's: 0, or its sign with 1, 2, 3–5 or more tokens. */
function shift(d: number): number {
  if (d === 0) return 0;
  const m = Math.abs(d);
  return (d < 0 ? 10 : 20) + (m <= 2 ? m : m <= 5 ? 3 : 4);
}
