import { mapPacked } from '../../core/arrays.js';
import type { Candidate, RuleContext, TokenRange } from '../context.js';
import { cueFeatures, CUE_LABELS } from './cue-features.js';
import { docIndex, markFoundCues, type DocIndex } from './doc-index.js';
import { FORCED_OUT, MarginalTables, MaxMarginals, viterbiRequiring, type HashedWeights, type LinearModel } from './linear.js';
import { argmax, bestChoice, choiceScores, contentChoices, contentScores, disjointPair, EXTRACTION_TRIES, MAX_TRIES, overlaps, sourceFeatures, spanChoices, spansOf, type ScoredChoices, type SpanChoice } from './span-reranker.js';
import { chooseExtents, extentFeatures } from './cue-extent.js';
import { nearMissKeeper } from './near-miss.js';
import { EmissionSink } from './feature-buffer.js';
import { calibrationInputs, probability, type Calibration } from './calibration.js';
import { roleEmissions, type RoleDocument } from './role-emissions.js';
import { ROLE, roleGroups, roleWindow } from './role-features.js';
import type { PosModel } from './pos-tagger.js';
import { tokenAttributes, type CueLexicon, type TokenAttributes } from './token-attributes.js';
import { WORD } from '../../text/tokens.js';

/** The trained model: a cue tagger, a role tagger that reads one cue at a time, and the learned cue lexicon. */
export interface AttributionModel {
  cue: LinearModel;
  role: LinearModel;
  lexicon: CueLexicon;
  /** The part-of-speech tagger whose tags the two taggers read (none in models trained without one). */
  pos?: PosModel;
  /**
   * Tokens the cue tagger labels O but whose cue score is within this slack of O still go to the
   * role tagger, which keeps them only if it finds content (and the near-miss filter, when the
   * model has one, only if it keeps them): recall for rare cues ("pledged").
   */
  cueSlack: number;
  /** When the best role path has no source, the best path with one is taken if it scores within this slack. */
  sourceSlack?: number;
  /** Maps the taggers' margins to a probability (the attribution's confidence). */
  calibration?: Calibration;
  /** Chooses each cue's content among the role tagger's best paths ({@link contentChoices}); none in older models. */
  reranker?: HashedWeights;
  /** Chooses each cue's source the same way ({@link sourceFeatures}); none in older models. */
  sourceReranker?: HashedWeights;
  /** Chooses each found cue's extent among the cue tagger's best paths ({@link extentFeatures}); none in older models. */
  cueReranker?: HashedWeights;
  /**
   * Keeps or drops each near miss's tagging ({@link nearMissKeeper}), so that the slack can reach
   * far for recall: a near miss stays when the filter scores keeping it above dropping it by more
   * than {@link AttributionModel.nearMissThreshold}. None in older models (every near miss stays).
   */
  nearMissFilter?: HashedWeights;
  nearMissThreshold?: number;
}

/** A cue found by the cue tagger, with its margin over the runner-up label. */
export interface ScoredCue extends TokenRange {
  margin: number;
  /**
   * A near miss: a word the tagger labelled O, sent on because its cue score was within the slack
   * (one token, or with the extents' reranker the cue run of the best path that makes it part of a cue).
   */
  nearMiss?: true;
}

/**
 * Everything the model needs about one document, computed once.
 * @example const prepared = prepare(ctx, model.lexicon, quoteCandidates)
 */
export interface PreparedDoc {
  ctx: RuleContext;
  attrs: TokenAttributes;
  index: DocIndex;
  /**
   * Per role model, what the role emissions keep of the document for all its cues (static scores,
   * token records); they read the found cues' marks, so marking them again resets it.
   */
  roleStatic?: WeakMap<LinearModel, RoleDocument>;
}

