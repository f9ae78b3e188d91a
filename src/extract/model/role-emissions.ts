import type { TokenRange } from '../context.js';
import type { PreparedDoc } from './attribution-model.js';
import { mix, mix3, mix4 } from './hash.js';
import type { LinearModel } from './linear.js';
import { POS_TAGS } from './pos-tagger.js';
import { bucket, coarse, cueHead, isQuantisedRole, NONE, packSignature, ROLE_LABELS, ruleSignal, StaticRoleEmissions } from './role-features.js';
import { LIKELY_CUE_RATE } from './doc-index.js';
import { CLS } from './token-attributes.js';

const SIG = 1024;
const TAGS = POS_TAGS.length;
/** Token classes ({@link CLS}). */
const CLASSES = Object.keys(CLS).length;

/**
 * The role tagger's emission scores for one cue, computed as {@link roleFeatures} would hash
 * them: the cue-dependent features, then the static ones ({@link StaticRoleEmissions}, shared by
 * every cue of the document). The cue-dependent templates whose inputs take few values are read
 * from small dense tables built once per model (the same hashed weights, looked up once): at run
 * time most features cost an L1 read instead of a hash and a random memory access. Weights are
 * summed unscaled and the sum scaled once, as {@link emissions} does: a quantised model's weights
 * are integers, so the sums are exact in any order and the scores are those of the generic path;
 * for such a model, the document's tokens are read from one record each ({@link tokenRecord}) and
 * a few more tables are summed ahead ({@link emitSideQuantised}).
 * The scores go to `out` when given (`(w.end - w.start) × L` long; every score is written). The
 * window holds the cue, as `roleWindow`'s windows do.
 * @example roleEmissions(prepared, model.role, cue, window)
 */
export function roleEmissions(p: PreparedDoc, role: LinearModel, cue: TokenRange, w: TokenRange, out?: Float32Array): Float32Array {
  const t = tablesOf(role);
  const L = role.labels;
  const { ctx, attrs: a, index: idx } = p;
  const { weights, scale, mask } = role;
  const { statics, record } = roleDocument(p, role, t);
  const em = out ?? new Float32Array((w.end - w.start) * L);
  const head = cueHead(a, cue);
  const lemma = a.lemma[head];
  const cueSentence = ctx.doc.sentenceOf[cue.start];
  const cueRule = idx.ruleCue[head];
  const before = cue.start > 0 ? a.cls[cue.start - 1] : NONE;
  const after = cue.end < a.count ? a.cls[cue.end] : NONE;
  const cueQuoted = a.quote[head];
  const headPos = a.pos[head];
  // 105, 122 and 147 by (d, cb), and 119 by (d, sent), for this cue, in the table's last rows
  const all = t.all;
  for (let d = 0; d < 2; d++) {
    const b122 = (mix4(122, d, before, after) & mask) * L;
    for (let cb = 0; cb < 6; cb++) {
      const b105 = (mix4(105, d, lemma, cb) & mask) * L;
      const r147 = (AT.t147 + (d * TAGS + headPos) * 6 + cb) * L;
      for (let y = 0; y < L; y++) all[(AT.byCoarse + d * 6 + cb) * L + y] = weights[b105 + y] + weights[b122 + y] + all[r147 + y];
    }
    for (let sent = 0; sent < 5; sent++) {
      const b119 = (mix4(119, d, lemma, sent - 2) & mask) * L;
      for (let y = 0; y < L; y++) all[(AT.bySentence + d * 5 + sent) * L + y] = weights[b119 + y];
    }
  }
  if (t.packed) packRows(all, t.packed, AT.byCoarse, AT.rows);
  const b = (IN_CUE & mask) * L;
  for (let i = Math.max(w.start, cue.start); i < Math.min(w.end, cue.end); i++) {
    for (let y = 0; y < L; y++) em[(i - w.start) * L + y] = weights[b + y] * scale;
  }
  const c: CueSide = { p, role, all, statics, em, w, cueSentence, cueRule, cueQuoted, headPos };
  if (record && t.packed) {
    emitSideQuantised(c, record, t.packed, 0, cue.start, Math.max(0, cue.start - w.start));
    emitSideQuantised(c, record, t.packed, 1, cue.end - 1, Math.max(0, w.end - cue.end));
  } else {
    emitSide(c, 0, cue.start, Math.max(0, cue.start - w.start));
    emitSide(c, 1, cue.end - 1, Math.max(0, w.end - cue.end));
  }
  return em;
}

