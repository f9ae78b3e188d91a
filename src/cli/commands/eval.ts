import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { missedFloors, needsSpeakers, parseFloor, type Floor } from '../../eval/floors.js';
import { CorpusError, readGold, readPredictions, type GoldRecord } from '../../eval/polnear.js';
import { pyStr } from '../../eval/python-text.js';
import { formatReport } from '../../eval/report-text.js';
import { score, type PredDoc } from '../../eval/scorer.js';
import { readSpeakerLabels } from '../../eval/speaker-labels.js';
import { formatSpeakerScore, scoreSpeakers, type SpeakerPredDoc } from '../../eval/speakers.js';
import { UsageError } from '../errors.js';
import { bylineOf } from '../input/record.js';
import { describeFsError } from '../input/texts.js';
import { exitOnBrokenPipe } from '../output.js';

interface EvalFlags {
  pred?: string;
  json?: boolean;
  failUnder?: string[];
  speakers?: string | true;
}

/** Speaker labels for 30 PolNeAR dev articles, beside the package's sources. */
const SPEAKER_LABELS = fileURLToPath(new URL('../../../test/fixtures/speakers/polnear-dev-speakers.jsonl', import.meta.url));

const HELP = `
Prints what "python3 score_attributions.py GOLD PRED" prints (--json: its JSON), then how long
extraction took and its speed in MB/s (MB = 2^20 UTF-16 code units). Without --pred, runs the
extractor on every gold text, with the gold id and date.

--fail-under takes <metric>.<p|r|f1> (metric: detect, content_exact, content_soft, source_exact,
source_soft, cue_exact, cue_soft, span_source, span_cue, span_content) or
<type>.<r|source_exact|cue_exact> (type: direct, mixed, indirect), or speakers.accuracy (which
scores the speaker labels, as --speakers does); when a figure is below its floor, eval names it
and exits 1.

Examples:
  onrecord eval ../shared/data/polnear/dev.jsonl
  onrecord eval gold.jsonl --pred pred.jsonl --json
  onrecord eval dev.jsonl --fail-under detect.f1=0.44 direct.r=0.93`;

/**
 * Registers `onrecord eval GOLD.jsonl`: scores the extractor (or `--pred`) against gold.
 * @example registerEval(new Command('onrecord'))
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the extractor (or --pred) against gold attributions, as the reference scorer does')
    .argument('<gold>', 'gold JSONL (PolNeAR format)')
    .option('--pred <file>', 'score these predictions (JSONL {id, attributions}) instead of running the extractor')
    .option('--json', 'print the report as JSON')
    .option('--fail-under <metric=value...>', 'exit 1 when a figure is below its floor (e.g. detect.f1=0.44)')
    .option('--speakers [labels]', 'also report speaker accuracy against speaker labels (default: the PolNeAR dev labels in test/fixtures/speakers)')
    .addHelpText('after', HELP)
    .action(runEval);
}

async function runEval(goldPath: string, flags: EvalFlags): Promise<void> {
  const floors = parseFloors(flags.failUnder ?? []);
  const gold = await load(() => readGold(goldPath), goldPath);
  let preds: PredDoc[];
  let timing = '';
  if (flags.pred) {
    const predPath = flags.pred;
    preds = await load(() => readPredictions(predPath), predPath);
  } else {
    ({ preds, timing } = await extractAll(gold));
  }
  const report = score(gold, preds);
  const labelsPath = flags.speakers === true || (flags.speakers === undefined && needsSpeakers(floors)) ? SPEAKER_LABELS : flags.speakers;
  const speakers = labelsPath ? scoreSpeakers(gold, await load(() => readSpeakerLabels(labelsPath), labelsPath), preds as SpeakerPredDoc[]) : undefined;
  exitOnBrokenPipe(process.stdout);
  process.stdout.write(flags.json ? JSON.stringify(speakers ? { ...report, speakers } : report) + '\n'
    : formatReport(report) + (speakers ? formatSpeakerScore(speakers) : '') + (timing ? confidenceLines(gold, preds) + timing : ''));
  if (flags.json && timing) process.stderr.write(timing);
  for (const miss of missedFloors({ ...report, speakers }, floors)) {
    process.stderr.write(`onrecord: ${miss.key} is ${miss.value}, below its floor ${miss.min}\n`);
    process.exitCode = 1;
  }
}

/** What the confidence is worth: detect precision, and the recall kept, among attributions at or above a few thresholds. */
function confidenceLines(gold: readonly GoldRecord[], preds: PredDoc[]): string {
  return [0.5, 0.7, 0.9].map((t) => {
    const kept = preds.map((p) => ({ ...p, attributions: (Array.isArray(p.attributions) ? p.attributions : []).filter((a: { confidence?: number }) => (a.confidence ?? 0) >= t) }));
    const r = score(gold, kept).detect;
    return `confidence >= ${t.toFixed(1)}: ${r.n_pred} attributions, precision ${r.p.toFixed(3)}, recall kept ${r.r.toFixed(3)}\n`;
  }).join('');
}

function parseFloors(specs: string[]): Floor[] {
  return specs.map((spec) => {
    try {
      return parseFloor(spec);
    } catch (err) {
      throw new UsageError(`--fail-under ${(err as Error).message}`);
    }
  });
}

/** Runs a loader, turning an unreadable file or bad line into a one-line user error. */
async function load<T>(read: () => Promise<T>, path: string): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof CorpusError) throw new UsageError(err.message, 1);
    if ((err as NodeJS.ErrnoException).code) throw new UsageError(`${path}: ${describeFsError(err)}`, 1);
    throw err;
  }
}

async function extractAll(gold: readonly GoldRecord[]): Promise<{ preds: PredDoc[]; timing: string }> {
  const { extract } = await import('../../index.js'); // the engine loads for the commands that extract, not for every command
  const start = performance.now();
  const preds = gold.map((g) => ({ id: g.id, attributions: extract(g.text, { id: pyStr(g.id), date: g.date, byline: bylineOf(g) }).attributions }));
  const seconds = (performance.now() - start) / 1000;
  const mb = gold.reduce((n, g) => n + g.text.length, 0) / 2 ** 20;
  return { preds, timing: `extract ${gold.length} docs, ${mb.toFixed(2)} MB in ${seconds.toFixed(2)} s: ${(mb / seconds).toFixed(2)} MB/s (MB = 2^20 UTF-16 code units)\n` };
}
