import type { TokenRange } from '../context.js';
import { mix, mix3 } from './hash.js';
import type { HashedWeights } from './linear.js';
import type { TokenAttributes } from './token-attributes.js';

/**
 * Universal part-of-speech tags, as the tagger numbers them (0, `X`, also stands for "no tagger").
 * The tagger is trained to reproduce wink-nlp's tagger (`npm run train`), which tags 1.5 MB/s:
 * too slow to run at extraction time, where this one takes about 4–5 ms per 0.4 MB.
 */
export const POS_TAGS = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB'] as const;

/** A greedy left-to-right part-of-speech tagger: hashed feature weights, `buckets × tags`, no transitions. */
export type PosModel = HashedWeights;

/** Features per token. */
export const POS_FEATURES = 10;
const NONE = 0x2545f491;
/** The tag before the start of a sentence. */
const NO_TAG = POS_TAGS.length;

/**
 * The hashed features of token i of sentence `s`, given the tag already chosen for the token
 * before it (`NO_TAG` at the start): its word, suffix, shape and class, the words and suffixes
 * next to it, the tag before. Written into `out[0…POS_FEATURES)`. (The words two away, the two
 * tags before, a word trigram and the tag before with the word agreed no better with the teacher
 * on dev: 0.976–0.978 with them, 0.979 without.)
 * @example posFeatures(attrs, sentence, i, tags[i - 1], out)
 */
export function posFeatures(a: TokenAttributes, s: TokenRange, i: number, t1: number, out: Int32Array): void {
  out[0] = mix(300, 0);
  out[1] = mix(301, a.word[i]);
  out[2] = mix(302, a.suffix[i]);
  out[3] = mix(303, a.shape[i]);
  out[4] = mix(305, i - 1 >= s.start ? a.word[i - 1] : NONE);
  out[5] = mix(309, i - 1 >= s.start ? a.suffix[i - 1] : NONE);
  out[6] = mix(306, i + 1 < s.end ? a.word[i + 1] : NONE);
  out[7] = mix(310, i + 1 < s.end ? a.suffix[i + 1] : NONE);
  out[8] = mix3(304, a.cls[i], i === s.start ? 1 : 0);
  out[9] = mix(311, t1);
}

/**
 * Tags every token of the sentences, left to right, each token's best tag given the ones before.
 * A loaded (quantised) model sums cached rows instead of hashing (`formIds`: each token's id of
 * its text, see `tokenAttributes`); the tags are the same either way. The tags go to `tags`
 * when given (`a.count` long).
 * @example tagPos(doc.sentences, attrs, model, formIds)[0] // index into POS_TAGS
 */
export function tagPos(sentences: readonly TokenRange[], a: TokenAttributes, m: PosModel, formIds?: Int32Array, tags: Uint8Array = new Uint8Array(a.count)): Uint8Array {
  if (formIds && m.weights instanceof Int8Array) return tagCached(sentences, a, m, formIds, tags);
  const feats = new Int32Array(POS_FEATURES);
  const scores = new Float32Array(m.labels);
  for (const s of sentences) {
    for (let i = s.start; i < s.end; i++) {
      posFeatures(a, s, i, i - 1 >= s.start ? tags[i - 1] : NO_TAG, feats);
      tags[i] = bestTag(m, feats, scores);
    }
  }
  return tags;
}

/**
 * The highest-scoring tag for the features (the lowest tag on a tie).
 * @example bestTag(model, feats, new Float32Array(model.labels))
 */
export function bestTag(m: PosModel, feats: Int32Array, scores: Float32Array): number {
  const L = m.labels;
  const { weights, mask } = m;
  scores.fill(0);
  for (let k = 0; k < POS_FEATURES; k++) {
    const b = (feats[k] & mask) * L;
    for (let y = 0; y < L; y++) scores[y] += weights[b + y];
  }
  return argmax(scores, L);
}

function argmax(scores: Float32Array, L: number): number {
  let best = 0;
  for (let y = 1; y < L; y++) if (scores[y] > scores[best]) best = y;
  return best;
}

/**
 * What a loaded model's tagging reads instead of hashes: per form id, the summed rows of the
 * features its text gives as the token itself, as the token before and as the token after (3
 * rows); per (class, tag before) the summed rows of those two features (the token is first in
 * its sentence exactly when there is no tag before). Quantised weights are int8, so a row (at
 * most four weights) lies in [-512, 508]: stored plus {@link BIAS}, it fits 10 bits, and two
 * labels share one 32-bit integer (label 2j in the low 16 bits, 2j + 1 in the high ones). Four
 * such rows add up with no carry between the halves (at most 4 × 1020), so one addition scores
 * two labels; every score carries the same 4 × BIAS, and the tag is that of {@link bestTag}.
 */
interface PosCache {
  /**
   * All in one array, rows of `words` integers: the rows of a missing neighbour (before, after),
   * by (class, tag before) (from `classesAt`), then each form's three (from `formsAt`). The
   * tagging loop sums four rows of this one array, which compiles tighter than four arrays.
   */
  rows: Int32Array;
  /** Integers per row: the labels, two to an integer (an odd count leaves a high half of 0). */
  words: number;
  classesAt: number;
  formsAt: number;
  filled: Uint8Array;
}

