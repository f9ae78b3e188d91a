import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from '../extract/model/feature-buffer.js';
import { bioAllowed } from '../extract/model/linear.js';
import { calibrationInputs, probability } from '../extract/model/calibration.js';
import { fitCalibration } from './calibrate.js';
import { AveragedPerceptron } from './perceptron.js';
import { seededRandom, shuffle } from './random.js';

/** Words 0–9; word 7 is always a one-token "cue". */
function example(words: number[]) {
  const buf = new FeatureBuffer(255);
  for (const w of words) { buf.add(w * 31 + 1); buf.next(); }
  return { seq: buf.finish(), gold: Uint8Array.from(words, (w) => (w === 7 ? 1 : 0)) };
}

describe('training', () => {
  it('AveragedPerceptron: learns a word that is always a cue', () => {
    const rand = seededRandom(1);
    const data = Array.from({ length: 200 }, () => example(Array.from({ length: 6 }, () => Math.floor(rand() * 10))));
    const p = new AveragedPerceptron(3, 8, 1, bioAllowed(1));
    for (let e = 0; e < 3; e++) for (const ex of shuffle([...data], rand)) p.learn(ex.seq, ex.gold);
    const test = example([1, 7, 3, 7]);
    const tagger = new AveragedPerceptron(3, 8, 1, bioAllowed(1));
    Object.assign(tagger.model, p.averaged());
    expect([...tagger.decode(test.seq)]).toEqual([0, 1, 0, 1]);
  });

  it('seededRandom: the same seed gives the same sequence', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('fitCalibration: higher margins get higher probabilities when they are right more often', () => {
    const examples = [];
    for (let m = -40; m <= 40; m += 2) for (let k = 0; k < 10; k++) examples.push({ inputs: calibrationInputs(m, 0, false), label: (k < 5 + m / 8 ? 1 : 0) as 0 | 1 });
    const c = fitCalibration(examples);
    expect(probability(c, calibrationInputs(30, 0, false))).toBeGreaterThan(0.85);
    expect(probability(c, calibrationInputs(-30, 0, false))).toBeLessThan(0.15);
  });
});
