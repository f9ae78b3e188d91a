import { inflect, REPORTING_VERBS } from '../lexicon.js';
import verbClasses from '../data/verb-classes.json' with { type: 'json' };
import { formsOf, type RuleContext } from '../context.js';
import { FORMS, forgetFormsIfFull } from '../forms.js';
import classes from '../data/word-classes.json' with { type: 'json' };
import { NUMBER, PUNCT, QUOTE, WORD } from '../../text/tokens.js';
import { isUpper } from '../../text/chars.js';
import { clearGroupCaches, type FeatureSink } from './feature-buffer.js';
import { hashString, mix } from './hash.js';
import { Arena } from './arena.js';
import { clearPosCaches, tagPos, type PosModel } from './pos-tagger.js';

/** Word classes, one small integer per token: the tagger's stand-in for part of speech. */
export const CLS = {
  word: 0, capitalized: 1, allCaps: 2, number: 3, pronoun: 4, determiner: 5, that: 6, comma: 7, terminal: 8,
  colon: 9, semicolon: 10, quoteOpen: 11, quoteClose: 12, dash: 13, parenOpen: 14, parenClose: 15, punct: 16,
  relative: 17, preposition: 18, conjunction: 19, auxiliary: 20, ing: 21, ed: 22, s: 23, ly: 24, to: 25, negation: 26,
} as const;

/** Inflected forms and crude lemmas of the verb-class lexicon → class bits. */
const VERB_CLASS = new Map<string, number>();
Object.values(verbClasses).forEach((bases, k) => {
  for (const base of bases) for (const form of [...inflect(base), lemmaOf(base)]) VERB_CLASS.set(form, (VERB_CLASS.get(form) ?? 0) | (1 << k));
});

const CLASS_OF_WORD = new Map<string, number>();
for (const [name, list] of Object.entries(classes)) for (const w of list) CLASS_OF_WORD.set(w, CLS[name as keyof typeof CLS]);

/** Per-token attributes computed once per document, as flat arrays of hashes and small codes. */
export interface TokenAttributes {
  count: number;
  /** Hash of the lower-cased form, digits folded to 0. */
  word: Int32Array;
  /** Hash of a crude lemma: "pledged", "pledges", "pledging" → "pledge". */
  lemma: Int32Array;
  shape: Int32Array;
  suffix: Int32Array;
  cls: Uint8Array;
  /** 0 outside quotes, 1 inside, 2 opening mark, 3 closing mark. */
  quote: Uint8Array;
  /** Learned P(cue | word), bucketed 0–10; 11 when the word is unseen. */
  cueRate: Uint8Array;
  /** Learned P(cue | lemma), bucketed like {@link cueRate}. */
  lemmaRate: Uint8Array;
  /** Bit set of the verb classes (speech, evaluation, cognition, intention, evidence) of the word's lemma. */
  verbClass: Uint8Array;
  /** 1 when the lemma is a reporting or belief verb of the hand-written lexicon. */
  reporting: Uint8Array;
  /**
   * The id of the token's form, shared by every token with the same text (so a key for caching
   * what the text alone decides, see {@link FeatureSink.beginGroup}); -1 for quote marks, whose
   * class depends on their place.
   */
  form: Int32Array;
  /** Part of speech, an index into `POS_TAGS` (`pos-tagger.ts`); all 0 without a tagger. */
  pos: Uint8Array;
}

/** What the tagger learned about words: P(part of a cue | lower-cased word) buckets, by word hash. */
export type CueLexicon = ReadonlyMap<number, number>;

/**
 * Computes the token attributes of a document; parts of speech when a tagger is given.
 * @example tokenAttributes(ctx, lexicon, model.pos).cls[0]
 */