/**
 * {@link bucket} and {@link coarse} of 0–255: the window distances (at most 110, `roleWindow`)
 * and the found-cue distances (capped at 255 in `DocIndex`).
 */
const BUCKET = Uint8Array.from({ length: 256 }, (_, k) => bucket(k));
const COARSE = Uint8Array.from({ length: 256 }, (_, k) => coarse(k));

/** What {@link emitSide} and {@link emitSideQuantised} need of one cue. */
interface CueSide {
  p: PreparedDoc;
  role: LinearModel;
  /** {@link Tables.all}, its per-cue rows filled for this cue. */
  all: Float32Array;
  statics: StaticRoleEmissions;
  em: Float32Array;
  w: TokenRange;
  cueSentence: number;
  cueRule: number;
  cueQuoted: number;
  headPos: number;
}

/**
 * The scores of the window's tokens on one side of the cue (d 0 before, 1 after), walking away
 * from the cue's near end `far`: token `far ∓ dist` for dist 1 to `count`. With the side fixed,
 * its parts of every table row and the prefix counts at `far` are read once. For a model in
 * training (float weights), whose sums must keep their order; {@link emitSideQuantised} for a
 * loaded one.
 * @example emitSide(c, 0, cue.start, cue.start - w.start)
 */
function emitSide(c: CueSide, d: number, far: number, count: number): void {
  const { p, role, all, statics, em, w, cueSentence, cueRule } = c;
  const L = role.labels;
  const { ctx, attrs: a, index: idx } = p;
  const { weights, scale, mask } = role;
  const step = d === 0 ? -1 : 1;
  const sentenceOf = ctx.doc.sentenceOf;
  const toFound = d === 1 ? idx.toFoundCue : idx.fromFoundCue;
  const quoteBase = AT.quotes + (d * 4 + c.cueQuoted) * 16;
  const posBase = AT.t148 + (d * TAGS + c.headPos) * TAGS;
  const sigBase = d * SIG;
  const side = d === 0 ? statics.sideScores(far - count, far, 0) : statics.sideScores(far + 1, far + 1 + count, 1);
  // what lies between the cue and the token, counted as the walk passes it (see betweenSignature)
  let commas = 0, terms = 0, quotes = 0, cues = 0, thats = 0, colons = 0, found = 0;
  for (let dist = 1; dist <= count; dist++) {
    const i = far + step * dist;
    const o = (i - w.start) * L;
    const db = BUCKET[dist];
    const cb = COARSE[dist];
    const sig = packSignature(commas, terms, quotes, cues, thats, colons);
    const sent = Math.max(-2, Math.min(2, sentenceOf[i] - cueSentence));
    const cls = a.cls[i];
    const lr = a.lemmaRate[i] > 10 ? 11 : a.lemmaRate[i] >> 1;
    const rDistance = (AT.distance + (((d * 11 + db) * 5 + sent + 2) * 3 + cues) * 3 + found) * L;
    const rCoarse = (AT.byCoarse + d * 6 + cb) * L;
    const rSentence = (AT.bySentence + d * 5 + sent + 2) * L;
    const rBetween = (AT.between + (sigBase + sig) * 6 + cb) * L;
    const rQuotes = (quoteBase + a.quote[i] * 4 + quotes) * L;
    const r121 = (AT.t121 + (d * 5 + ruleSignal(idx, i, cueRule)) * CLASSES + cls) * L;
    const r132 = (AT.t132 + (d * 12 + lr) * 6 + cb) * L;
    const r126 = (AT.t126 + (sigBase + sig) * CLASSES + cls) * L;
    const b128 = dist <= 3 ? (mix4(128, d, a.word[i], dist) & mask) * L : -1;
    const r148 = (posBase + a.pos[i]) * L;
    const r152 = (AT.t152 + (d * 6 + found * 2 + idx.inFoundCue[i]) * CLASSES + cls) * L;
    const r153 = (AT.t153 + (d * 11 + BUCKET[toFound[i]]) * CLASSES + cls) * L;
    const rSide = i * L;
    if (b128 >= 0) {
      for (let y = 0; y < L; y++) {
        const s = all[rDistance + y] + all[rCoarse + y] + all[rSentence + y] + all[rBetween + y] + all[rQuotes + y]
          + all[r121 + y] + all[r132 + y] + all[r126 + y] + weights[b128 + y] + all[r148 + y]
          + all[r152 + y] + all[r153 + y] + side[rSide + y];
        em[o + y] = s * scale;
      }
    } else {
      for (let y = 0; y < L; y++) {
        const s = all[rDistance + y] + all[rCoarse + y] + all[rSentence + y] + all[rBetween + y] + all[rQuotes + y]
          + all[r121 + y] + all[r132 + y] + all[r126 + y] + all[r148 + y]
          + all[r152 + y] + all[r153 + y] + side[rSide + y];
        em[o + y] = s * scale;
      }
    }
    if (cls === CLS.comma) commas = Math.min(3, commas + 1);
    else if (cls === CLS.terminal) terms = Math.min(2, terms + 1);
    else if (cls === CLS.quoteOpen || cls === CLS.quoteClose) quotes = Math.min(3, quotes + 1);
    else if (cls === CLS.that) thats = 1;
    else if (cls === CLS.colon) colons = 1;
    if (a.cueRate[i] >= LIKELY_CUE_RATE && a.cueRate[i] <= 10) cues = Math.min(2, cues + 1);
    found = Math.min(2, found + idx.foundCues[i + 1] - idx.foundCues[i]);
  }
}

