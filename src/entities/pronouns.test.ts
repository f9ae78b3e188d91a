import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/types.js';
import { analyzeText } from '../text/document.js';
import { resolveSpeakers } from './index.js';

/** An attribution whose source is the `n`-th occurrence of `source` (content: the rest of its sentence). */
function att(text: string, source: string, n = 0): Attribution {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(source, at + 1);
  const from = at + source.length;
  const end = text.indexOf('.', from) < 0 ? text.length : text.indexOf('.', from);
  return {
    id: 'a', kind: 'indirect', content: [{ start: from, end, text: text.slice(from, end) }], cue: null,
    source: { start: at, end: from, text: source }, confidence: 1, provenance: [],
  };
}

/** Speaker names of the given sources, resolved together. */
function speakers(text: string, sources: Array<[string, number?]>): Array<string | null> {
  const atts = sources.map(([s, n]) => att(text, s, n ?? 0));
  resolveSpeakers(analyzeText(text), atts, []);
  return atts.map((a) => a.speaker?.name ?? null);
}

describe('resolvePronoun', () => {
  it.each([
    ['resolvePronoun: "he" prefers a titled man to a name nothing shows to be a person',
      'It was under Mr. Okafor’s watch that the assembly set up U.N. Harbor. He said it would last.', [['He']], ['Okafor']],
    ['resolvePronoun: "she" still takes the subject when its gender is known',
      'Maria Lindqvist thanked Mr. Okafor. She said it would last.', [['She']], ['Maria Lindqvist']],
    ['resolvePronoun: a relative right after a common noun restricts the noun',
      'Mayor Ana Ruiz refused to pay a contractor who said the work was done.', [['who']], ['contractor']],
    ['resolvePronoun: a relative after a quantified noun',
      'Rep. Paul Eder was one of four members who voted no.', [['who']], ['members']],
    ['resolvePronoun: a relative in an appositive to a name is the name',
      'Ana Ruiz, a city clerk who retired last year, spoke.', [['who']], ['Ana Ruiz']],
    ['resolvePronoun: a name in an opening subordinate clause is no subject',
      'Republicans spoke. When Republicans gathered, Ana Ruiz and Paul Eder stayed home. They said the vote was rigged.', [['Republicans'], ['They']],
      ['Republicans', 'Ana Ruiz and Paul Eder']],
    ['resolvePronoun: "they" prefers people in the last two sentences to an organisation',
      'Ana Ruiz and Paul Eder criticised the plan. It gave the Harbor Authority more power. They said it was unfair.', [['They']], ['Ana Ruiz and Paul Eder']],
    ['resolvePronoun: "they" takes an organisation when no people are near',
      'Greenfield Bank met regulators on Monday. They said rates would rise.', [['They']], ['Greenfield Bank']],
    ['resolvePronoun: a plural opening the sentence before a comma is a group that "they" takes, not a name',
      'Critics of the plan wrote to the council. Boosters, including the Harbor Mayors Forum, have urged the council to act, although they say changes are needed.',
      [['Critics of the plan'], ['Boosters, including the Harbor Mayors Forum,'], ['they']], ['Critics of the plan', 'Boosters', 'Boosters']],
    ['resolvePronoun: a date written with a slash stays inside the phrase before "many of whom"',
      'The ruling did not sit well with close relatives of 7/7 victims, many of whom say the inquiry failed.', [['many of whom']], ['close relatives of 7/7 victims']],
    ['resolvePronoun: a relative after an appositive refers to the names it describes',
      'Much of the push came from Norway and Chile, the two largest exporters, which together vowed to cut quotas.', [['which together']], ['Norway and Chile']],
    ['resolvePronoun: a relative after an appositive to one place refers to that place',
      'The push came from Norway, the largest exporter, which vowed to cut quotas.', [['which']], ['Norway']],
    ['resolvePronoun: "who" skips an organisation noun back to the people its phrase belongs to',
      'By noon the host was taking calls from young listeners to his evening talk program who said the tax was unfair.', [['who']], ['young listeners']],
    ['resolvePronoun: "who" right after a noun for people keeps that noun',
      'The mayor met relatives of a teacher who said the rules were unfair.', [['who']], ['teacher']],
    ['resolvePronoun: "they" after a bare plural with named examples takes the named people',
      'Critics of the plan, like Senators Ana Ruiz and Paul Eder, see the vote as a chance to fix it. They sent a letter to the board.', [['They']],
      ['Ana Ruiz and Paul Eder']],
    ['resolvePronoun: "they" after a plural with an organisation as example keeps the plural',
      'Critics of the plan, including the Harbor Mayors Forum, see the vote as a chance to fix it. They sent a letter to the board.', [['They']], ['Critics']],
  ] as Array<[string, string, Array<[string, number?]>, string[]]>)('%s', (_, text, sources, expected) => {
    expect(speakers(text, sources)).toEqual(expected);
  });
});
