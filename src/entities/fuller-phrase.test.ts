import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('fullerPhrase', () => {
  it.each([
    ['fullerPhrase: a bare definite description takes the earlier phrase with its "of" complement',
      'Turnout rose among the group of renters aged under 30, according to the census office. The group also said rents were too high.', 'The group',
      'group of renters aged under 30'],
    ['fullerPhrase: an earlier use of the head without "of" gives nothing fuller',
      'Turnout rose among the renters group last year. The group also said rents were too high.', 'The group', 'group'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