/** Computes token attributes (parts of speech with `pos`) and indices for a document. */
export function prepare(ctx: RuleContext, lexicon: CueLexicon, quoteCandidates: readonly Candidate[], pos: PosModel | null = null): PreparedDoc {
  const attrs = tokenAttributes(ctx, lexicon, pos);
  return { ctx, attrs, index: docIndex(attrs, quoteCandidates) };
}

/**
 * Runs the cue tagger sentence by sentence. With an extent reranker (`extents`), each found
 * cue's extent is its choice among the tagger's best paths ({@link chooseExtents}), and each near
 * miss takes the cue run of the best path that makes it part of a cue ({@link missExtent}).
 * @example findCues(prepared, model.cue, model.cueSlack, model.cueReranker)
 */
export function findCues(p: PreparedDoc, cue: LinearModel, slack = 0, extents?: HashedWeights): ScoredCue[] {
  const out: ScoredCue[] = [];
  const scores = cueScores(p, cue, cueScoresScratch(p.attrs.count));
  for (const s of p.ctx.doc.sentences) {
    const em = scores.subarray(s.start * CUE_LABELS, s.end * CUE_LABELS);
    const { groups, path, tables } = cueScratch(s.end - s.start);
    // The max-marginals' forward pass decodes (Viterbi's path); with an extent reranker, their
    // backward pass runs when the extents or the near misses read it: for a sentence with a cue
    // or a near miss (dev: 2,316 of 3,320).
    const mm = new MaxMarginals(cue, groups, em, tables);
    const best = mm.best(path);
    const decoded = best.labels;
    const misses = slack > 0 ? nearMisses(p, s, decoded, em, slack) : [];
    const labels = extents && decoded.includes(1) ? chooseExtents(mm, best, s, (c, choices) => bestChoice(extents, p, c, choices, extentFeatures)) : decoded;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== 1) continue;
      let j = i + 1;
      while (j < labels.length && labels[j] === 2) j++;
      let margin = Infinity;
      for (let k = i; k < j; k++) margin = Math.min(margin, em[k * CUE_LABELS + labels[k]] - em[k * CUE_LABELS]);
      out.push({ start: s.start + i, end: s.start + j, margin });
      i = j - 1;
    }
    for (const k of misses) {
      if (labels[k] !== 0) continue; // a chosen extent took it
      const { start, end } = extents ? missExtent(mm, decoded, labels, k) : { start: k, end: k + 1 };
      out.push({ start: s.start + start, end: s.start + end, margin: em[k * CUE_LABELS + 1] - em[k * CUE_LABELS], nearMiss: true });
    }
  }
  return out;
}

/** The words of a sentence the tagger labelled O but would make a cue for less than `slack` (sentence positions). */
function nearMisses(p: PreparedDoc, s: TokenRange, decoded: Uint8Array, em: Float32Array, slack: number): number[] {
  const out: number[] = [];
  const kind = p.ctx.doc.tokens.kind;
  for (let k = 0; k < decoded.length; k++) {
    if (decoded[k] !== 0 || kind[s.start + k] !== WORD) continue;
    if (em[k * CUE_LABELS + 1] - em[k * CUE_LABELS] > -slack) out.push(k);
  }
  return out;
}

/**
 * A near miss's extent (sentence positions): the cue run over k of the best path that makes k part
 * of a cue, starting one ("support" → "support for") or inside one ("offense" → "took offense"),
 * over tokens that no cue holds, decoded or chosen. The path is traced from k only as far as the
 * run goes (each step as {@link MaxMarginals.path} takes it), not over the whole sentence.
 * @example missExtent(mm, decoded, labels, 7) // { start: 6, end: 8 }: "took offense" for "offense" at 7
 */