/**
 * {@link emitSide} for a quantised model (integer weights: any order of the sums gives the same
 * scores), 1.35–1.4× faster: each token's attributes come from its {@link tokenRecord} (one array
 * where the loop read eleven), template 153 from the static scores ({@link foundBeyondRows}), 121
 * and 152 from one table, the between-signature advances by one read of {@link NEXT_SIGNATURE}
 * instead of a chain of tests on the token's class, and the table rows are added packed, two
 * numbers a row instead of five ({@link packRows}).
 * @example emitSideQuantised(c, record, tables.packed, 1, cue.end - 1, w.end - cue.end)
 */
function emitSideQuantised(c: CueSide, record: Int32Array, packed: Float64Array, d: number, far: number, count: number): void {
  const { p, statics, em, w, cueSentence, cueRule } = c;
  const L = ROLE_LABELS;
  const { weights, scale, mask } = c.role;
  const step = d === 0 ? -1 : 1;
  const sentenceOf = p.ctx.doc.sentenceOf;
  const word = p.attrs.word;
  const quoteBase = AT.quotes + (d * 4 + c.cueQuoted) * 16;
  const posBase = AT.t148 + (d * TAGS + c.headPos) * TAGS;
  const sigBase = d * SIG;
  const side = d === 0 ? statics.sideScores(far - count, far, 0) : statics.sideScores(far + 1, far + 1 + count, 1);
  let sig = 0, found = 0;
  for (let dist = 1; dist <= count; dist++) {
    const i = far + step * dist;
    const o = (i - w.start) * L;
    const db = BUCKET[dist];
    const cb = COARSE[dist];
    const r = record[i];
    const cls = r & 31;
    const quotes = (sig >> 4) & 3;
    const cues = (sig >> 6) & 3;
    const sent = Math.max(-2, Math.min(2, sentenceOf[i] - cueSentence));
    const rs = (r >> 20) & 3;
    const rule = rs === 0 ? 0 : cueRule >= 0 ? ruleSignal(p.index, i, cueRule) : rs + 2;
    const rDistance = (AT.distance + (((d * 11 + db) * 5 + sent + 2) * 3 + cues) * 3 + found) * 2;
    const rCoarse = (AT.byCoarse + d * 6 + cb) * 2;
    const rSentence = (AT.bySentence + d * 5 + sent + 2) * 2;
    const rBetween = (AT.between + (sigBase + sig) * 6 + cb) * 2;
    const rQuotes = (quoteBase + ((r >> 5) & 3) * 4 + quotes) * 2;
    const rFound = (AT.t121x152 + ((d * 5 + rule) * 6 + found * 2 + ((r >> 22) & 1)) * CLASSES + cls) * 2;
    const r132 = (AT.t132 + (d * 12 + ((r >> 7) & 15)) * 6 + cb) * 2;
    const r126 = (AT.t126 + (sigBase + sig) * CLASSES + cls) * 2;
    const r148 = (posBase + ((r >> 11) & 31)) * 2;
    let lo = packed[rDistance] + packed[rCoarse] + packed[rSentence] + packed[rBetween] + packed[rQuotes]
      + packed[rFound] + packed[r132] + packed[r126] + packed[r148];
    const hi = packed[rDistance + 1] + packed[rCoarse + 1] + packed[rSentence + 1] + packed[rBetween + 1] + packed[rQuotes + 1]
      + packed[rFound + 1] + packed[r132 + 1] + packed[r126 + 1] + packed[r148 + 1];
    // unpack: each label's sum is an integer far below 2^16 in magnitude, so rounding finds it
    // exactly; Math.round may give -0 for 0, which adding the static score (never -0) makes +0,
    // as in the generic path's sums
    const s2 = Math.round(lo / P34);
    lo -= s2 * P34;
    const s1 = Math.round(lo / P17);
    const s0 = lo - s1 * P17;
    const s4 = Math.round(hi / P17);
    const s3 = hi - s4 * P17;
    const rSide = i * L;
    if (dist <= 3) {
      const b128 = (mix4(128, d, word[i], dist) & mask) * L;
      em[o] = (s0 + side[rSide] + weights[b128]) * scale;
      em[o + 1] = (s1 + side[rSide + 1] + weights[b128 + 1]) * scale;
      em[o + 2] = (s2 + side[rSide + 2] + weights[b128 + 2]) * scale;
      em[o + 3] = (s3 + side[rSide + 3] + weights[b128 + 3]) * scale;
      em[o + 4] = (s4 + side[rSide + 4] + weights[b128 + 4]) * scale;
    } else {
      em[o] = (s0 + side[rSide]) * scale;
      em[o + 1] = (s1 + side[rSide + 1]) * scale;
      em[o + 2] = (s2 + side[rSide + 2]) * scale;
      em[o + 3] = (s3 + side[rSide + 3]) * scale;
      em[o + 4] = (s4 + side[rSide + 4]) * scale;
    }
    sig = NEXT_SIGNATURE[sig * KINDS + ((r >> 16) & 15)];
    found = Math.min(2, found + ((r >> 23) & 1));
  }
}

