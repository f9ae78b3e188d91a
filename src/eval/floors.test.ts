import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missedFloors, needsSpeakers, parseFloor } from './floors.js';
import type { ScoreReport } from './scorer.js';

const report = JSON.parse(readFileSync(new URL('../../test/fixtures/eval/expected-report.json', import.meta.url), 'utf8')) as ScoreReport;

describe('floors', () => {
  it('parseFloor: reads metric=value', () => {
    expect(parseFloor('detect.f1=0.7')).toEqual({ key: 'detect.f1', min: 0.7 });
  });

  it('parseFloor: rejects unknown figures, missing values and non-numbers', () => {
    expect(() => parseFloor('detect.f2=0.7')).toThrow(/unknown figure "detect.f2"/);
    expect(() => parseFloor('direct=0.7')).toThrow(/unknown figure/);
    expect(() => parseFloor('detect.f1')).toThrow(/not metric=value/);
    expect(() => parseFloor('detect.f1=high')).toThrow(/"high" is not a number/);
  });

  it('missedFloors: lists the figures below their floor, with the value', () => {
    const floors = ['detect.f1=0.71', 'span_content.f1=0.4', 'direct.r=0.8', 'mixed.source_exact=0.6', 'indirect.cue_exact_when_found=0.8'].map(parseFloor);
    expect(missedFloors(report, floors)).toEqual([
      { key: 'detect.f1', min: 0.71, value: 0.7097 },
      { key: 'mixed.source_exact', min: 0.6, value: 0.5 },
    ]);
  });

  it('missedFloors: speakers.accuracy reads the speaker score, and misses when it was not measured', () => {
    const floors = [parseFloor('speakers.accuracy=0.8')];
    expect(needsSpeakers(floors)).toBe(true);
    expect(needsSpeakers([parseFloor('detect.f1=0.1')])).toBe(false);
    const speakers = { articles: 1, labelled: 10, found: 10, correct: 7, accuracy: 0.7, misses: [] };
    expect(missedFloors({ ...report, speakers }, floors)).toEqual([{ key: 'speakers.accuracy', min: 0.8, value: 0.7 }]);
    expect(missedFloors({ ...report, speakers: { ...speakers, correct: 9, accuracy: 0.9 } }, floors)).toEqual([]);
    expect(missedFloors(report, floors)).toEqual([{ key: 'speakers.accuracy', min: 0.8, value: Number.NaN }]);
  });
});