export function missExtent(mm: MaxMarginals, decoded: Uint8Array, labels: Uint8Array, k: number): TokenRange {
  const n = decoded.length;
  const free = (i: number): boolean => decoded[i] === 0 && labels[i] === 0;
  // the run's end on the best path with label y at k
  const ends = (y: number, start: number): TokenRange => {
    let end = k + 1;
    for (let x = y; end < n; end++) {
      x = mm.following(end - 1, x);
      if (x !== 2 || !free(end)) break;
    }
    return { start, end };
  };
  if (mm.score(k, 2) > mm.score(k, 1)) {
    let start = k;
    let x = 2;
    while (start > 0 && x === 2) {
      const before = mm.previous(start, x);
      if (before === 0 || !free(start - 1)) break;
      x = before;
      start--;
    }
    if (x === 1) return ends(2, start);
  }
  return ends(1, k);
}

/**
 * The cue tagger's emission scores for every token of a document, `n × 3`, sentence by sentence
 * in one sink and one array (one per sentence made `extract()` about 1.02× slower: typed arrays
 * are costly to allocate), `into` when given (n × 3 zeros). A sentence's scores are
 * `.subarray(s.start * 3, s.end * 3)`.
 * @example viterbi(model.cue, new Uint8Array(s.end - s.start), cueScores(prepared, model.cue).subarray(s.start * 3, s.end * 3))
 */
export function cueScores(p: PreparedDoc, cue: LinearModel, into?: Float32Array): Float32Array {
  const sink = new EmissionSink(cue, p.attrs.count, true, into);
  if (p.attrs.count >= WARM_FROM) warm(cue.weights);
  for (const s of p.ctx.doc.sentences) {
    sink.seek(s.start);
    cueFeatures(p.ctx, p.attrs, s, sink);
  }
  return sink.scores;
}

/**
 * {@link findCues}' cue scores for n tokens, zeros in a buffer kept between calls (nothing it
 * returns holds them): a document's array of its own was allocated outside V8's heap, some
 * microseconds each time.
 */
function cueScoresScratch(n: number): Float32Array {
  if (CUE_SCORES.length < n * CUE_LABELS) CUE_SCORES = new Float32Array(2 * n * CUE_LABELS);
  return CUE_SCORES.subarray(0, n * CUE_LABELS).fill(0);
}

let CUE_SCORES = new Float32Array(4096 * CUE_LABELS);

/**
 * From this many tokens, {@link cueScores} reads its weights in order first ({@link warm}): some
 * 5,000 lookups (23 per token) and more. {@link candidates} reads the role tagger's so too, when
 * there are cues to tag: extract() 1.002-1.053× faster over dev (mean 1.026×) than with the cue
 * tagger's alone.
 */
const WARM_FROM = 200;

/** What {@link warm} read, kept so that the reads are not dropped as unused. */
let warmed = 0;

/**
 * Reads one weight in each 64 bytes (a cache line), in order. The cue tagger's lookups fall at
 * random over its weights (384 KB for 2^17 buckets × 3 labels), which the other stages push out
 * of the cache between documents: each lookup of a line not read yet waited for memory. Read in
 * order, the lines come at memory bandwidth (the hardware prefetches them) and the lookups find
 * them in the cache: extract() 1.00-1.03× faster over dev (mean 1.018×). The extents reranker's
 * 128 KB, read so before {@link chooseExtents}, gained nothing.
 */
function warm(weights: Float32Array | Int8Array): void {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 64) sum += weights[i];
  warmed += sum;
}

/** A cue's role tagging: the candidate, and the scores of its path and of the all-O path. */
export interface RoleTagging {
  candidate: Candidate;
  cue: ScoredCue;
  pathScore: number;
  nullScore: number;
  /** The contents the reranker chose from, the decoded one first (when asked for). */
  choices?: SpanChoice[];
  /** The sources the source reranker chose from, the decoded one first (when asked for). */
  sourceChoices?: SpanChoice[];
  /** The source reranker's choices with its scores (with a source reranker), for {@link sourcesOutsideContents}. */
  scoredSources?: ScoredChoices;
  /** For a near miss the near-miss filter kept, the filter's margin over its threshold ({@link nearMissKeeper}). */
  filterMargin?: number;
}