/** What a token adds to the between-signature: 0 nothing, 1 comma, 2 sentence end, 3 quote mark, 4 "that", 5 colon; plus 6 when a likely cue. */
const KINDS = 12;

function kindOf(cls: number, cueRate: number): number {
  const k = cls === CLS.comma ? 1 : cls === CLS.terminal ? 2 : cls === CLS.quoteOpen || cls === CLS.quoteClose ? 3 : cls === CLS.that ? 4 : cls === CLS.colon ? 5 : 0;
  return k + (cueRate >= LIKELY_CUE_RATE && cueRate <= 10 ? 6 : 0);
}

/** The between-signature after passing a token of each kind, by (signature, kind). */
const NEXT_SIGNATURE = (() => {
  const next = new Uint16Array(SIG * KINDS);
  for (let g = 0; g < SIG; g++) for (let k = 0; k < KINDS; k++) {
    let commas = g & 3, terms = (g >> 2) & 3, quotes = (g >> 4) & 3, cues = (g >> 6) & 3, thats = (g >> 8) & 1, colons = (g >> 9) & 1;
    const kind = k % 6;
    if (kind === 1) commas = Math.min(3, commas + 1);
    else if (kind === 2) terms = Math.min(2, terms + 1);
    else if (kind === 3) quotes = Math.min(3, quotes + 1);
    else if (kind === 4) thats = 1;
    else if (kind === 5) colons = 1;
    if (k >= 6) cues = Math.min(2, cues + 1);
    next[g * KINDS + k] = packSignature(commas, terms, quotes, cues, thats, colons);
  }
  return next;
})();

