import { candidates, type AttributionModel } from '../extract/model/attribution-model.js';
import { CUE_LABELS } from '../extract/model/cue-features.js';
import { bioAllowed, type LinearModel } from '../extract/model/linear.js';
import { rerankFeatures, type Reranker } from '../extract/model/reranker.js';
import { ROLE_GROUPS, ROLE_LABELS } from '../extract/model/role-features.js';
import type { PreparedDoc } from '../extract/model/attribution-model.js';
import { countsOf, cueExamples, prepareGold, roleExamples, type AnalyzedDoc, type Example } from './examples.js';
import { LexiconCounts } from './lexicon.js';
import { trainLogistic, type BinaryExample } from './logistic.js';
import { AveragedPerceptron } from './perceptron.js';
import { seededRandom, shuffle } from './random.js';

/** Training settings; the defaults are what `npm run train` ships. */
export interface TrainConfig {
  bits: number;
  cueEpochs: number;
  roleEpochs: number;
  folds: number;
  seed: number;
  /** See {@link AttributionModel.cueSlack}. */
  cueSlack: number;
  /** See {@link AttributionModel.sourceSlack}. */
  sourceSlack: number;
  /** Train a reranker on jackknifed candidates (each fold's taggers trained without it). */
  rerank: boolean;
  rerankBits: number;
  rerankEpochs: number;
  threshold: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  bits: 21, cueEpochs: 6, roleEpochs: 4, folds: 5, seed: 20250313, cueSlack: 40, sourceSlack: 20,
  rerank: true, rerankBits: 18, rerankEpochs: 6, threshold: 0.5,
};

/** Called after each epoch with the averaged model so far. */
export type EpochHook = (stage: 'cue' | 'role' | 'rerank', epoch: number, model: AttributionModel, errors: number) => void;

/**
 * Trains the cue tagger, the role tagger and the reranker on analysed gold documents. The
 * cue-rate lexicon feature is jackknifed (each fold sees a lexicon built without its own
 * documents), and so are the reranker's training candidates (found by taggers that never saw
 * the fold), so both learn how much to trust what they will see on unseen text.
 * @example trainModel(docs, DEFAULT_CONFIG)
 */
export function trainModel(docs: AnalyzedDoc[], cfg: TrainConfig = DEFAULT_CONFIG, onEpoch?: EpochHook): AttributionModel {
  const rand = seededRandom(cfg.seed);
  const fold = docs.map((_, i) => i % cfg.folds);
  shuffle(fold, rand);
  const counts = docs.map(countsOf);
  const foldLexicons = Array.from({ length: cfg.folds }, (_, k) => lexiconWithout(counts, fold, k));
  const lexicon = lexiconWithout(counts, fold, -1);
  const mask = (1 << cfg.bits) - 1;
  const prepared = docs.map((d, i) => prepareGold(d, foldLexicons[fold[i]]));
  const base = { lexicon, cueSlack: cfg.cueSlack, sourceSlack: cfg.sourceSlack };
  const all = docs.map((_, i) => i);

  const emptyRole = new AveragedPerceptron(ROLE_LABELS, 4, ROLE_GROUPS, bioAllowed(2)).model;
  const cue = trainCue(docs, prepared, all, cfg, mask, rand, (e, m, errors) => onEpoch?.('cue', e, { ...base, cue: m, role: emptyRole }, errors));
  const role = trainRole(docs, prepared, all, cfg, mask, rand, (e, m, errors) => onEpoch?.('role', e, { ...base, cue, role: m }, errors));
  const model: AttributionModel = { ...base, cue, role };
  if (!cfg.rerank) return model;

  const examples: BinaryExample[] = [];
  for (let k = 0; k < cfg.folds; k++) {
    const rest = all.filter((i) => fold[i] !== k);
    const foldModel: AttributionModel = {
      ...base,
      cue: trainCue(docs, prepared, rest, cfg, mask, rand),
      role: trainRole(docs, prepared, rest, cfg, mask, rand),
    };
    for (const i of all) if (fold[i] === k) examples.push(...rerankExamples(docs[i], prepared[i], foldModel, cfg.rerankBits));
  }
  const weights = trainLogistic(examples, cfg.rerankBits, cfg.rerankEpochs, rand);
  const reranker: Reranker = { weights, mask: (1 << cfg.rerankBits) - 1, threshold: cfg.threshold };
  const positives = examples.reduce((n, e) => n + e.label, 0);
  const final = { ...model, reranker };
  onEpoch?.('rerank', cfg.rerankEpochs, final, examples.length - positives);
  return final;
}

type Progress = (epoch: number, model: LinearModel, errors: number) => void;

function trainCue(docs: AnalyzedDoc[], prepared: PreparedDoc[], which: number[], cfg: TrainConfig, mask: number, rand: () => number, progress?: Progress): LinearModel {
  const data = which.flatMap((i) => cueExamples(docs[i], prepared[i], mask));
  return runEpochs(new AveragedPerceptron(CUE_LABELS, cfg.bits, 1, bioAllowed(1)), data, cfg.cueEpochs, rand, progress);
}

function trainRole(docs: AnalyzedDoc[], prepared: PreparedDoc[], which: number[], cfg: TrainConfig, mask: number, rand: () => number, progress?: Progress): LinearModel {
  const data = which.flatMap((i) => roleExamples(docs[i], prepared[i], mask));
  return runEpochs(new AveragedPerceptron(ROLE_LABELS, cfg.bits, ROLE_GROUPS, bioAllowed(2)), data, cfg.roleEpochs, rand, progress);
}

function runEpochs(tagger: AveragedPerceptron, data: Example[], epochs: number, rand: () => number, progress?: Progress): LinearModel {
  let model = tagger.model;
  for (let e = 1; e <= epochs; e++) {
    let errors = 0;
    for (const ex of shuffle([...data], rand)) if (tagger.learn(ex.seq, ex.gold, ex.forced)) errors++;
    if (progress || e === epochs) model = tagger.averaged();
    progress?.(e, model, errors);
  }
  return model;
}

/** A candidate is positive when its cue overlaps a gold cue whose content it overlaps too. */
function rerankExamples(d: AnalyzedDoc, p: PreparedDoc, model: AttributionModel, bits: number): BinaryExample[] {
  const mask = (1 << bits) - 1;
  return candidates(p, model).map((t) => {
    const c = t.candidate;
    const hit = d.attributions.some((g) => g.cue && c.cue && g.cue.start < c.cue.end && c.cue.start < g.cue.end &&
      g.content.some((r) => c.content.some((s) => r.start < s.end && s.start < r.end)));
    return { feats: rerankFeatures(p, t, mask), label: hit ? 1 : 0 };
  });
}

function lexiconWithout(counts: LexiconCounts[], fold: number[], k: number): Map<number, number> {
  const merged = new LexiconCounts();
  counts.forEach((c, i) => { if (fold[i] !== k) merged.merge(c); });
  return merged.toLexicon();
}