export function tokenAttributes(ctx: RuleContext, lexicon: CueLexicon, pos: PosModel | null = null): TokenAttributes {
  const { doc } = ctx;
  const n = doc.tokens.count;
  // 5 Int32Arrays and markQuotes' n + 1 integers, 7 Uint8Arrays (each rounded up to 4 bytes)
  const arena = new Arena(4 * (6 * n + 1) + 7 * ((n + 3) & ~3));
  const a: TokenAttributes = {
    count: n, word: arena.int32(n), lemma: arena.int32(n), shape: arena.int32(n), suffix: arena.int32(n),
    cls: arena.uint8(n), quote: arena.uint8(n), cueRate: arena.uint8(n), lemmaRate: arena.uint8(n), reporting: arena.uint8(n), verbClass: arena.uint8(n),
    form: arena.int32(n), pos: arena.uint8(n),
  };
  markQuotes(doc.quotes, a.quote, arena.int32(n + 1));
  // Forgotten between documents only: the ids a document's tokens hold must stay those of their forms.
  forgetFormsIfFull();
  if (FORMS.epoch !== recordsEpoch) forgetRecords();
  if (lexicon !== ratesLexicon) {
    ratesLexicon = lexicon;
    ratesEpoch++;
  }
  const ids = formsOf(ctx);
  if (FORMS.size * RECORD > records.length) growRecords(FORMS.size);
  const kind = doc.tokens.kind;
  // the arrays in locals, which the call to readRecord does not make the loop load again
  // (records is not grown in the loop: growRecords ran above)
  const recs = records;
  const { word, lemma, suffix, shape, cls, quote, reporting, verbClass, cueRate, lemmaRate, form } = a;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const o = id * RECORD;
    if (recs[o + RATES_EPOCH_AT] !== ratesEpoch) readRecord(ctx, i, o, lexicon);
    word[i] = recs[o + WORD_AT];
    lemma[i] = recs[o + LEMMA_AT];
    suffix[i] = recs[o + SUFFIX_AT];
    shape[i] = recs[o + SHAPE_AT];
    const classes = recs[o + CLASSES_AT];
    cls[i] = kind[i] === QUOTE ? (quote[i] === 2 ? CLS.quoteOpen : quote[i] === 3 ? CLS.quoteClose : CLS.punct) : classes & 255;
    reporting[i] = (classes >> 8) & 255;
    verbClass[i] = classes >> 16;
    const rates = recs[o + RATES_AT];
    cueRate[i] = rates & 255;
    lemmaRate[i] = rates >> 8;
    form[i] = kind[i] === QUOTE ? -1 : id;
  }
  if (pos) tagPos(doc.sentences, a, pos, ids, a.pos);
  return a;
}

/**
 * 1 inside a quotation, 2 its opening mark, 3 its closing mark; linear even for deeply nested
 * quotes (`delta`: n + 1 zeroed integers to count in).
 */
function markQuotes(quotes: readonly { open: number; close: number; continues: boolean }[], out: Uint8Array, delta: Int32Array): void {
  for (const q of quotes) { delta[q.open + 1]++; delta[Math.min(q.close, out.length)]--; }
  let depth = 0;
  for (let t = 0; t < out.length; t++) { depth += delta[t]; out[t] = depth > 0 ? 1 : 0; }
  for (const q of quotes) {
    out[q.open] = 2;
    if (!q.continues) out[q.close] = 3;
  }
}

/**
 * What a token's text alone determines, cached per form since news vocabulary repeats: per form
 * id of {@link FORMS} (of the epoch `recordsEpoch`), one record of `RECORD` integers, so that a
 * token's attributes are read from one place.
 */
const RECORD = 8;
let records = new Int32Array(1024 * RECORD);
let recordsEpoch = 0;
/** Record fields: hashes of the word, lemma, suffix and shape; cls | reporting << 8 | verbClass << 16. */
const WORD_AT = 0, LEMMA_AT = 1, SUFFIX_AT = 2, SHAPE_AT = 3, CLASSES_AT = 4;
/** Record fields: cueRate | lemmaRate << 8, read from the lexicon of the epoch in the next field. */
const RATES_AT = 5, RATES_EPOCH_AT = 6;
/** Record field: 1 once the fields before are filled. */
const FILLED_AT = 7;
/** The lexicon rates are read from now, and its epoch (from 1: rates of an older epoch are read again). */
let ratesLexicon: CueLexicon | null = null;
let ratesEpoch = 0;

/** Forgets the records and the caches kept by form id: the form ids are of a new epoch. */
function forgetRecords(): void {
  records.fill(0);
  recordsEpoch = FORMS.epoch;
  clearGroupCaches();
  clearPosCaches();
}

function growRecords(forms: number): void {
  let size = records.length;
  while (forms * RECORD > size) size *= 2;
  const grown = new Int32Array(size);
  grown.set(records);
  records = grown;
}

/** Fills the record at offset `o` from token i's text on first sight of its form, and reads its rates. */
function readRecord(ctx: RuleContext, i: number, o: number, lexicon: CueLexicon): void {
  if (records[o + FILLED_AT] === 0) fillRecord(ctx, i, o);
  readRates(o, lexicon);
}