/**
 * Per token, what the quantised emission loop reads of it, in one integer: class (bits 0–4),
 * quote (5–6), lemma-rate code (7–10), part of speech (11–15), between-signature kind (16–19),
 * quote-layer role (20–21: 1 content, 2 source of some rule), in a found cue (22), first token
 * of a found cue (23).
 */
function tokenRecord(p: PreparedDoc): Int32Array {
  const { attrs: a, index: idx } = p;
  const out = new Int32Array(a.count);
  for (let i = 0; i < a.count; i++) {
    const lr = a.lemmaRate[i] > 10 ? 11 : a.lemmaRate[i] >> 1;
    const rs = idx.ruleContent[i] >= 0 ? 1 : idx.ruleSource[i] >= 0 ? 2 : 0;
    out[i] = a.cls[i] | (a.quote[i] << 5) | (lr << 7) | (a.pos[i] << 11) | (kindOf(a.cls[i], a.cueRate[i]) << 16) | (rs << 20)
      | (idx.inFoundCue[i] << 22) | ((idx.foundCues[i + 1] - idx.foundCues[i]) << 23);
  }
  return out;
}

/** Per token and side, the row of template 153 (the found cue beyond the token, by class) in {@link Tables.all}. */
function foundBeyondRows(p: PreparedDoc): Int32Array {
  const { attrs: a, index: idx } = p;
  const rows = new Int32Array(a.count * 2);
  for (let i = 0; i < a.count; i++) for (let d = 0; d < 2; d++) {
    const b = BUCKET[d === 1 ? idx.toFoundCue[i] : idx.fromFoundCue[i]];
    rows[i * 2 + d] = (AT.t153 + (d * 11 + b) * CLASSES + a.cls[i]) * ROLE_LABELS;
  }
  return rows;
}

/**
 * Packs rows [from, to) of five integer sums each into two exact numbers per row: labels 0–2 as
 * `s0 + s1·2^17 + s2·2^34`, labels 3–4 as `s3 + s4·2^17`. Packed rows add up to the packed sums
 * as long as each label's sum stays below 2^16 in magnitude: the rows a position adds hold 15
 * templates' int8 weights, at most 1,920 ({@link emitSideQuantised} unpacks them).
 */
function packRows(all: Float32Array, packed: Float64Array, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    packed[r * 2] = all[r * 5] + all[r * 5 + 1] * P17 + all[r * 5 + 2] * P34;
    packed[r * 2 + 1] = all[r * 5 + 3] + all[r * 5 + 4] * P17;
  }
}

const P17 = 2 ** 17;
const P34 = 2 ** 34;

/** Adds the (unscaled) weights of one hashed feature into `out` at `o`. */
function addWeights(m: LinearModel, hash: number, out: Float32Array, o: number): void {
  const L = m.labels;
  const b = (hash & m.mask) * L;
  for (let y = 0; y < L; y++) out[o + y] += m.weights[b + y];
}

