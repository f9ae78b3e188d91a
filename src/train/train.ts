import type { TokenRange } from '../extract/context.js';
import { findCues, type AttributionModel } from '../extract/model/attribution-model.js';
import { CUE_LABELS } from '../extract/model/cue-features.js';
import { bioAllowed, type LinearModel } from '../extract/model/linear.js';
import { ROLE_LABELS } from '../extract/model/role-features.js';
import { countsOf, cueExamples, prepareGold, roleExamples, type AnalyzedDoc, type Example } from './examples.js';
import { LexiconCounts } from './lexicon.js';
import { AveragedPerceptron } from './perceptron.js';
import { seededRandom, shuffle } from './random.js';

/** Training settings; the defaults are what `npm run train` ships. */
export interface TrainConfig {
  bits: number;
  cueEpochs: number;
  roleEpochs: number;
  folds: number;
  seed: number;
  /** Train the role tagger also on the cue tagger's false alarms (jackknifed), labelled all O. */
  negatives: boolean;
}

export const DEFAULT_CONFIG: TrainConfig = { bits: 21, cueEpochs: 8, roleEpochs: 8, folds: 5, seed: 20250313, negatives: true };

/** Called after each epoch with the averaged model so far. */
export type EpochHook = (stage: 'cue' | 'role', epoch: number, model: AttributionModel, errors: number) => void;

/**
 * Trains the cue tagger and the role tagger on analysed gold documents. The cue-rate lexicon
 * feature is jackknifed (each fold sees a lexicon built without its own documents), so the
 * tagger learns how much to trust it on unseen text.
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

  const cueData = docs.flatMap((d, i) => cueExamples(d, prepared[i], mask));
  const cueTagger = new AveragedPerceptron(CUE_LABELS, cfg.bits, 1, bioAllowed(1));
  let cue = cueTagger.model;
  const role0: LinearModel = new AveragedPerceptron(ROLE_LABELS, 4, 2, bioAllowed(2)).model;
  for (let e = 1; e <= cfg.cueEpochs; e++) {
    const errors = epoch(cueTagger, cueData, rand);
    cue = cueTagger.averaged();
    onEpoch?.('cue', e, { cue, role: role0, lexicon }, errors);
  }

  const negatives = cfg.negatives ? jackknifeFalseCues(docs, prepared, fold, cfg, mask, rand) : docs.map(() => []);
  const roleData = docs.flatMap((d, i) => roleExamples(d, prepared[i], mask, negatives[i]));
  const roleTagger = new AveragedPerceptron(ROLE_LABELS, cfg.bits, 2, bioAllowed(2));
  let role = roleTagger.model;
  for (let e = 1; e <= cfg.roleEpochs; e++) {
    const errors = epoch(roleTagger, roleData, rand);
    role = roleTagger.averaged();
    onEpoch?.('role', e, { cue, role, lexicon }, errors);
  }
  return { cue, role, lexicon };
}

function epoch(tagger: AveragedPerceptron, data: Example[], rand: () => number): number {
  let errors = 0;
  for (const ex of shuffle([...data], rand)) if (tagger.learn(ex.seq, ex.gold, ex.forced)) errors++;
  return errors;
}

function lexiconWithout(counts: LexiconCounts[], fold: number[], k: number): Map<number, number> {
  const merged = new LexiconCounts();
  counts.forEach((c, i) => { if (fold[i] !== k) merged.merge(c); });
  return merged.toLexicon();
}

/** For each fold, a cue tagger trained on the other folds finds cues; those not in the gold are negatives. */
function jackknifeFalseCues(docs: AnalyzedDoc[], prepared: ReturnType<typeof prepareGold>[], fold: number[], cfg: TrainConfig, mask: number, rand: () => number): TokenRange[][] {
  const out: TokenRange[][] = docs.map(() => []);
  for (let k = 0; k < cfg.folds; k++) {
    const tagger = new AveragedPerceptron(CUE_LABELS, cfg.bits, 1, bioAllowed(1));
    const data = docs.flatMap((d, i) => (fold[i] === k ? [] : cueExamples(d, prepared[i], mask)));
    for (let e = 0; e < Math.max(2, cfg.cueEpochs >> 1); e++) epoch(tagger, data, rand);
    const model = tagger.averaged();
    docs.forEach((d, i) => {
      if (fold[i] !== k) return;
      const gold = d.attributions.flatMap((a) => (a.cue ? [a.cue] : []));
      out[i] = findCues(prepared[i], model).filter((c) => !gold.some((g) => g.start < c.end && c.start < g.end));
    });
  }
  return out;
}