/**
 * Tags the source and content of one cue; null when the tagger finds no content. With rerankers
 * in the model, the content and the source are their choices ({@link contentChoices}, and the
 * best paths' sources, {@link spanChoices}), as a pair that shares no token ({@link disjointPair});
 * `withChoices` keeps those choices in the tagging (for training). The choices are traced from up
 * to `tries` paths each: {@link EXTRACTION_TRIES} unless `withChoices`, {@link MAX_TRIES} for
 * training (the rerankers learn from them, and the calibration and the near-miss filter from
 * taggings made so, which keeps the trained model as it was). With `keep`, the decoded
 * tagging (before the rerankers) goes to it first: null comes back unless it gives a margin
 * above 0, which the tagging keeps as its `filterMargin`.
 * @example tagRoles(prepared, model, cue)
 */
export function tagRoles(p: PreparedDoc, model: AttributionModel, cue: ScoredCue, withChoices = false, keep?: (decoded: RoleTagging) => number, tries = withChoices ? MAX_TRIES : EXTRACTION_TRIES): RoleTagging | null {
  const { role } = model;
  const w = roleWindow(p.ctx, cue);
  const scratch = taggingScratch(w.end - w.start, role.labels);
  const decoded = decodeRoles(p, model, cue, w, scratch);
  if (!decoded) return null;
  let { content, source } = decoded;
  const { labels, tagging } = decoded;
  const pathScore = tagging.pathScore;
  if (keep) {
    const margin = keep({ candidate: candidateOf(cue, content, source), ...tagging });
    if (!(margin > 0)) return null;
    tagging.filterMargin = margin;
  }
  // The rerankers read every position's max-marginals. Decoding made their forward pass (and their
  // backward pass, to price a source); the backward pass runs when first read, so a tagging with
  // no content, or one `keep` drops, never pays for it.
  const rerankContent = model.reranker !== undefined || withChoices;
  const rerankSource = model.sourceReranker !== undefined || withChoices;
  const mm = rerankContent || rerankSource ? decoded.mm : null;
  let contents: ScoredChoices | null = null;
  let sources: ScoredChoices | null = null;
  if (mm && rerankContent) {
    const choices = contentChoices(mm, w, cue, labels, pathScore, p, tries);
    if (model.reranker) {
      contents = { choices, scores: contentScores(model.reranker, p, cue, choices) };
      content = choices[argmax(contents.scores)].spans;
    }
    if (withChoices) tagging.choices = choices;
  }
  if (mm && rerankSource) {
    const choices = spanChoices(mm, w, labels, pathScore, ROLE.BS, cue, tries);
    if (model.sourceReranker) {
      sources = { choices, scores: choiceScores(model.sourceReranker, p, cue, choices, sourceFeatures) };
      source = choices[argmax(sources.scores)].spans[0] ?? null;
    }
    if (withChoices) tagging.sourceChoices = choices;
  }
  // a token has one role: a source over the content gives way to the best pair without overlap
  if (contents && sources && source && overlaps(content, source)) ({ content, source } = disjointPair(contents, sources) ?? { content, source });
  if (sources) tagging.scoredSources = sources;
  return { candidate: candidateOf(cue, content, source), ...tagging };
}

/** A cue's decoded role tagging over a window ({@link decodeRoles}). */
interface DecodedRoles {
  labels: Uint8Array;
  content: TokenRange[];
  source: TokenRange | null;
  tagging: Omit<RoleTagging, 'candidate'>;
  /** The decoding's max-marginals: their backward pass runs when first read ({@link MaxMarginals.withBackward}). */
  mm: MaxMarginals;
}

/**
 * The role tagger's best path for a cue over window `w` (Viterbi's, decoded as the forward pass
 * of {@link MaxMarginals}), with the best path that has a source when that costs less than the
 * model's source slack; null when it finds no content. Emissions, groups and marginals live in
 * `scratch`.
 */
