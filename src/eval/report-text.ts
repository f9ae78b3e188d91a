import { pyFixed } from './python-text.js';
import { METRICS, QUOTE_TYPES, type ScoreReport } from './scorer.js';

/**
 * The report as `score_attributions.py` prints it without `--json`, line for line.
 * @example formatReport(report).split('\n')[1] // 'detect         P 0.959  R 0.301  F1 0.458  (pred 687, gold 2192)'
 */
export function formatReport(report: ScoreReport): string {
  const f = (x: number): string => pyFixed(x, 3);
  const lines = [`docs ${report.docs}`];
  for (const k of METRICS) {
    const r = report[k];
    lines.push(`${k.padEnd(14)} P ${f(r.p)}  R ${f(r.r)}  F1 ${f(r.f1)}  (pred ${r.n_pred}, gold ${r.n_gold})`);
  }
  for (const t of QUOTE_TYPES) {
    const v = report.recall_by_type[t];
    lines.push(`${t.padEnd(9)} recall ${f(v.r)} (${v.found}/${v.gold}); of those found: source exact ${f(v.source_exact_when_found)}, cue exact ${f(v.cue_exact_when_found)}`);
  }
  return lines.join('\n') + '\n';
}
