import { candidates, findCues, taggingInputs, type AttributionModel } from '../extract/model/attribution-model.js';
import { markFoundCues } from '../extract/model/doc-index.js';
import { CUE_LABELS } from '../extract/model/cue-features.js';
import { bioAllowed, type LinearModel } from '../extract/model/linear.js';
import { ROLE_GROUPS, ROLE_LABELS } from '../extract/model/role-features.js';
import type { PreparedDoc } from '../extract/model/attribution-model.js';
import { countsOf, cueExamples, prepareGold, roleExamples, type AnalyzedDoc, type Example } from './examples.js';
import { LexiconCounts } from './lexicon.js';
import { fitCalibration, type CalibrationExample } from './calibrate.js';
import { choiceExample, extentExamples, goldFor, isRight, nearMissExamples, trainReranker, type RerankExample } from './reranker.js';
import { contentFeatures, MAX_TRIES, sourceFeatures } from '../extract/model/span-reranker.js';
import { AveragedPerceptron } from './perceptron.js';
import { seededRandom, shuffle } from './random.js';
import { trainPosTagger } from './pos.js';
import type { PosModel } from '../extract/model/pos-tagger.js';
import { tokenAttributes } from '../extract/model/token-attributes.js';

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
  /** Fit the confidence calibration on one held-out fold (taggers trained on the other folds). */
  calibrate: boolean;
  /** Feature buckets (log2) and epochs of the part-of-speech tagger, trained when the documents carry a teacher's tags. */
  posBits: number;
  posEpochs: number;
  /** Train the rerankers of cue extents, contents and sources (on the choices of taggers trained without each fold): buckets (log2) and epochs. */
  rerank: boolean;
  rerankBits: number;
  rerankEpochs: number;
  /** Perceptrons averaged into the content and source rerankers and the near-miss filter, each on its own shuffles ({@link trainReranker}; the cue extents' reranker is one). */
  rerankRuns: number;
  /** The near-miss filter ({@link AttributionModel.nearMissFilter}, trained with the rerankers): buckets (log2), and the threshold it ships with. */
  nearMissBits: number;
  nearMissThreshold: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  bits: 17, cueEpochs: 6, roleEpochs: 8, folds: 5, seed: 20250313, cueSlack: 80, sourceSlack: 20, calibrate: true, posBits: 16, posEpochs: 5,
  rerank: true, rerankBits: 17, rerankEpochs: 5, rerankRuns: 3, nearMissBits: 16, nearMissThreshold: -6,
};

/** Called after each epoch with the averaged model so far. */
export type EpochHook = (stage: 'cue' | 'role' | 'cue extents' | 'reranker' | 'near misses' | 'calibration', epoch: number, model: AttributionModel, errors: number) => void;

/**
 * Trains the cue tagger and the role tagger on analysed gold documents, then the rerankers (cue
 * extents, contents, sources), the near-miss filter and the confidence calibration on what
 * taggers trained without each fold make of it.
 * The cue-rate lexicon feature is jackknifed (each fold sees a lexicon built without its own
 * documents), and so are the found cues the role tagger reads (found by a cue tagger trained
 * without the fold), so the taggers learn how much to trust them on unseen text. The rerankers
 * learn from every fold's choices; the near-miss filter from every fold's near misses, reranked;
 * the calibration from fold 0's, reranked and filtered.
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
  const pos = posTagger(docs, cfg);
  const prepared = docs.map((d, i) => prepareGold(d, foldLexicons[fold[i]], pos));
  const base = { lexicon, cueSlack: cfg.cueSlack, sourceSlack: cfg.sourceSlack, ...(pos ? { pos } : {}) };
  const all = docs.map((_, i) => i);

  const foldCues = markJackknifedCues(docs, prepared, fold, cfg, mask);
  const emptyRole = new AveragedPerceptron(ROLE_LABELS, 4, ROLE_GROUPS, bioAllowed(2)).model;
  const cue = trainCue(docs, prepared, all, cfg, mask, rand, (e, m, errors) => onEpoch?.('cue', e, { ...base, cue: m, role: emptyRole }, errors));
  const role = trainRole(docs, prepared, all, cfg, mask, rand, (e, m, errors) => onEpoch?.('role', e, { ...base, cue, role: m }, errors));
  let model: AttributionModel = { ...base, cue, role };
  if (!cfg.rerank && !cfg.calibrate) return model;
  if (cfg.rerank) {
    const extents = all.flatMap((i) => extentExamples(docs[i], prepared[i], foldCues[fold[i]]));
    model = { ...model, cueReranker: trainReranker(extents, cfg.rerankBits, cfg.rerankEpochs, seededRandom(cfg.seed ^ 0x6e4b)) };
    onEpoch?.('cue extents', cfg.rerankEpochs, model, extents.length);
  }
  // Taggers that never saw fold k, for fold k: its cue tagger from the jackknife (with the cue extents' reranker), and a role tagger.
  const heldOuts: AttributionModel[] = [];
  const heldOut = (k: number): AttributionModel => (heldOuts[k] ??= {
    ...base, cue: foldCues[k], role: trainRole(docs, prepared, all.filter((i) => fold[i] !== k), cfg, mask, rand),
    ...(model.cueReranker ? { cueReranker: model.cueReranker } : {}),
  });
  const fold0 = heldOut(0);
  if (cfg.rerank) {
    const contents: RerankExample[] = [];
    const sources: RerankExample[] = [];
    for (let k = 0; k < cfg.folds; k++) {
      const m = k === 0 ? fold0 : heldOut(k);
      for (const i of all) {
        if (fold[i] !== k) continue;
        const p = prepared[i];
        for (const t of candidates(p, m, true)) {
          const g = goldFor(t, docs[i].attributions);
          if (!g) continue;
          const content = choiceExample(p, t.cue, t.choices, g.content, contentFeatures);
          if (content) contents.push(content);
          const hull = g.source.length ? [{ start: g.source[0].start, end: g.source[g.source.length - 1].end }] : [];
          const source = choiceExample(p, t.cue, t.sourceChoices, hull, sourceFeatures);
          if (source) sources.push(source);
        }
      }
    }
    model = {
      ...model,
      reranker: trainReranker(contents, cfg.rerankBits, cfg.rerankEpochs, seededRandom(cfg.seed ^ 0x4e4b), cfg.rerankRuns),
      sourceReranker: trainReranker(sources, cfg.rerankBits, cfg.rerankEpochs, seededRandom(cfg.seed ^ 0x5e4b), cfg.rerankRuns),
    };
    onEpoch?.('reranker', cfg.rerankEpochs, model, contents.length);
    const reranked = (k: number): AttributionModel => ({ ...heldOut(k), reranker: model.reranker, sourceReranker: model.sourceReranker });
    const misses = all.flatMap((i) => nearMissExamples(docs[i], prepared[i], reranked(fold[i])));
    model = {
      ...model,
      nearMissFilter: trainReranker(misses, cfg.nearMissBits, cfg.rerankEpochs, seededRandom(cfg.seed ^ 0x7e4b), cfg.rerankRuns),
      nearMissThreshold: cfg.nearMissThreshold,
    };
    onEpoch?.('near misses', cfg.rerankEpochs, model, misses.length);
  }
  if (!cfg.calibrate) return model;
  const calibrationModel: AttributionModel = { ...fold0, reranker: model.reranker, sourceReranker: model.sourceReranker };
  if (model.nearMissFilter) Object.assign(calibrationModel, { nearMissFilter: model.nearMissFilter, nearMissThreshold: model.nearMissThreshold });
  const examples = all.filter((i) => fold[i] === 0).flatMap((i) => calibrationExamples(docs[i], prepared[i], calibrationModel));
  const calibrated = { ...model, calibration: fitCalibration(examples) };
  onEpoch?.('calibration', 1, calibrated, examples.filter((e) => e.label === 0).length);
  return calibrated;
}

/**
 * Marks each document's found cues as a cue tagger trained on the other folds finds them, so that
 * the role tagger learns from the cues it will read on unseen text (its own random stream, so
 * the taggers' training does not depend on it). Returns those cue taggers, by fold.
 */