function decodeRoles(p: PreparedDoc, model: AttributionModel, cue: ScoredCue, w: TokenRange, scratch: Scratch): DecodedRoles | null {
  const { role } = model;
  const sourceSlack = model.sourceSlack ?? 0;
  const { em, groups, labels: decoded } = scratch;
  roleEmissions(p, role, cue, w, em);
  roleGroups(cue, w, p.attrs, groups);
  // cue tokens can only be O ({@link cueForcing})
  for (let k = (cue.start - w.start) * role.labels; k < (cue.end - w.start) * role.labels; k++) if (k % role.labels !== ROLE.O) em[k] = FORCED_OUT;
  const mm = new MaxMarginals(role, groups, em, scratch.mm);
  const best = mm.best(decoded);
  let labels = best.labels;
  let pathScore = best.score;
  if (!labels.includes(ROLE.BS) && sourceSlack > 0) {
    // Most attributions have a source: take the best path with one unless it costs too much. The
    // max-marginals give its score up to rounding (far below 1), and most cost too much by more
    // than 1 (dev: 629 of 723), so they need not be decoded.
    if (mm.bestWith(ROLE.BS) > best.score - sourceSlack - 1) {
      const withSource = viterbiRequiring(role, groups, em, ROLE.BS);
      if (withSource && best.score - withSource.score < sourceSlack) ({ labels, score: pathScore } = withSource);
    }
  }
  const content = spansOf(labels, w.start, ROLE.BC);
  if (!content.length) return null;
  const source = nearest(spansOf(labels, w.start, ROLE.BS), cue);
  return { labels, content, source, tagging: { cue, pathScore, nullScore: allOutsideScore(role, groups, em) }, mm };
}

/**
 * A near miss's first test, before {@link tagRoles} reads its window: true when the near-miss
 * filter (`keep`) keeps its tagging over the cue's sentence alone, or when its window is that
 * sentence (the window's test decides). On dev, that skips 1,069 of the 1,634 near misses'
 * windows and tags about half their tokens; the filter drops all but a few hundred there, and
 * on the full windows it keeps all it kept without the test but one.
 * @example passesScreen(prepared, model, nearMiss, keep) && tagRoles(prepared, model, nearMiss, false, keep)
 */
export function passesScreen(p: PreparedDoc, model: AttributionModel, cue: ScoredCue, keep: (decoded: RoleTagging) => number): boolean {
  const w = roleWindow(p.ctx, cue);
  const s = p.ctx.doc.sentences[p.ctx.doc.sentenceOf[cue.start]];
  const sw = { start: Math.max(w.start, s.start), end: Math.min(w.end, Math.max(s.end, cue.end)) };
  if (sw.start === w.start && sw.end === w.end) return true; // the window is the sentence: the window's test decides
  const d = decodeRoles(p, model, cue, sw, taggingScratch(sw.end - sw.start, model.role.labels));
  return d !== null && keep({ candidate: candidateOf(cue, d.content, d.source), ...d.tagging }) > 0;
}

/**
 * {@link findCues}' buffers for a sentence of n tokens: its transition groups (all 0: the cue
 * tagger has one), its decoded path and the max-marginals' tables (the role tagger's, free
 * between its taggings). Up to {@link CUE_BUFFERS_UP_TO} tokens, the groups and the path are
 * made once per length and kept, not taken from the role tagger's scratch (three typed arrays
 * made per sentence, and the groups filled with 0).
 */
function cueScratch(n: number): { groups: Uint8Array; path: Uint8Array; tables: MarginalTables } {
  if (n > CUE_BUFFERS_UP_TO) {
    const { groups, labels: path, mm: tables } = taggingScratch(n, CUE_LABELS);
    return { groups: groups.fill(0), path, tables };
  }
  if (SCRATCH.mm.cells < n * CUE_LABELS) SCRATCH.mm = new MarginalTables(2 * n * CUE_LABELS);
  const kept = (CUE_BUFFERS[n] ??= { groups: new Uint8Array(n), path: new Uint8Array(n) });
  return { groups: kept.groups, path: kept.path, tables: SCRATCH.mm };
}

