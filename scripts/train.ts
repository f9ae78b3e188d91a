/**
 * `npm run train`: trains the attribution model on PolNeAR train, reports dev figures per
 * epoch (reference scorer), and writes models/attribution-model.js.
 * Usage: tsx scripts/train.ts [--train PATH] [--dev PATH] [--fraction F] [--out PATH] [--no-save] [--no-pos] [--no-rerank]
 * `--cv K` instead cross-validates on train (K folds, each scored by a model trained on the
 * others): figures for unseen articles that dev, which settings were tuned on, cannot give.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findCues, prepare, type AttributionModel } from '../src/extract/model/attribution-model.js';
import { score as scoreAttributions } from '../src/eval/scorer.js';
import { decodeModel, encodeModel } from '../src/extract/model/model-io.js';
import { findAttributions } from '../src/extract/pipeline.js';
import { analyzeGold, type AnalyzedDoc } from '../src/train/examples.js';
import { parseGold } from '../src/train/gold.js';
import { crossValidationSplits, DEFAULT_CONFIG, trainModel } from '../src/train/train.js';
import { writeModelModule } from './model-module.js';
import { winkTags } from './pos-teacher.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '../shared/data/polnear/train.jsonl' },
    dev: { type: 'string', default: '../shared/data/polnear/dev.jsonl' },
    fraction: { type: 'string', default: '1' },
    out: { type: 'string', default: 'models/attribution-model.js' },
    'no-save': { type: 'boolean', default: false },
    'cue-epochs': { type: 'string' },
    'role-epochs': { type: 'string' },
    bits: { type: 'string' },
    'no-calibrate': { type: 'boolean', default: false },
    'eval-every': { type: 'string', default: '1' },
    slack: { type: 'string' },
    cv: { type: 'string' },
    'no-pos': { type: 'boolean', default: false },
    'no-rerank': { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const trainDocs = parseGold(readFileSync(values.train, 'utf8'));
const devDocs = parseGold(readFileSync(values.dev, 'utf8'));
const fraction = Number(values.fraction);
const used = trainDocs.slice(0, Math.round(trainDocs.length * fraction));
const train = used.map(analyzeGold);
const dev = devDocs.map(analyzeGold);
log(`analysed ${train.length} train and ${dev.length} dev articles in ${secs(t0)}`);
if (!values['no-pos']) {
  for (const d of train) d.posTeacher = winkTags(d);
  log(`tagged the train articles with wink-nlp, the part-of-speech tagger's teacher, in ${secs(t0)}`);
}

const cfg = {
  ...DEFAULT_CONFIG,
  ...(values['cue-epochs'] ? { cueEpochs: Number(values['cue-epochs']) } : {}),
  ...(values['role-epochs'] ? { roleEpochs: Number(values['role-epochs']) } : {}),
  ...(values.bits ? { bits: Number(values.bits) } : {}),
  calibrate: !values['no-calibrate'],
  rerank: !values['no-rerank'],
  ...(values.slack ? { cueSlack: Number(values.slack) } : {}),
};
if (values.cv) {
  crossValidate(train, Number(values.cv));
  process.exit(0);
}
const every = Number(values['eval-every']);
const model = trainModel(train, cfg, (stage, epoch, m, errors) => {
  const last = stage === 'cue' ? cfg.cueEpochs : stage === 'role' ? cfg.roleEpochs : 1;
  const due = epoch % every === 0 || epoch === last;
  const scores = !due ? null : stage === 'cue' ? cueScore(m, dev) : score(m, dev);
  const what = stage === 'reranker' ? `${errors} cues whose choices hold the gold content`
    : stage === 'cue extents' ? `${errors} found cues whose extents hold the gold one`
    : stage === 'near misses' ? `${errors} near misses to keep or drop` : `${errors} wrong sequences`;
  log(`${stage} epoch ${epoch}: ${what}${scores ? `; dev ${scores}` : ''} (${secs(t0)})`);
});
if (!values['no-save']) {
  const bytes = encodeModel(model, { trainedOn: values.train, articles: train.length, config: cfg });
  writeModelModule(values.out, bytes);
  log(`wrote ${values.out} (${(bytes.length / 2 ** 20).toFixed(1)} MiB binary)`);
  log(`dev with the saved (quantised) model: ${score(decodeModel(bytes), dev)}`);
}

/** The reference scorer's headline figures for a model on analysed gold documents. */
function figures(m: AttributionModel, docs: AnalyzedDoc[]): Record<Figure, number> {
  const preds = docs.map((d) => ({ id: d.gold.id, attributions: findAttributions(d.ctx, m, []) }));
  const s = scoreAttributions(docs.map((d) => d.gold), preds);
  const r = s.recall_by_type;
  return {
    detect: s.detect.f1, P: s.detect.p, R: s.detect.r,
    source: s.span_source.f1, cue: s.span_cue.f1, content: s.span_content.f1,
    direct: r.direct.r, mixed: r.mixed.r, indirect: r.indirect.r,
  };
}

type Figure = 'detect' | 'P' | 'R' | 'source' | 'cue' | 'content' | 'direct' | 'mixed' | 'indirect';

function describe(f: Record<Figure, number>): string {
  const x = (k: Figure) => f[k].toFixed(3);
  return `detect ${x('detect')} (P ${x('P')} R ${x('R')}) span source ${x('source')} cue ${x('cue')} content ${x('content')}; recall direct ${x('direct')} mixed ${x('mixed')} indirect ${x('indirect')}`;
}

function score(m: AttributionModel, docs: AnalyzedDoc[]): string {
  return describe(figures(m, docs));
}

/** Trains on all folds but one and scores the saved (quantised) form of the model on that one, for each fold. */
function crossValidate(docs: AnalyzedDoc[], folds: number): void {
  const all: Record<Figure, number>[] = [];
  crossValidationSplits(docs, folds).forEach(({ train: rest, test }, k) => {
    const bytes = encodeModel(trainModel(rest, cfg), { trainedOn: values.train, articles: rest.length, config: cfg });
    all.push(figures(decodeModel(bytes), test));
    log(`fold ${k + 1} of ${folds} (trained on ${rest.length}, scored on ${test.length} articles): ${describe(all[k])} (${secs(t0)})`);
  });
  const keys = Object.keys(all[0]) as Figure[];
  const over = (pick: (v: number[]) => number) => Object.fromEntries(keys.map((k) => [k, pick(all.map((f) => f[k]))])) as Record<Figure, number>;
  log(`mean of ${folds} folds: ${describe(over((v) => v.reduce((a, b) => a + b, 0) / v.length))}`);
  log(`lowest fold per figure: ${describe(over((v) => Math.min(...v)))}`);
  log(`highest fold per figure: ${describe(over((v) => Math.max(...v)))}`);
}

/** Cue tagger alone: exact span P/R/F1 of its cues against the gold cues. */
function cueScore(m: AttributionModel, docs: AnalyzedDoc[]): string {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const d of docs) {
    const found = findCues(prepare(d.ctx, m.lexicon, d.quotes, m.pos), m.cue);
    const gold = d.attributions.flatMap((a) => (a.cue ? [a.cue] : []));
    np += found.length;
    ng += gold.length;
    tp += found.filter((c) => gold.some((g) => g.start === c.start && g.end === c.end)).length;
  }
  const p = tp / np;
  const r = tp / ng;
  return `cues P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)}`;
}

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

function secs(from: number): string {
  return `${((Date.now() - from) / 1000).toFixed(1)}s`;
}