const IN_CUE = mix(100, 0);

/**
 * Where each dense table starts in {@link Tables.all}, in rows of L. Templates that share index
 * variables are summed into one table.
 */
const AT = (() => {
  const sizes = {
    /** 103 by (d, db, sent) + 114 by (d, cues, db) + 151 by (d, found, db), by (d, db, sent, cues, found). */
    distance: 2 * 11 * 5 * 3 * 3,
    /** 112 by (d, sig) + 113 by (d, sig, cb), by (d, sig, cb). */
    between: 2 * SIG * 6,
    /** By (d, sig, class): 2 × 1,024 × 27 rows, read where a hash and a random access into the weights were. */
    t126: 2 * SIG * CLASSES,
    /** 115 by (d, q, quotes) + 125 by (d, cueQuoted, q), by (d, cueQuoted, q, quotes). */
    quotes: 2 * 4 * 4 * 4,
    t121: 2 * 5 * CLASSES,
    t132: 2 * 12 * 6,
    /** By (d, part of speech of the cue's head, cb). */
    t147: 2 * TAGS * 6,
    /** By (d, part of speech of the cue's head, part of speech of the token). */
    t148: 2 * TAGS * TAGS,
    /** By (d, found cues between and whether the token is in one, class). */
    t152: 2 * 6 * CLASSES,
    /** 121 by (d, rule, class) + 152 by (d, found*2+inFound, class), by (d, rule, found*2+inFound, class). */
    t121x152: 2 * 5 * 6 * CLASSES,
    /** By (d, distance bucket to the found cue beyond the token, class). */
    t153: 2 * 11 * CLASSES,
    /** Per cue, refilled for each: 105, 122 and 147 by (d, cb). */
    byCoarse: 2 * 6,
    /** Per cue: 119 by (d, sent). */
    bySentence: 2 * 5,
  };
  const at = { ...sizes, rows: 0 };
  for (const k of Object.keys(sizes) as (keyof typeof sizes)[]) {
    at[k] = at.rows;
    at.rows += sizes[k];
  }
  return at;
})();

/**
 * A model's dense tables of unscaled weights, all in one array at the rows of {@link AT}, so
 * that the emission loop holds one array where it held twelve (fewer registers; 1.17× faster).
 */
interface Tables {
  all: Float32Array;
  /**
   * For a quantised model, each row of `all` packed in two numbers ({@link packRows}): its rows
   * hold integers, so the emission loop adds two numbers per row where it added five.
   */
  packed: Float64Array | null;
}

const TABLES = new WeakMap<LinearModel, Tables>();

