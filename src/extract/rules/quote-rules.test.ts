import { describe, expect, it } from 'vitest';
import { expectNone, expectOne, quoteLayer, type Expected } from '../../../test/helpers/quote-layer.js';

type Row = [string, string, Omit<Expected, 'content'> & { content: string | string[] }];

describe('quote rules', () => {
  it.each<Row>([
    ['“…,” he said', '“We are ready,” he said.', { kind: 'direct', source: 'he', cue: 'said', content: '“We are ready,”' }],
    ['“…,” Smith said on Thursday', '“We are ready,” Smith said on Thursday.', { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready,”' }],
    ['“…,” Smith told reporters', '“We are ready,” Smith told reporters on Thursday.', { kind: 'direct', source: 'Smith', cue: 'told', content: '“We are ready,”' }],
    ['straight marks', '"It is over," he said.', { kind: 'direct', source: 'he', cue: 'said', content: '"It is over,"' }],
    ["'' marks (NYT style)", "''It is over,'' he said.", { kind: 'direct', source: 'he', cue: 'said', content: "''It is over,''" }],
    ['a one-word quote', '“Peace,” he said.', { kind: 'direct', source: 'he', cue: 'said', content: '“Peace,”' }],
    ['a quote holding a single-quoted phrase', '“He said ‘no’ twice,” she said.', { kind: 'direct', source: 'she', cue: 'said', content: '“He said ‘no’ twice,”' }],
  ])('quoteThenCue: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['“…,” said Smith', '“We are ready,” said Smith.', { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready,”' }],
    ['the source runs to its appositive', '“We are ready,” said Tom Smith, a spokesman for the campaign.',
      { kind: 'direct', source: 'Tom Smith, a spokesman for the campaign', cue: 'said', content: '“We are ready,”' }],
    ['the source stops before a participle', '“We are ready,” said Smith, adding that talks would resume.',
      { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready,”' }],
  ])('quoteThenCue, cue first: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['an appositive between commas', '“We are ready,” Smith, a spokesman for the campaign, said.',
      { kind: 'direct', source: 'Smith, a spokesman for the campaign', cue: 'said', content: '“We are ready,”' }],
    ['a description before the name', '“We are ready,” the economist Jared Bernstein, a former adviser, wrote.',
      { kind: 'direct', source: 'the economist Jared Bernstein, a former adviser', cue: 'wrote', content: '“We are ready,”' }],
    ['a party label in parentheses', '“We are ready,” Sen. Rand Paul (R-Ky.) said.',
      { kind: 'direct', source: 'Sen. Rand Paul (R-Ky.)', cue: 'said', content: '“We are ready,”' }],
    ['a party label and an appositive', '“We need answers,” Rep. Jane Doe (D-Ohio), the panel’s ranking member, said.',
      { kind: 'direct', source: 'Rep. Jane Doe (D-Ohio), the panel’s ranking member', cue: 'said', content: '“We need answers,”' }],
  ])('quoteThenCue, appositive sources: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['Smith said: “…”', 'Smith said: “We are ready.”', { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready.”' }],
    ['Smith said, “…”', 'Smith said, “We are ready.”', { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready.”' }],
    ['Smith said “…”', 'Smith said “We are ready.”', { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready.”' }],
    ['Smith told reporters on Thursday: “…”', 'Smith told reporters on Thursday: “We are ready.”',
      { kind: 'direct', source: 'Smith', cue: 'told', content: '“We are ready.”' }],
    ['the cue takes its auxiliaries and adverbs', 'Smith has also said: “We are ready.”',
      { kind: 'direct', source: 'Smith', cue: 'has also said', content: '“We are ready.”' }],
    ['a parenthesised and appositive source', 'Rep. Jane Doe (D-Ohio), the panel’s ranking member, said: “We need answers.”',
      { kind: 'direct', source: 'Rep. Jane Doe (D-Ohio), the panel’s ranking member', cue: 'said', content: '“We need answers.”' }],
    ['a name, a colon and a quote', 'A lesson from Loretta Lynch: “Be the voice of the voiceless.”',
      { kind: 'direct', source: 'Loretta Lynch', cue: ':', content: '“Be the voice of the voiceless.”' }],
  ])('cueThenQuote: %s', (_, text, expected) => expectOne(text, expected));

  it('introducedBefore: a colon sentence introduces the quote that follows', () => {
    expectOne('Caddell continued:\n\n“The health issue is real and it will not go away.”',
      { kind: 'direct', source: 'Caddell', cue: 'continued', content: '“The health issue is real and it will not go away.”' });
  });

  it.each<Row>([
    ['according to Smith, “…”', 'According to Smith, “the talks are over.”',
      { kind: 'direct', source: 'Smith', cue: 'According to', content: '“the talks are over.”' }],
    ['“…,” according to Smith', '“The talks are over,” according to Smith.',
      { kind: 'direct', source: 'Smith', cue: 'according to', content: '“The talks are over,”' }],
  ])('accordingTo: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['an em dash', '“Be kind to one another.” — Maya Jones', { kind: 'direct', source: 'Maya Jones', cue: '—', content: '“Be kind to one another.”' }],
    ['a horizontal bar', '“Be kind to one another.” ― Maya Jones', { kind: 'direct', source: 'Maya Jones', cue: '―', content: '“Be kind to one another.”' }],
  ])('quoteThenCue, signature line: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['two quotes in a reported clause', 'Trump said Putin’s statement was “very promising” but “not perfect.”',
      { kind: 'mixed', source: 'Trump', cue: 'said', content: 'Putin’s statement was “very promising” but “not perfect.”' }],
    ['described as', 'Putin described the invasion as a “special military operation.”',
      { kind: 'mixed', source: 'Putin', cue: 'described', content: 'the invasion as a “special military operation.”' }],
    ['the content starts at the that-clause', 'Trump told reporters in the Oval Office that the deal was “very good.”',
      { kind: 'mixed', source: 'Trump', cue: 'told', content: 'that the deal was “very good.”' }],
    ['a period outside the closing mark', 'Smith said the deal was “very good” and “fair”.',
      { kind: 'mixed', source: 'Smith', cue: 'said', content: 'the deal was “very good” and “fair”' }],
  ])('mixedQuote: %s', (_, text, expected) => expectOne(text, expected));

  it('mixedQuote: content that opens on one quote and closes on another is mixed, not direct', () => {
    expectOne('Smith said “the plan” would fail and called it “a mess.”',
      { kind: 'mixed', source: 'Smith', cue: 'said', content: '“the plan” would fail and called it “a mess.”' });
  });

  it('mixedQuote: one attribution holds every quote of the clause', () => {
    const { attributions } = quoteLayer('Trump said Putin’s statement was “very promising” but “not perfect.”');
    expect(attributions).toHaveLength(1);
    expect(attributions[0].provenance).toEqual(['quote.mixed-said-clause']);
  });

  it('mixedQuote: a quoted phrase with no reporting verb is not an attribution', () => {
    expectNone('It was a “special military operation” in name only.');
  });

  it.each<Row>([
    ['“…,” she said. “…”', '“We are ready,” she said. “The talks start Monday.”',
      { kind: 'direct', source: 'she', cue: 'said', content: ['“We are ready,”', '“The talks start Monday.”'] }],
    ['“…,” she said, “…”', '“We are ready,” she said, “and the talks start Monday.”',
      { kind: 'direct', source: 'she', cue: 'said', content: ['“We are ready,”', '“and the talks start Monday.”'] }],
    ['“…,” said Smith. “…”', '“We are ready,” said Smith. “Talks start Monday.”',
      { kind: 'direct', source: 'Smith', cue: 'said', content: ['“We are ready,”', '“Talks start Monday.”'] }],
  ])('refiners, split quotes: %s', (_, text, expected) => expectOne(text, expected));

  it.each<Row>([
    ['a paragraph that is only a quote continues the one before', 'Smith said: “We are ready.”\n\n“The talks start Monday, and we will be there.”',
      { kind: 'direct', source: 'Smith', cue: 'said', content: ['“We are ready.”', '“The talks start Monday, and we will be there.”'] }],
    ['a quote that runs over paragraphs, speaker first', '“We will fight,” he said. “We will not give up.\n\n“The people are with us.”',
      { kind: 'direct', source: 'he', cue: 'said', content: ['“We will fight,”', '“We will not give up.', '“The people are with us.”'] }],
    ['a quote that runs over paragraphs, speaker last', '“We will rebuild every road.\n\n“Every house.\n\n“Every school,” she said.',
      { kind: 'direct', source: 'she', cue: 'said', content: ['“We will rebuild every road.', '“Every house.', '“Every school,”'] }],
  ])('refiners, continuation paragraphs: %s', (_, text, expected) => expectOne(text, expected));

  it('orphanQuotes: a whole-sentence quote with no speaker has no source and a diagnostic', () => {
    const text = 'The hall went quiet.\n\n“We will not go back to the way things were.”';
    expectOne(text, { kind: 'direct', source: null, cue: null, content: '“We will not go back to the way things were.”' });
    expect(quoteLayer(text).diagnostics.map((d) => [d.code, d.span?.start])).toEqual([['quote-no-speaker', 22]]);
  });

  it('quote rules: every attribution records the rules that produced it', () => {
    const { attributions } = quoteLayer('“We are ready,” she said. “The talks start Monday.”');
    expect(attributions[0].provenance).toEqual(['quote.quote-source-said', 'quote.join-following']);
  });

  it('quote rules: an unbalanced mark gives a diagnostic and no runaway content', () => {
    const text = 'He said “we will win. Then he left the room.\n\nThe vote went on.\n\n“We are ready,” Smith said.';
    expectOne(text, { kind: 'direct', source: 'Smith', cue: 'said', content: '“We are ready,”' });
    expect(quoteLayer(text).diagnostics.map((d) => d.code)).toEqual(['unbalanced-quote']);
  });
});
