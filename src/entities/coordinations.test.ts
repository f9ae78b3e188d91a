import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('linkCoordinations', () => {
  it.each([
    ['linkCoordinations: "each" refers to the people named side by side in its sentence',
      'Ana Ruiz and Paul Eder met the mayor on Monday, each saying the deal was fair.', 'each', 'Ana Ruiz and Paul Eder'],
    ['linkCoordinations: a definite plural role refers to them',
      'Sen. Ana Ruiz and Sen. Paul Eder wrote to the board, in what the senators called a warning.', 'the senators', 'Ana Ruiz and Paul Eder'],
    ['linkCoordinations: "they" refers to them',
      'Ana Ruiz and Paul Eder met in March. They said the talks went well.', 'They', 'Ana Ruiz and Paul Eder'],
    ['linkCoordinations: three names with commas',
      'Ana Ruiz, Paul Eder and Maria Voss met in March. They said the talks went well.', 'They', 'Ana Ruiz, Paul Eder and Maria Voss'],
    ['linkCoordinations: names with party labels ("Republican of Ohio") are still side by side',
      'Senators Ana Ruiz, Republican of Ohio, and Paul Eder, Democrat of Maine, met in March. They said the talks went well.', 'They', 'Ana Ruiz and Paul Eder'],
    ['linkCoordinations: "each" with no coordination before it stays unresolved',
      'The mayor met the board on Monday, each saying the deal was fair.', 'each', null],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
