import { MAX_TRIES, sameRanges, type ChoiceFeatures, type SpanChoice } from '../extract/model/span-reranker.js';
import { candidates, cueScores, tagRoles, type AttributionModel, type PreparedDoc, type RoleTagging } from '../extract/model/attribution-model.js';
import { DROP, foundRoles, nearMissFeatures } from '../extract/model/near-miss.js';
import { FeatureList } from '../extract/model/feature-list.js';
import type { TokenRange } from '../extract/context.js';
import { MaxMarginals, type HashedWeights, type LinearModel } from '../extract/model/linear.js';
import { chooseExtents, extentFeatures } from '../extract/model/cue-extent.js';
import { CUE_LABELS } from '../extract/model/cue-features.js';
import { PUNCT } from '../text/tokens.js';
import type { AnalyzedDoc } from './examples.js';
import { shuffle } from './random.js';

/** One cue's choices as hashed features per choice, and which of them is the gold one. */
export interface RerankExample {
  features: Int32Array[];
  gold: number;
}

/**
 * A reranker's training example from a cue's choices (of a tagging made with `withChoices`):
 * null when there is a single choice or when none is the gold spans.
 * @example choiceExample(prepared, tagging.cue, tagging.choices, gold.content, contentFeatures)
 */
export function choiceExample(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[] | undefined, gold: readonly TokenRange[], features: ChoiceFeatures): RerankExample | null {
  if (!choices || choices.length < 2) return null;
  const target = choices.findIndex((c) => sameRanges(c.spans, gold));
  return target < 0 ? null : exampleOf(p, cue, choices, target, features);
}

/** The features of each choice, and the gold one's index. */
function exampleOf(p: PreparedDoc, cue: TokenRange, choices: readonly SpanChoice[], gold: number, features: ChoiceFeatures): RerankExample {
  return {
    features: choices.map((_, j) => {
      const out = new FeatureList();
      features(p, cue, choices, j, out);
      return out.toArray();
    }),
    gold,
  };
}

/**
 * The cue extents' reranker's examples from one document: each cue the tagger `cue` finds (one
 * trained without the document), with the extents it chooses from, when the gold cue over it is
 * one of them (punctuation marks at either end aside, which the scorer ignores; setting quote
 * marks aside too measured no better, cross-validated).
 * @example extentExamples(doc, prepared, foldCueTagger).length
 */
export function extentExamples(d: AnalyzedDoc, p: PreparedDoc, cue: LinearModel): RerankExample[] {
  const kind = d.ctx.doc.tokens.kind;
  const words = (r: TokenRange): string => {
    let { start, end } = r;
    while (start < end && kind[start] === PUNCT) start++;
    while (end > start && kind[end - 1] === PUNCT) end--;
    return `${start}:${end}`;
  };
  const out: RerankExample[] = [];
  const scores = cueScores(p, cue);
  for (const s of d.ctx.doc.sentences) {
    const mm = new MaxMarginals(cue, new Uint8Array(s.end - s.start), scores.subarray(s.start * CUE_LABELS, s.end * CUE_LABELS));
    chooseExtents(mm, mm.best(), s, (found, choices) => {
      const g = d.attributions.find((a) => a.cue !== null && a.cue.start < found.end && found.start < a.cue.end);
      const target = g?.cue ? choices.findIndex((c) => words(c.spans[0]) === words(g.cue!)) : -1;
      if (target >= 0 && choices.length > 1) out.push(exampleOf(p, found, choices, target, extentFeatures));
      return Math.max(0, target);
    });
  }
  return out;
}

/**
 * The near-miss filter's examples from one document: each near miss's decoded tagging (by a
 * model that never saw the document; as `tagRoles` hands it to the filter, before the rerankers)
 * as two choices, keep (its {@link nearMissFeatures}) and drop ({@link DROP}), the first the right
 * one when the final tagging is ({@link isRight}).
 * @example nearMissExamples(doc, prepared, heldOutModel).length
 */