/** The dense tables of a model's small-domain role templates, built on first use. */
function tablesOf(m: LinearModel): Tables {
  let t = TABLES.get(m);
  if (t) return t;
  const L = m.labels;
  const all = new Float32Array(AT.rows * L);
  const table = (at: number, fill: (put: (index: number, hash: number) => void) => void): void => {
    fill((index, hash) => addWeights(m, hash, all, (at + index) * L));
  };
  table(AT.distance, (put) => {
    for (let d = 0; d < 2; d++) for (let db = 0; db < 11; db++) for (let s = -2; s <= 2; s++) for (let c = 0; c < 3; c++) for (let found = 0; found < 3; found++) {
      const at = ((((d * 11 + db) * 5 + s + 2) * 3 + c) * 3 + found);
      put(at, mix4(103, d, db, s));
      put(at, mix4(114, d, c, db));
      put(at, mix4(151, d, found, db));
    }
  });
  table(AT.between, (put) => {
    for (let d = 0; d < 2; d++) for (let g = 0; g < SIG; g++) for (let cb = 0; cb < 6; cb++) {
      put((d * SIG + g) * 6 + cb, mix3(112, d, g));
      put((d * SIG + g) * 6 + cb, mix4(113, d, g, cb));
    }
  });
  table(AT.t126, (put) => { for (let d = 0; d < 2; d++) for (let g = 0; g < SIG; g++) for (let c = 0; c < CLASSES; c++) put((d * SIG + g) * CLASSES + c, mix4(126, d, g, c)); });
  table(AT.quotes, (put) => {
    for (let d = 0; d < 2; d++) for (let cq = 0; cq < 4; cq++) for (let q = 0; q < 4; q++) for (let n = 0; n < 4; n++) {
      put(((d * 4 + cq) * 4 + q) * 4 + n, mix4(115, d, q, n));
      put(((d * 4 + cq) * 4 + q) * 4 + n, mix4(125, d, cq, q));
    }
  });
  table(AT.t121, (put) => { for (let d = 0; d < 2; d++) for (let r = 0; r < 5; r++) for (let c = 0; c < CLASSES; c++) put((d * 5 + r) * CLASSES + c, mix4(121, d, r, c)); });
  table(AT.t132, (put) => { for (let d = 0; d < 2; d++) for (let lr = 0; lr < 12; lr++) for (let cb = 0; cb < 6; cb++) put((d * 12 + lr) * 6 + cb, mix4(132, d, lr, cb)); });
  table(AT.t147, (put) => { for (let d = 0; d < 2; d++) for (let h = 0; h < TAGS; h++) for (let cb = 0; cb < 6; cb++) put((d * TAGS + h) * 6 + cb, mix4(147, d, h, cb)); });
  table(AT.t152, (put) => { for (let d = 0; d < 2; d++) for (let k = 0; k < 6; k++) for (let c = 0; c < CLASSES; c++) put((d * 6 + k) * CLASSES + c, mix4(152, d, k, c)); });
  table(AT.t153, (put) => { for (let d = 0; d < 2; d++) for (let b = 0; b < 11; b++) for (let c = 0; c < CLASSES; c++) put((d * 11 + b) * CLASSES + c, mix4(153, d, b, c)); });
  table(AT.t121x152, (put) => {
    for (let d = 0; d < 2; d++) for (let r = 0; r < 5; r++) for (let k = 0; k < 6; k++) for (let c = 0; c < CLASSES; c++) {
      put(((d * 5 + r) * 6 + k) * CLASSES + c, mix4(121, d, r, c));
      put(((d * 5 + r) * 6 + k) * CLASSES + c, mix4(152, d, k, c));
    }
  });
  table(AT.t148, (put) => { for (let d = 0; d < 2; d++) for (let h = 0; h < TAGS; h++) for (let q = 0; q < TAGS; q++) put((d * TAGS + h) * TAGS + q, mix4(148, d, h, q)); });
  t = { all, packed: isQuantisedRole(m) ? new Float64Array(AT.rows * 2) : null };
  if (t.packed) packRows(t.all, t.packed, 0, AT.rows);
  TABLES.set(m, t);
  return t;
}

/**
 * What the role emissions keep of a document for one role model, made at its first cue: the
 * static scores and, for a quantised model, the token records. Both read the found cues' marks
 * (`markFoundCues`), so the document's `roleStatic` is reset whenever they are marked again.
 */
export interface RoleDocument {
  statics: StaticRoleEmissions;
  /** {@link tokenRecord}, for a quantised model; null for a model in training. */
  record: Int32Array | null;
}

/** The document's {@link RoleDocument} for `role`, made on first use. */
function roleDocument(p: PreparedDoc, role: LinearModel, t: Tables): RoleDocument {
  p.roleStatic ??= new WeakMap();
  let r = p.roleStatic.get(role);
  if (!r) {
    const quantised = isQuantisedRole(role);
    const dense = quantised ? { table: t.all, rows: foundBeyondRows(p) } : undefined;
    r = { statics: new StaticRoleEmissions(p.ctx, p.attrs, role, dense), record: quantised ? tokenRecord(p) : null };
    p.roleStatic.set(role, r);
  }
  return r;
}
