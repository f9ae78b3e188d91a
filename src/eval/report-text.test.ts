import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReport } from './report-text.js';
import type { ScoreReport } from './scorer.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/eval/${name}`, import.meta.url), 'utf8');

describe('formatReport', () => {
  it('formatReport: prints what the reference scorer prints, ties rounded to even', () => {
    const report = JSON.parse(fixture('expected-report.json')) as ScoreReport;
    expect(formatReport(report)).toBe(fixture('expected-report.txt'));
  });
});