/** The cue tagger's groups (never written) and paths by sentence length (at most some 66 KB in all). */
const CUE_BUFFERS: { groups: Uint8Array; path: Uint8Array }[] = [];
const CUE_BUFFERS_UP_TO = 256;

/**
 * A tagging's emissions, groups, max-marginals and decoded labels, in buffers kept between calls: they live only while
 * {@link tagRoles} runs, or {@link findCues} handles one sentence (nothing either returns holds them). A typed array over 64 bytes gets its own
 * buffer outside V8's heap, which costs about 0.5 µs: several per cue were 3–4 % of `extract()`.
 */
const SCRATCH = { em: new Float32Array(1024), bytes: new Uint8Array(512), mm: new MarginalTables(256 * 5) };

interface Scratch {
  em: Float32Array;
  groups: Uint8Array;
  labels: Uint8Array;
  mm: MarginalTables;
}

function taggingScratch(n: number, L: number): Scratch {
  if (SCRATCH.bytes.length < 2 * n) SCRATCH.bytes = new Uint8Array(4 * n);
  if (SCRATCH.em.length < n * L) SCRATCH.em = new Float32Array(2 * n * L);
  if (SCRATCH.mm.cells < n * L) SCRATCH.mm = new MarginalTables(2 * n * L);
  return { em: SCRATCH.em.subarray(0, n * L), groups: SCRATCH.bytes.subarray(0, n), labels: SCRATCH.bytes.subarray(n, 2 * n), mm: SCRATCH.mm };
}

function candidateOf(cue: ScoredCue, content: TokenRange[], source: TokenRange | null): Candidate {
  return {
    content,
    cue: { start: cue.start, end: cue.end },
    source,
    confidence: 1 / (1 + Math.exp(-cue.margin / 4)),
    provenance: ['model.cue-role'],
    quotes: [],
  };
}

/** Score of labelling every position O. */
function allOutsideScore(role: LinearModel, groups: Uint8Array, em: Float32Array): number {
  const L = role.labels;
  const rowSize = (L + 1) * L;
  let s = 0;
  for (let i = 0; i < groups.length; i++) s += em[i * L] + role.transitions[groups[i] * rowSize + (i === 0 ? L * L : 0)];
  return s;
}

/** Cue tokens can only be O for the role tagger. */
export function cueForcing(cue: TokenRange, w: TokenRange): Int8Array {
  const forced = new Int8Array(w.end - w.start).fill(-1);
  for (let i = cue.start; i < cue.end; i++) forced[i - w.start] = ROLE.O;
  return forced;
}

function nearest(spans: TokenRange[], cue: TokenRange): TokenRange | null {
  let best: TokenRange | null = null;
  let bestDist = Infinity;
  for (const s of spans) {
    const d = s.end <= cue.start ? cue.start - s.end : s.start - cue.end;
    if (d < bestDist) { best = s; bestDist = d; }
  }
  return best;
}

/**
 * The model's attributions for a prepared document.
 * @example predict(prepared, model)
 */
export function predict(p: PreparedDoc, model: AttributionModel): Candidate[] {
  const found = candidates(p, model);
  sourcesOutsideContents(found, p.attrs.count);
  for (const t of found) t.candidate.confidence = confidenceOf(p, model, t);
  return resolveOverlaps(mapPacked(found, (t) => t.candidate), p.attrs.count);
}

