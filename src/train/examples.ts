import { buildContext, type Candidate, type RuleContext, type TokenRange } from '../extract/context.js';
import { cueFeatures } from '../extract/model/cue-features.js';
import { docIndex } from '../extract/model/doc-index.js';
import type { SequenceFeatures } from '../extract/model/linear.js';
import { ROLE, roleFeatures, roleGroups, roleWindow } from '../extract/model/role-features.js';
import { FeatureBuffer } from '../extract/model/feature-buffer.js';
import { cueForcing, type PreparedDoc } from '../extract/model/attribution-model.js';
import type { PosModel } from '../extract/model/pos-tagger.js';
import { tokenAttributes, type CueLexicon } from '../extract/model/token-attributes.js';
import { findQuoteAttributions } from '../extract/quote-layer.js';
import { analyzeText } from '../text/document.js';
import { NUMBER } from '../text/tokens.js';
import { tokenRanges, type GoldDoc } from './gold.js';
import { LexiconCounts } from './lexicon.js';

/** A gold document segmented, with its quote-layer candidates and gold attributions in tokens. */
export interface AnalyzedDoc {
  gold: GoldDoc;
  ctx: RuleContext;
  quotes: Candidate[];
  attributions: { cue: TokenRange | null; source: TokenRange[]; content: TokenRange[] }[];
  /** A teacher tagger's parts of speech (see `trainPosTagger`), when the part-of-speech tagger is to be trained. */
  posTeacher?: Uint8Array;
}

/** One training sequence with its gold labels (and forced positions). */
export interface Example {
  seq: SequenceFeatures;
  gold: Uint8Array;
  forced?: Int8Array;
}

/**
 * Segments a gold document and maps its attributions to tokens.
 * @example analyzeGold(doc).attributions[0].cue
 */
export function analyzeGold(gold: GoldDoc): AnalyzedDoc {
  const ctx = buildContext(analyzeText(gold.text));
  const quotes = findQuoteAttributions(ctx, []);
  const attributions = gold.attributions.map((a) => {
    const cueRanges = tokenRanges(ctx.doc.tokens, a.cue);
    const cue = cueRanges.length ? { start: cueRanges[0].start, end: cueRanges[cueRanges.length - 1].end } : null;
    return { cue, source: tokenRanges(ctx.doc.tokens, a.source), content: tokenRanges(ctx.doc.tokens, a.content) };
  });
  return { gold, ctx, quotes, attributions };
}

/**
 * Lexicon counts of one document (for the jackknife: each fold's lexicon leaves its own documents out).
 * @example countsOf(doc)
 */
export function countsOf(d: AnalyzedDoc): LexiconCounts {
  const counts = new LexiconCounts();
  const cues = d.attributions.flatMap((a) => (a.cue ? [a.cue] : []));
  counts.add(d.ctx.lower, (i) => d.ctx.doc.tokens.kind[i] === NUMBER, cues);
  return counts;
}

/** Prepares a gold document for feature extraction with a given lexicon (and part-of-speech tagger). */
export function prepareGold(d: AnalyzedDoc, lexicon: CueLexicon, pos: PosModel | null = null): PreparedDoc {
  const attrs = tokenAttributes(d.ctx, lexicon, pos);
  return { ctx: d.ctx, attrs, index: docIndex(attrs, d.quotes) };
}

/**
 * Cue-tagger examples: one per sentence, labels O/B/I from the gold cues.
 * @example cueExamples(doc, prepared, mask)
 */
export function cueExamples(d: AnalyzedDoc, p: PreparedDoc, mask: number): Example[] {
  const labels = new Uint8Array(d.ctx.doc.tokens.count);
  for (const a of d.attributions) {
    if (!a.cue) continue;
    labels[a.cue.start] = 1;
    for (let t = a.cue.start + 1; t < a.cue.end; t++) labels[t] = 2;
  }
  return d.ctx.doc.sentences.map((s) => {
    const buf = new FeatureBuffer(mask, (s.end - s.start) * 32);
    cueFeatures(d.ctx, p.attrs, s, buf);
    return { seq: buf.finish(), gold: labels.slice(s.start, s.end) };
  });
}

/**
 * Role-tagger examples: one per gold cue, source and content labelled, everything else O.
 * @example roleExamples(doc, prepared, mask)
 */
export function roleExamples(d: AnalyzedDoc, p: PreparedDoc, mask: number): Example[] {
  const out: Example[] = [];
  for (const a of d.attributions) {
    if (!a.cue) continue;
    const w = roleWindow(d.ctx, a.cue);
    const gold = new Uint8Array(w.end - w.start);
    mark(gold, w, a.content, ROLE.BC);
    mark(gold, w, a.source, ROLE.BS);
    const forced = cueForcing(a.cue, w);
    for (let i = 0; i < gold.length; i++) if (forced[i] >= 0) gold[i] = ROLE.O;
    const buf = new FeatureBuffer(mask, (w.end - w.start) * 36);
    roleFeatures(d.ctx, p.attrs, p.index, a.cue, w, buf, true);
    out.push({ seq: buf.finish(roleGroups(a.cue, w, p.attrs)), gold, forced });
  }
  return out;
}

/** Writes B/I labels of `begin` for each range, clipped to the window; later ranges overwrite. */
function mark(labels: Uint8Array, w: TokenRange, ranges: TokenRange[], begin: number): void {
  for (const r of ranges) {
    const s = Math.max(r.start, w.start);
    const e = Math.min(r.end, w.end);
    if (e <= s) continue;
    labels[s - w.start] = begin;
    for (let t = s + 1; t < e; t++) labels[t - w.start] = begin + 1;
  }
}