function fillRecord(ctx: RuleContext, i: number, o: number): void {
  const { doc } = ctx;
  const w = ctx.lower[i];
  const form = doc.tokens.kind[i] === NUMBER ? w.replace(/\d/g, '0') : w;
  const lem = lemmaOf(form);
  const reporting = REPORTING_VERBS.has(w) || REPORTING_VERBS.has(lem) ? 1 : 0;
  const verbClass = VERB_CLASS.get(w) ?? VERB_CLASS.get(lem) ?? 0;
  records[o + WORD_AT] = hashString(form);
  records[o + LEMMA_AT] = hashString(lem);
  records[o + SUFFIX_AT] = hashString(form.length > 3 ? form.slice(-3) : form);
  records[o + SHAPE_AT] = hashString(shapeOf(ctx.raw[i]));
  records[o + CLASSES_AT] = classOf(ctx, i, w, 0) | (reporting << 8) | (verbClass << 16);
  records[o + FILLED_AT] = 1;
}

/** Reads the two learned rates of the form at record offset `o` from the lexicon. */
function readRates(o: number, lexicon: CueLexicon): void {
  const cueRate = lexicon.get(records[o + WORD_AT] >>> 0) ?? 11;
  const lemmaRate = lexicon.get(lemmaKey(records[o + LEMMA_AT] >>> 0)) ?? 11;
  records[o + RATES_AT] = cueRate | (lemmaRate << 8);
  records[o + RATES_EPOCH_AT] = ratesEpoch;
}

/**
 * The lexicon key of a lemma hash (kept apart from word hashes in the same map).
 * @example lemmaKey(hashString('pledge'))
 */
export function lemmaKey(lemmaHash: number): number {
  return mix(lemmaHash, 0x1e44a) >>> 0;
}

/**
 * A crude English lemma, good enough to share weights between inflections.
 * @example lemmaOf('criticized') // 'criticiz'
 */
export function lemmaOf(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies') || w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3).replace(/e$/, '');
  if (w.endsWith('ed')) return w.slice(0, -2).replace(/e$/, '');
  if (w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1).replace(/e$/, '');
  return w.replace(/e$/, '');
}

/**
 * The shape of a token: "Xxxx", "xxxx", "X.X.", "dd,ddd", with runs collapsed.
 * @example shapeOf('McCain') // 'XxXx'
 */
export function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < s.length && out.length < 8; i++) {
    const c = s.charCodeAt(i);
    const k = c >= 48 && c <= 57 ? 'd' : isUpper(c) ? 'X' : /\p{L}/u.test(s[i]) ? 'x' : s[i];
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

function classOf(ctx: RuleContext, i: number, w: string, quote: number): number {
  const kind = ctx.doc.tokens.kind[i];
  if (kind === QUOTE) return quote === 2 ? CLS.quoteOpen : quote === 3 ? CLS.quoteClose : CLS.punct;
  if (kind === PUNCT) return punctClass(w);
  if (kind === NUMBER) return CLS.number;
  if (w === 'that') return CLS.that;
  if (w === 'to') return CLS.to;
  const listed = CLASS_OF_WORD.get(w);
  if (listed !== undefined) return listed;
  const text = ctx.doc.text;
  const first = text.charCodeAt(ctx.doc.tokens.start[i]);
  if (kind === WORD && isUpper(first)) {
    return w.length > 1 && text.slice(ctx.doc.tokens.start[i], ctx.doc.tokens.end[i]) === w.toUpperCase() ? CLS.allCaps : CLS.capitalized;
  }
  if (w.endsWith('ing') && w.length > 4) return CLS.ing;
  if (w.endsWith('ed') && w.length > 3) return CLS.ed;
  if (w.endsWith('ly') && w.length > 4) return CLS.ly;
  if (w.endsWith('s') && w.length > 3 && !w.endsWith('ss')) return CLS.s;
  return CLS.word;
}

function punctClass(w: string): number {
  switch (w) {
    case ',': return CLS.comma;
    case '.': case '!': case '?': case '…': case '...': return CLS.terminal;
    case ':': return CLS.colon;
    case ';': return CLS.semicolon;
    case '—': case '–': case '-': case '--': case '―': return CLS.dash;
    case '(': case '[': return CLS.parenOpen;
    case ')': case ']': return CLS.parenClose;
    default: return CLS.punct;
  }
}