/**
 * No source lies in another statement's content (in PolNeAR, one source of train's 19,868
 * attributions does; cross-validated, the model's candidates had 312 such sources, four in five
 * of them wrong): such a source gives way to its reranker's best choice that lies in no other
 * candidate's content nor in its own (no source, when that is the best left). Sources chosen
 * without a reranker stay.
 * @example sourcesOutsideContents(candidates(prepared, model), prepared.attrs.count)
 */
export function sourcesOutsideContents(tagged: readonly RoleTagging[], tokenCount: number): void {
  // per token, how many candidates' contents hold it, and the last of them
  const holders = keptInt32(HOLDERS, tokenCount, 0);
  const holder = keptInt32(HOLDER, tokenCount, -1);
  tagged.forEach((t, k) => {
    for (const r of t.candidate.content) for (let i = r.start; i < r.end; i++) { holders[i]++; holder[i] = k; }
  });
  const inOther = (r: TokenRange, k: number): boolean => {
    for (let i = r.start; i < r.end; i++) if (holders[i] > 1 || (holders[i] === 1 && holder[i] !== k)) return true;
    return false;
  };
  tagged.forEach((t, k) => {
    const { source, content } = t.candidate;
    const scored = t.scoredSources;
    if (!source || !scored || !inOther(source, k)) return;
    let best = -1;
    scored.choices.forEach((c, j) => {
      const r = c.spans[0];
      if (r && (inOther(r, k) || overlaps(content, r))) return;
      if (best < 0 || scored.scores[j] > scored.scores[best]) best = j;
    });
    if (best >= 0) t.candidate.source = scored.choices[best].spans[0] ?? null;
  });
}

/**
 * Statements do not nest: a candidate whose cue lies in the content of a found cue's candidate
 * is part of that statement's content, not a statement of its own ("He said he plans to spend
 * the $18 million he says he raised" is one statement). PolNeAR annotates them so: no cue of
 * dev's 2,193 attributions, nor of train's 19,868, lies in another's content.
 * `content` marks the found cues' contents ({@link contentOf} of `tagged` unless given).
 * @example withoutNested(taggings, prepared.attrs.count)
 */
export function withoutNested(tagged: RoleTagging[], tokenCount: number, content = contentOf(tagged, tokenCount)): RoleTagging[] {
  return tagged.filter((t) => !content[t.cue.start]);
}

/**
 * 1 for each token in the content of a found cue's candidate (near misses' contents are not
 * marked), in a buffer kept between calls: valid until the next call.
 */
function contentOf(tagged: readonly RoleTagging[], tokenCount: number): Uint8Array {
  const content = zeroed(CONTENT, tokenCount);
  for (const t of tagged) if (!t.cue.nearMiss) for (const r of t.candidate.content) content.fill(1, r.start, r.end);
  return content;
}

/** A byte buffer kept between calls (an array of more than 64 bytes is allocated outside the heap, which costs more than zeroing one). */
interface Kept { bytes: Uint8Array }
/** A 32-bit integer buffer kept between calls. */
interface KeptInt32 { int32: Int32Array }
const CONTENT: Kept = { bytes: new Uint8Array(1024) };
const CLAIMED: Kept = { bytes: new Uint8Array(1024) };
const HOLDERS: KeptInt32 = { int32: new Int32Array(1024) };
const HOLDER: KeptInt32 = { int32: new Int32Array(1024) };

/** The first `n` bytes of `kept` (grown when too short), zeroed; they stay valid until its next use. */
function zeroed(kept: Kept, n: number): Uint8Array {
  if (kept.bytes.length < n) kept.bytes = new Uint8Array(2 * n);
  else kept.bytes.fill(0, 0, n);
  return kept.bytes;
}

/** The first `n` integers of `kept` (grown when too short), set to `fill`; they stay valid until its next use. */
function keptInt32(kept: KeptInt32, n: number, fill: number): Int32Array {
  if (kept.int32.length < n) kept.int32 = new Int32Array(2 * n);
  kept.int32.fill(fill, 0, n);
  return kept.int32;
}