function markJackknifedCues(docs: AnalyzedDoc[], prepared: PreparedDoc[], fold: number[], cfg: TrainConfig, mask: number): LinearModel[] {
  const rand = seededRandom(cfg.seed ^ 0x5ac);
  const all = docs.map((_, i) => i);
  const taggers: LinearModel[] = [];
  for (let k = 0; k < cfg.folds; k++) {
    const cue = trainCue(docs, prepared, all.filter((i) => fold[i] !== k), cfg, mask, rand);
    for (const i of all) if (fold[i] === k) markFoundCues(prepared[i].index, findCues(prepared[i], cue));
    taggers.push(cue);
  }
  return taggers;
}

/**
 * The part-of-speech tagger trained on the documents' teacher tags; null when they have none.
 * Its own random stream, so the taggers' training does not depend on whether it ran.
 */
function posTagger(docs: AnalyzedDoc[], cfg: TrainConfig): PosModel | null {
  const taught = docs.filter((d) => d.posTeacher);
  if (!taught.length) return null;
  const examples = taught.map((d) => ({ sentences: d.ctx.doc.sentences, attrs: tokenAttributes(d.ctx, new Map()), tags: d.posTeacher! }));
  return trainPosTagger(examples, cfg.posBits, cfg.posEpochs, seededRandom(cfg.seed ^ 0x9e37));
}

/**
 * K-fold cross-validation: fold k tests on every `folds`-th item from item k and trains on the
 * rest, so each item is tested exactly once, by a model that never saw it.
 * @example crossValidationSplits(['a', 'b', 'c', 'd'], 2)[1] // {train: ['a', 'c'], test: ['b', 'd']}
 */
export function crossValidationSplits<T>(items: readonly T[], folds: number): { train: T[]; test: T[] }[] {
  if (!Number.isInteger(folds) || folds < 2 || folds > items.length) {
    throw new RangeError(`cross-validation: folds must be an integer from 2 to the ${items.length} items, got ${folds}`);
  }
  return Array.from({ length: folds }, (_, k) => ({
    train: items.filter((_, i) => i % folds !== k),
    test: items.filter((_, i) => i % folds === k),
  }));
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

/** One example per candidate, right or not ({@link isRight}). */
function calibrationExamples(d: AnalyzedDoc, p: PreparedDoc, model: AttributionModel): CalibrationExample[] {
  return candidates(p, model, false, MAX_TRIES).map((t) => ({ inputs: taggingInputs(p, t), label: isRight(d, t) ? 1 : 0 }));
}

function lexiconWithout(counts: LexiconCounts[], fold: number[], k: number): Map<number, number> {
  const merged = new LexiconCounts();
  counts.forEach((c, i) => { if (fold[i] !== k) merged.merge(c); });
  return merged.toLexicon();
}