const ROWS = 3;
/** Added to every label's value in a row, so that it is never negative. */
const BIAS = 512;
/** The word classes (`CLS` in `token-attributes.ts`). */
const CLASSES = 27;
let CACHES = new WeakMap<PosModel, PosCache>();

/**
 * Forgets the cached rows (form ids are about to be reused).
 * @example clearPosCaches()
 */
export function clearPosCaches(): void {
  CACHES = new WeakMap();
}

function cacheOf(m: PosModel): PosCache {
  let c = CACHES.get(m);
  if (c) return c;
  const words = (m.labels + 1) >> 1;
  const fixed = [
    [mix(305, NONE), mix(309, NONE)], [mix(306, NONE), mix(310, NONE)],
    // row 2 + cls * (NO_TAG + 1) + t1: the class, first in the sentence when t1 is NO_TAG, and the tag before
    ...Array.from({ length: CLASSES * (NO_TAG + 1) }, (_, k) => {
      const t1 = k % (NO_TAG + 1);
      return [mix3(304, Math.floor(k / (NO_TAG + 1)), t1 === NO_TAG ? 1 : 0), mix(311, t1)];
    }),
  ];
  const rows = new Int32Array(fixed.length * words);
  fixed.forEach((hs, k) => packRow(m, hs, rows, k * words));
  c = { rows, words, classesAt: 2 * words, formsAt: rows.length, filled: new Uint8Array(0) };
  CACHES.set(m, c);
  return c;
}

/** Writes the summed weights of the features `hashes`, biased and two labels to an integer, at `out[o…)`. */
function packRow(m: PosModel, hashes: readonly number[], out: Int32Array, o: number): void {
  const L = m.labels;
  for (let y = 0; y < L; y++) {
    let sum = BIAS;
    for (const h of hashes) sum += m.weights[(h & m.mask) * L + y];
    out[o + (y >> 1)] |= sum << (16 * (y & 1));
  }
}

/**
 * Fills the rows of token i's form, on its first use (growing the cache when the form is new to it).
 * @example if (form >= c.filled.length || !c.filled[form]) fillRows(m, c, attrs, i, form)
 */
function fillRows(m: PosModel, c: PosCache, a: TokenAttributes, i: number, form: number): void {
  const W = c.words;
  if (form >= c.filled.length) {
    const size = Math.max(1024, c.filled.length * 2, form + 1);
    const rows = new Int32Array(c.formsAt + size * ROWS * W);
    rows.set(c.rows);
    const filled = new Uint8Array(size);
    filled.set(c.filled);
    c.rows = rows;
    c.filled = filled;
  }
  const o = c.formsAt + form * ROWS * W;
  if (!c.filled[form]) {
    const w = a.word[i];
    const suffix = a.suffix[i];
    packRow(m, [mix(300, 0), mix(301, w), mix(302, suffix), mix(303, a.shape[i])], c.rows, o);
    packRow(m, [mix(305, w), mix(309, suffix)], c.rows, o + W);
    packRow(m, [mix(306, w), mix(310, suffix)], c.rows, o + 2 * W);
    c.filled[form] = 1;
  }
}

/** Per token, the offset of its rows: kept between documents, so that tagging allocates nothing. */
let rowsAt = new Int32Array(0);

function tagCached(sentences: readonly TokenRange[], a: TokenAttributes, m: PosModel, formIds: Int32Array, tags: Uint8Array): Uint8Array {
  const c = cacheOf(m);
  const W = c.words;
  if (rowsAt.length < a.count) rowsAt = new Int32Array(Math.max(a.count, 2 * rowsAt.length));
  const at = rowsAt;
  // each token's rows: where its form's are, filled on first use (a call only then, so that the
  // loop over known forms stays tight)
  const { formsAt } = c;
  let filled = c.filled;
  for (let i = 0; i < a.count; i++) {
    const form = formIds[i];
    if (form >= filled.length || filled[form] === 0) {
      fillRows(m, c, a, i, form);
      filled = c.filled;
    }
    at[i] = formsAt + form * ROWS * W;
  }
  const { rows, classesAt } = c;
  for (const s of sentences) {
    for (let i = s.start; i < s.end; i++) {
      // a missing neighbour reads the rows at 0 (before) and W (after)
      const self = at[i];
      const prev = i - 1 >= s.start ? at[i - 1] + W : 0;
      const next = i + 1 < s.end ? at[i + 1] + 2 * W : W;
      const k = classesAt + (a.cls[i] * (NO_TAG + 1) + (i - 1 >= s.start ? tags[i - 1] : NO_TAG)) * W;
      // every real label scores above 0, so an odd count's empty last half never wins
      let best = 0;
      let bestScore = 0;
      for (let j = 0; j < W; j++) {
        const two = rows[self + j] + rows[prev + j] + rows[next + j] + rows[k + j];
        const low = two & 0xffff;
        const high = two >>> 16;
        if (low > bestScore) { best = 2 * j; bestScore = low; }
        if (high > bestScore) { best = 2 * j + 1; bestScore = high; }
      }
      tags[i] = best;
    }
  }
  return tags;
}
