import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGold, readPredictions } from './polnear.js';
import { score, type GoldDoc } from './scorer.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/eval/${name}`, import.meta.url));
const REFERENCE = fileURLToPath(new URL('../../../shared/tools/score_attributions.py', import.meta.url));
const hasPython = ((): boolean => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('score', () => {
  it('score: equals the reference scorer\'s stored output on the fixtures', async () => {
    const report = score(await readGold(fixture('gold.jsonl')), await readPredictions(fixture('pred.jsonl')));
    expect(report).toStrictEqual(JSON.parse(readFileSync(fixture('expected-report.json'), 'utf8')));
  });

  it.skipIf(!hasPython || !existsSync(REFERENCE))('score: equals the reference scorer run live on the fixtures', async () => {
    const live = execFileSync('python3', [REFERENCE, fixture('gold.jsonl'), fixture('pred.jsonl'), '--json'], { encoding: 'utf8' });
    const report = score(await readGold(fixture('gold.jsonl')), await readPredictions(fixture('pred.jsonl')));
    expect(report).toStrictEqual(JSON.parse(live));
  });

  const text = 'Officials and engineers said the bridge is safe.';
  const gold = (attributions: GoldDoc['attributions']): GoldDoc[] => [{ id: 'd', text, attributions }];
  const officials = { source: [[0, 9]], cue: [[24, 28]], content: [[29, 47]] };
  const engineers = { source: [[14, 23]], cue: [[24, 28]], content: [[29, 47]] };

  it('score: on equal Jaccard pairs the prediction with the later gold attribution', () => {
    const report = score(gold([officials, engineers]), [{ id: 'd', attributions: [{ ...officials }] }]);
    expect(report.detect.r).toBe(0.5);
    expect(report.source_exact.p).toBe(0);
  });

  it('score: on equal Jaccard pairs the gold attribution with the later prediction', () => {
    const report = score(gold([officials]), [{ id: 'd', attributions: [officials, engineers] }]);
    expect(report.source_exact.r).toBe(0);
  });

  it('score: pairs the largest Jaccard first', () => {
    const wide = { source: [[0, 9]], content: [[24, 47]] };
    const report = score(gold([officials]), [{ id: 'd', attributions: [wide, engineers] }]);
    expect(report.content_exact.p).toBe(0.5);
  });

  it('score: counts an article missing from the predictions as predicting nothing', () => {
    const report = score(gold([officials]), []);
    expect(report.detect).toEqual({ p: 0, r: 0, f1: 0, n_pred: 0, n_gold: 1 });
    expect(report.recall_by_type.indirect).toEqual({ found: 0, gold: 1, r: 0, source_exact_when_found: 0, cue_exact_when_found: 0 });
  });
});