/**
 * Every cue candidate with its role tagging, nested ones dropped ({@link withoutNested}) and, with
 * a near-miss filter in the model, the near misses it drops ({@link nearMissKeeper}): what
 * `predict` scores and the calibration is fitted on. The role tagger reads the cues found (not
 * the near misses) as the other statements around each cue ({@link markFoundCues}). With
 * `withChoices`, each tagging keeps the contents its reranker chooses from ({@link tagRoles});
 * `tries` is how many paths the choices are traced from (training passes {@link MAX_TRIES}).
 * @example candidates(prepared, model).length
 */
export function candidates(p: PreparedDoc, model: AttributionModel, withChoices = false, tries = withChoices ? MAX_TRIES : EXTRACTION_TRIES): RoleTagging[] {
  const cues = findCues(p, model.cue, model.cueSlack, model.cueReranker);
  markFoundCues(p.index, cues);
  p.roleStatic = undefined; // what the role emissions keep of the document reads the marks
  // the role tagger's lookups fall at random over its weights (640 KB) too
  if (cues.length && p.attrs.count >= WARM_FROM) warm(model.role.weights);
  // The found cues first: a near miss in one's content would be dropped as nested, so it is not tagged.
  const found = mapPacked(cues, (cue) => (cue.nearMiss ? null : tagRoles(p, model, cue, withChoices, undefined, tries)));
  const tagged = found.filter((t) => t !== null);
  // the found cues' contents: those of `out` too, whose found cues are the tagged ones
  const content = contentOf(tagged, p.attrs.count);
  const keep = model.nearMissFilter ? nearMissKeeper(p, withoutNested(tagged, p.attrs.count, content), model.nearMissFilter, model.nearMissThreshold ?? 0) : undefined;
  const out: RoleTagging[] = [];
  cues.forEach((cue, k) => {
    // a near miss is tested on its sentence first ({@link passesScreen}), then on its window
    const t = !cue.nearMiss ? found[k] : content[cue.start] || (keep && !passesScreen(p, model, cue, keep)) ? null : tagRoles(p, model, cue, withChoices, keep, tries);
    if (t) out.push(t);
  });
  return withoutNested(out, p.attrs.count, content);
}

/**
 * The calibrated probability that a tagging is a real attribution.
 * @example confidenceOf(prepared, model, tagging) // 0.93
 */
export function confidenceOf(p: PreparedDoc, model: AttributionModel, t: RoleTagging): number {
  return model.calibration ? probability(model.calibration, taggingInputs(p, t)) : 1 / (1 + Math.exp(-t.cue.margin / 4));
}

/**
 * What the calibration reads of a tagging: the cue's margin, the role path's margin over all-O,
 * whether a quote rule found the cue too, and the near-miss filter's margin.
 * @example fitCalibration(taggings.map((t) => ({ inputs: taggingInputs(prepared, t), label: 1 })))
 */
export function taggingInputs(p: PreparedDoc, t: RoleTagging): number[] {
  return calibrationInputs(t.cue.margin, t.pathScore - t.nullScore, confirmedByRule(p, t.cue), t.filterMargin);
}

function confirmedByRule(p: PreparedDoc, cue: TokenRange): boolean {
  for (let i = cue.start; i < cue.end; i++) if (p.index.ruleCue[i] >= 0) return true;
  return false;
}

/** Each token in at most one attribution: a candidate whose content mostly repeats a surer one's is dropped. */
function resolveOverlaps(cands: Candidate[], tokenCount: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.confidence - a.confidence);
  const claimed = zeroed(CLAIMED, tokenCount);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let size = 0;
    let shared = 0;
    for (const r of c.content) for (let t = r.start; t < r.end; t++) { size++; shared += claimed[t]; }
    if (shared * 2 > size) continue;
    kept.push(c);
    for (const r of c.content) claimed.fill(1, r.start, r.end);
  }
  return kept;
}