export function nearMissExamples(d: AnalyzedDoc, p: PreparedDoc, model: AttributionModel): RerankExample[] {
  const tagged = candidates(p, model, false, MAX_TRIES);
  const roles = foundRoles(tagged, p.attrs.count);
  const out: RerankExample[] = [];
  for (const t of tagged) {
    if (!t.cue.nearMiss) continue;
    tagRoles(p, model, t.cue, false, (decoded) => {
      const keep = new FeatureList();
      nearMissFeatures(p, decoded, roles, keep);
      out.push({ features: [keep.toArray(), Int32Array.from(DROP)], gold: isRight(d, t) ? 0 : 1 });
      return 0;
    });
  }
  return out;
}

/**
 * A tagging is right when its cue overlaps a gold cue whose content its content overlaps too.
 * @example isRight(doc, tagging)
 */
export function isRight(d: AnalyzedDoc, t: RoleTagging): boolean {
  const c = t.candidate;
  return d.attributions.some((g) => g.cue && c.cue && g.cue.start < c.cue.end && c.cue.start < g.cue.end &&
    g.content.some((r) => c.content.some((s) => r.start < s.end && s.start < r.end)));
}

/**
 * The gold attribution whose cue overlaps a tagging's cue, if any.
 * @example goldFor(tagging, doc.attributions)?.content
 */
export function goldFor<T extends { cue: TokenRange | null }>(t: RoleTagging, gold: readonly T[]): T | undefined {
  return gold.find((a) => a.cue !== null && a.cue.start < t.cue.end && t.cue.start < a.cue.end);
}

/**
 * Averaged perceptron over lists: the highest-scoring choice against the gold one, weights of
 * both moved when they differ (lazy averaging, as {@link AveragedPerceptron}). With `runs` above
 * 1, that many perceptrons, each on its own shuffles from `rand`, and the mean of their weights:
 * a reranker depends on the order it saw its lists in, and the mean of three chose the gold
 * content for 0.7023 of the fold models' cues against 0.6999 for one (sources 0.8593, 0.8576).
 * @example trainReranker(examples, 17, 5, seededRandom(1)).weights.length // 131072
 */
export function trainReranker(examples: RerankExample[], bits: number, epochs: number, rand: () => number, runs = 1): HashedWeights {
  const mask = (1 << bits) - 1;
  const weights = new Float32Array(mask + 1);
  for (let r = 0; r < runs; r++) {
    const one = perceptron(examples, mask, epochs, rand);
    for (let k = 0; k <= mask; k++) weights[k] += one[k] / runs;
  }
  return { labels: 1, mask, weights, scale: 1 };
}

/** One averaged perceptron's weights. */
function perceptron(examples: RerankExample[], mask: number, epochs: number, rand: () => number): Float32Array {
  const w = new Float32Array(mask + 1);
  const sums = new Float64Array(mask + 1);
  let clock = 1;
  const scoreOf = (f: Int32Array): number => {
    let s = 0;
    for (const h of f) s += w[h & mask];
    return s;
  };
  const bump = (f: Int32Array, delta: number): void => {
    for (const h of f) { w[h & mask] += delta; sums[h & mask] += clock * delta; }
  };
  for (let e = 0; e < epochs; e++) {
    for (const ex of shuffle([...examples], rand)) {
      let best = 0;
      let bestScore = -Infinity;
      ex.features.forEach((f, j) => { const s = scoreOf(f); if (s > bestScore) { bestScore = s; best = j; } });
      if (best !== ex.gold) { bump(ex.features[ex.gold], 1); bump(ex.features[best], -1); }
      clock++;
    }
  }
  const averaged = new Float32Array(mask + 1);
  for (let k = 0; k <= mask; k++) averaged[k] = w[k] - sums[k] / clock;
  return averaged;
}
