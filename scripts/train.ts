/**
 * `npm run train`: trains the attribution model on PolNeAR train, reports dev figures per
 * epoch (reference scorer), and writes models/attribution-model.js.
 * Usage: tsx scripts/train.ts [--train PATH] [--dev PATH] [--fraction F] [--out PATH] [--no-save]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findCues, prepare, type AttributionModel } from '../src/extract/model/attribution-model.js';
import { score as scoreAttributions } from '../src/eval/scorer.js';
import { decodeModel, encodeModel } from '../src/extract/model/model-io.js';
import { findAttributions } from '../src/extract/pipeline.js';
import { analyzeGold, type AnalyzedDoc } from '../src/train/examples.js';
import { parseGold } from '../src/train/gold.js';
import { DEFAULT_CONFIG, trainModel } from '../src/train/train.js';
import { writeModelModule } from './model-module.js';

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

const cfg = {
  ...DEFAULT_CONFIG,
  ...(values['cue-epochs'] ? { cueEpochs: Number(values['cue-epochs']) } : {}),
  ...(values['role-epochs'] ? { roleEpochs: Number(values['role-epochs']) } : {}),
  ...(values.bits ? { bits: Number(values.bits) } : {}),
  calibrate: !values['no-calibrate'],
  ...(values.slack ? { cueSlack: Number(values.slack) } : {}),
};
const every = Number(values['eval-every']);
const model = trainModel(train, cfg, (stage, epoch, m, errors) => {
  const last = stage === 'cue' ? cfg.cueEpochs : stage === 'role' ? cfg.roleEpochs : 1;
  const due = epoch % every === 0 || epoch === last;
  const scores = !due ? null : stage === 'cue' ? cueScore(m, dev) : score(m, dev);
  log(`${stage} epoch ${epoch}: ${errors} wrong sequences${scores ? `; dev ${scores}` : ''} (${secs(t0)})`);
});
if (!values['no-save']) {
  const bytes = encodeModel(model, { trainedOn: values.train, articles: train.length, config: cfg });
  writeModelModule(values.out, bytes);
  log(`wrote ${values.out} (${(bytes.length / 2 ** 20).toFixed(1)} MiB binary)`);
  log(`dev with the saved (quantised) model: ${score(decodeModel(bytes), dev)}`);
}

function score(m: AttributionModel, docs: AnalyzedDoc[]): string {
  const preds = docs.map((d) => ({ id: d.gold.id, attributions: findAttributions(d.ctx, m, []) }));
  const s = scoreAttributions(docs.map((d) => d.gold), preds);
  const f = (k: 'detect' | 'span_source' | 'span_cue' | 'span_content') => s[k].f1.toFixed(3);
  const r = s.recall_by_type;
  return `detect ${f('detect')} (P ${s.detect.p.toFixed(3)} R ${s.detect.r.toFixed(3)}) span source ${f('span_source')} cue ${f('span_cue')} content ${f('span_content')}; recall direct ${r.direct.r.toFixed(3)} mixed ${r.mixed.r.toFixed(3)} indirect ${r.indirect.r.toFixed(3)}`;
}

/** Cue tagger alone: exact span P/R/F1 of its cues against the gold cues. */
function cueScore(m: AttributionModel, docs: AnalyzedDoc[]): string {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const d of docs) {
    const found = findCues(prepare(d.ctx, m.lexicon, d.quotes), m.cue);
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
