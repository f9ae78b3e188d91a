import type { TokenRange } from '../context.js';
import { mix, mix3 } from './hash.js';
import type { HashedWeights } from './linear.js';
import type { TokenAttributes } from './token-attributes.js';

/**
 * Universal part-of-speech tags, as the tagger numbers them (0, `X`, also stands for "no tagger").
 * The tagger is trained to reproduce wink-nlp's tagger (`npm run train`), which tags 1.5 MB/s:
 * too slow to run at extraction time, where this one takes about 10 ms per 0.4 MB.
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
 * its text, see `tokenAttributes`); the tags are the same either way.
 * @example tagPos(doc.sentences, attrs, model, formIds)[0] // index into POS_TAGS
 */
export function tagPos(sentences: readonly TokenRange[], a: TokenAttributes, m: PosModel, formIds?: Int32Array): Uint8Array {
  if (formIds && m.weights instanceof Int8Array) return tagCached(sentences, a, m, formIds);
  const tags = new Uint8Array(a.count);
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
 * rows of L); tables for the class and the tag before. Quantised weights are int8, so the sums
 * (of at most four weights) are exact in 16-bit integers, and the scores those of {@link bestTag};
 * integer rows also add faster than float ones, and take half the cache.
 */
interface PosCache {
  /**
   * All in one array, rows of L: the rows of a missing neighbour (before, after), by (class, first
   * in sentence), by tag before (from `t1At`), then each form's three (from `formsAt`). The
   * tagging loop sums five rows of this one array, which compiles tighter than five arrays.
   */
  rows: Int16Array;
  t1At: number;
  formsAt: number;
  filled: Uint8Array;
}

const ROWS = 3;
/** The word classes (`CLS` in `token-attributes.ts`), each first in its sentence or not. */
const CLASS_ROWS = 27 * 2;
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
  const L = m.labels;
  const tags = Array.from({ length: NO_TAG + 1 }, (_, t) => t);
  const fixed = [
    [mix(305, NONE), mix(309, NONE)], [mix(306, NONE), mix(310, NONE)],
    ...Array.from({ length: CLASS_ROWS }, (_, k) => [mix3(304, k >> 1, k & 1)]),
    ...tags.map((t) => [mix(311, t)]),
  ];
  const rows = new Int16Array(fixed.length * L);
  fixed.forEach((hs, k) => { for (const h of hs) addRow(m, h, rows, k * L); });
  c = { rows, t1At: (2 + CLASS_ROWS) * L, formsAt: rows.length, filled: new Uint8Array(0) };
  CACHES.set(m, c);
  return c;
}

/** Adds one feature's weights, unscaled (the tag is the same at any positive scale, and integer sums stay exact). */
function addRow(m: PosModel, hash: number, out: Int16Array, o: number): void {
  const b = (hash & m.mask) * m.labels;
  for (let y = 0; y < m.labels; y++) out[o + y] += m.weights[b + y];
}

/** The offset of token i's rows in the cache, filled on first use of its form. */
function rowsOf(m: PosModel, c: PosCache, a: TokenAttributes, i: number, form: number): number {
  const L = m.labels;
  if (form >= c.filled.length) {
    const size = Math.max(1024, c.filled.length * 2, form + 1);
    const rows = new Int16Array(c.formsAt + size * ROWS * L);
    rows.set(c.rows);
    const filled = new Uint8Array(size);
    filled.set(c.filled);
    c.rows = rows;
    c.filled = filled;
  }
  const o = c.formsAt + form * ROWS * L;
  if (!c.filled[form]) {
    const w = a.word[i];
    const suffix = a.suffix[i];
    for (const h of [mix(300, 0), mix(301, w), mix(302, suffix), mix(303, a.shape[i])]) addRow(m, h, c.rows, o);
    for (const h of [mix(305, w), mix(309, suffix)]) addRow(m, h, c.rows, o + L);
    for (const h of [mix(306, w), mix(310, suffix)]) addRow(m, h, c.rows, o + 2 * L);
    c.filled[form] = 1;
  }
  return o;
}

function tagCached(sentences: readonly TokenRange[], a: TokenAttributes, m: PosModel, formIds: Int32Array): Uint8Array {
  const L = m.labels;
  const c = cacheOf(m);
  const at = new Int32Array(a.count);
  for (let i = 0; i < a.count; i++) at[i] = rowsOf(m, c, a, i, formIds[i]);
  const { rows, t1At } = c;
  const tags = new Uint8Array(a.count);
  for (const s of sentences) {
    for (let i = s.start; i < s.end; i++) {
      // a missing neighbour reads the rows at 0 (before) and L (after); the classes' follow
      const self = at[i];
      const prev = i - 1 >= s.start ? at[i - 1] + L : 0;
      const next = i + 1 < s.end ? at[i + 1] + 2 * L : L;
      const k = (2 + a.cls[i] * 2 + (i === s.start ? 1 : 0)) * L;
      const r1 = t1At + (i - 1 >= s.start ? tags[i - 1] : NO_TAG) * L;
      let best = 0;
      let bestScore = rows[self] + rows[prev] + rows[next] + rows[k] + rows[r1];
      for (let y = 1; y < L; y++) {
        const score = rows[self + y] + rows[prev + y] + rows[next + y] + rows[k + y] + rows[r1 + y];
        if (score > bestScore) { best = y; bestScore = score; }
      }
      tags[i] = best;
    }
  }
  return tags;
}
