import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('resolveSource', () => {
  it.each([
    ['resolveSource: a first-person possessive is left out of a group’s name',
      'Our rivals kept building while our neighbours waited.', 'our neighbours', 'neighbours'],
    ['resolveSource: a capitalised adjective opening the sentence is no name',
      'Older rural voters, above all, say the plan is unfair.', 'Older rural voters', 'Older rural voters'],
    ['resolveSource: a name opening the sentence before its own noun stays a name',
      'Ruiz aides say the plan is unfair.', 'Ruiz aides', 'Ruiz aides'],
    ['resolveSource: "the agency" refers back to a "Department of …"',
      'The Department of Water Resources issued a warning. The agency said reservoirs were low.', 'The agency', 'Department of Water Resources'],
    ['resolveSource: "his lawyer" is not the lawyer of someone else',
      'Ana Ruiz’s lawyer Maria Costa spoke on Monday. Later the panel held Paul Eder in contempt. His lawyer said he would not testify.', 'His lawyer',
      "Paul Eder's lawyer"],
    ['resolveSource: "her lawyer" is the lawyer the text gave her',
      'Ana Ruiz’s lawyer Maria Costa spoke on Monday. Ruiz was not there. Her lawyer said the case was weak.', 'Her lawyer', 'Maria Costa'],
    ['resolveSource: a role after a named possessor names the person who opened the sentence before',
      'Maria Costa on Monday urged the council to act. “It is late,” Ana Ruiz’s former campaign manager said.', 'Ana Ruiz’s former campaign manager', 'Maria Costa'],
    ['resolveSource: not when that person is the possessor',
      'Ana Ruiz on Monday urged the council to act. “It is late,” Ruiz’s campaign manager said.', 'Ruiz’s campaign manager', "Ana Ruiz's campaign manager"],
    ['resolveSource: names joined by a slash before a noun are part of the description',
      'The mayor leads by 8 points, according to a Daily Courier/Metro Radio survey released on Friday.', 'a Daily Courier/Metro Radio survey released on Friday',
      'Daily Courier/Metro Radio survey'],
    ['resolveSource: a name after a preposition and a year stays inside the description',
      'Figures from the 2019 Harbor Transit Review show that ridership fell.', 'Figures from the 2019 Harbor Transit Review',
      'Figures from the 2019 Harbor Transit Review'],
    ['resolveSource: a surname ending in s before a comma stays a name',
      'Ana Williams arrived late. Williams, the city clerk, said the vote was fair.', 'Williams, the city clerk,', 'Ana Williams'],
    ['resolveSource: a name and "other" people of a kind are one group',
      'Training helps, according to Ana Ruiz, head of the Harbor Transit Office, and other planners.', 'Ana Ruiz, head of the Harbor Transit Office, and other planners',
      'Ana Ruiz and other planners'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
