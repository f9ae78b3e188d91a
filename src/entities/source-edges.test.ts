import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('trimTrailingTime', () => {
  it.each([
    ['trimTrailingTime: a time adverb after the source',
      'The Ruiz campaign now says the vote was fair.', 'The Ruiz campaign now', 'Ruiz campaign'],
    ['trimTrailingTime: a participle that only carried the time',
      'A City Audit Office report published last spring found waste.', 'A City Audit Office report published last spring', 'City Audit Office report'],
    ['trimTrailingTime: a participle with its agent stays',
      'A 12-page memo written by the Harbor Authority last week warns of floods.', 'A 12-page memo written by the Harbor Authority last week',
      '12-page memo written by the Harbor Authority'],
    ['trimTrailingTime: a weekday after a preposition',
      'The water board on Monday said rates would rise.', 'The water board on Monday', 'water board'],
    ['trimTrailingTime: a plural group and "today"',
      'Analysts today said the plan would fail.', 'Analysts today', 'Analysts'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
