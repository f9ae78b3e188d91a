/**
 * `npm run train`: trains the attribution model on PolNeAR train, reports dev figures per
 * epoch (reference scorer), and writes models/attribution-model.js.
 * Usage: tsx scripts/train.ts [--train PATH] [--dev PATH] [--fraction F] [--out PATH] [--no-save]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AttributionModel } from '../src/extract/model/attribution-model.js';
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
    'no-rerank': { type: 'boolean', default: false },
    threshold: { type: 'string' },
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
  rerank: !values['no-rerank'],
  ...(values.threshold ? { threshold: Number(values.threshold) } : {}),
  ...(values.slack ? { cueSlack: Number(values.slack) } : {}),
};
const every = Number(values['eval-every']);
const model = trainModel(train, cfg, (stage, epoch, m, errors) => {
  const last = stage === 'cue' ? cfg.cueEpochs : stage === 'role' ? cfg.roleEpochs : cfg.rerankEpochs;
  const scores = stage === 'rerank' || (stage === 'role' && (epoch % every === 0 || epoch === last)) ? score(m, dev) : null;
  log(`${stage} epoch ${epoch}: ${errors} wrong sequences${scores ? `; dev ${scores}` : ''} (${secs(t0)})`);
});
if (!values['no-save']) {
  const bytes = encodeModel(model, { trainedOn: values.train, articles: train.length, config: cfg });
  writeModelModule(values.out, bytes);
  log(`wrote ${values.out} (${(bytes.length / 2 ** 20).toFixed(1)} MiB binary)`);
  log(`dev with the saved (quantised) model: ${score(decodeModel(bytes), dev)}`);
}

function score(m: AttributionModel, docs: AnalyzedDoc[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-train-'));
  const pred = join(dir, 'pred.jsonl');
  const lines = docs.map((d) => JSON.stringify({ id: d.gold.id, attributions: findAttributions(d.ctx, m, []) }));
  writeFileSync(pred, lines.join('\n') + '\n');
  const r = spawnSync('python3', ['../shared/tools/score_attributions.py', values.dev, pred, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) return `scorer failed: ${r.stderr}`;
  const s = JSON.parse(r.stdout);
  const f = (k: string) => s[k].f1.toFixed(3);
  const byType = s.recall_by_type;
  return `detect ${f("detect")} (P ${s.detect.p.toFixed(3)} R ${s.detect.r.toFixed(3)}) cueP ${s.span_cue.p.toFixed(3)} cueR ${s.span_cue.r.toFixed(3)} span src ${f('span_source')} cue ${f('span_cue')} content ${f('span_content')}; exact src ${f('source_exact')} cue ${f('cue_exact')} content ${f('content_exact')}; recall direct ${byType.direct.r} mixed ${byType.mixed.r} indirect ${byType.indirect.r}`;
}

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

function secs(from: number): string {
  return `${((Date.now() - from) / 1000).toFixed(1)}s`;
}
