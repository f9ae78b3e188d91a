import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('fullerPhrase and ownedPhrase', () => {
  it.each([
    ['fullerPhrase: a bare definite description takes the earlier phrase with its "of" complement',
      'Turnout rose among the group of renters aged under 30, according to the census office. The group also said rents were too high.', 'The group',
      'group of renters aged under 30'],
    ['fullerPhrase: an earlier use of the head without "of" gives nothing fuller',
      'Turnout rose among the renters group last year. The group also said rents were too high.', 'The group', 'group'],
    ['ownedPhrase: "his aides" takes the form "aides to …" the text wrote for the same owner',
      'In recent days, aides to Mr. Paul Eder say, the mayor has grown tired. While his aides have suggested a break, he has refused.', 'his aides',
      'aides to Paul Eder'],
    ['ownedPhrase: without such a form the possessor is resolved',
      'Mayor Paul Eder has grown tired. His aides have suggested a break.', 'His aides', "Paul Eder's aides"],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
