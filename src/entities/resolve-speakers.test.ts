import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attribution, Diagnostic, Speaker } from '../core/types.js';
import { analyzeText } from '../text/document.js';
import { resolveSpeakers, writerName } from './index.js';

/** An attribution whose source is the `n`-th occurrence of `source` in `text` (content: the rest of its sentence). */
function att(text: string, source: string | null, n = 0, contentAt?: string): Attribution {
  let at = -1;
  for (let i = 0; i <= n && source; i++) at = text.indexOf(source, at + 1);
  const from = contentAt ? text.indexOf(contentAt) : at + (source?.length ?? 0);
  const end = text.indexOf('.', from) < 0 ? text.length : text.indexOf('.', from);
  return {
    id: 'a', kind: 'indirect', content: [{ start: from, end, text: text.slice(from, end) }], cue: null,
    source: source ? { start: at, end: at + source.length, text: source } : null, confidence: 1, provenance: [],
  };
}

/** The speaker of the attribution whose source is the `n`-th occurrence of `source` in `text`, resolved alone. */
function speakerOf(text: string, source: string, n = 0): Speaker | null {
  const a = att(text, source, n);
  resolveSpeakers(analyzeText(text), [a], []);
  return a.speaker ?? null;
}

/** The speaker name of the attribution whose source is the last occurrence given, after resolving them all. */
function speakers(text: string, sources: Array<[string, number?]>): Array<string | null> {
  const atts = sources.map(([s, n]) => att(text, s, n ?? 0));
  resolveSpeakers(analyzeText(text), atts, []);
  return atts.map((a) => a.speaker?.name ?? null);
}

describe('resolveSpeakers', () => {
  it.each([
    ['organisation: "the Ruiz team" is the "Ruiz campaign" that spoke before',
      'The Ruiz campaign said its plan was ready. The Ruiz team has said renters will pay less.', [['The Ruiz campaign'], ['The Ruiz team']],
      ['Ruiz campaign', 'Ruiz campaign']],
    ['organisation: not the campaign of someone else',
      'The Eder campaign said its plan was ready. The Ruiz team has said renters will pay less.', [['The Eder campaign'], ['The Ruiz team']],
      ['Eder campaign', 'Ruiz team']],
    ['pronoun: nearest subject of the right gender',
      'Hillary Clinton met Donald Trump. She said no.', [['She']], ['Hillary Clinton']],
    ['pronoun: a subject before an object of a preposition',
      'In an interview with Rusty Humphries, Gen. Norman Ham spoke. He said no.', [['He']], ['Norman Ham']],
    ['possessive: "<name> and its …" belongs to that name, not to an organisation named earlier',
      'The Daily Ledger reported from Brussels. Russia invaded in 2022, with Kiev and its European allies condemning the attack.', [['its European allies']],
      ["Kiev's European allies"]],
    ['pronoun: a subject before a possessive',
      'Shortly after Putin’s remarks, US President Donald Trump said Putin’s statement was good. He said more.', [['He']], ['Donald Trump']],
    ['surname: the fullest name in the text',
      'Russian President Vladimir Putin agrees. Putin said so.', [['Putin', 1]], ['Vladimir Putin']],
    ['title: a description that an earlier title supports',
      'Russian President Vladimir Putin and US President Donald Trump met. The Russian leader said no.', [['The Russian leader']], ['Vladimir Putin']],
    ['title: a definite role with no title refers to the nearest subject',
      'Bernie Sanders spoke on Friday. The Vermont senator said no.', [['The Vermont senator']], ['Bernie Sanders']],
    ['possessive affiliation: the person, not the organisation',
      'Al Jazeera’s Dosa Jabari said no.', [['Al Jazeera’s Dosa Jabari']], ['Dosa Jabari']],
    ['appositive: the name before the comma',
      'Kenneth Baer, a former Obama administration official, said no.', [['Kenneth Baer, a former Obama administration official']], ['Kenneth Baer']],
    ['appositive: the name after a description',
      'An attorney for Pagliano, Mark MacDougall, said no.', [['An attorney for Pagliano, Mark MacDougall']], ['Mark MacDougall']],
    ['modifier: a name before a role is not the speaker',
      'Clinton communication director Jennifer Palmieri said no.', [['Clinton communication director Jennifer Palmieri']], ['Jennifer Palmieri']],
    ['coordination: a group named by its members',
      'Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) said no.', [['Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)']], ['Jon Tester and David Vitter']],
    ['group: the description without determiners',
      'Some analysts said no.', [['Some analysts']], ['analysts']],
    ['group: a possessor is resolved',
      'Donald Trump spoke. His operatives said no.', [['His operatives']], ["Donald Trump's operatives"]],
    ['organisation: a definite noun refers back to the named one',
      'The Trump campaign spoke. The campaign said no.', [['The Trump campaign'], ['The campaign']], ['Trump campaign', 'Trump campaign']],
    ['organisation: an acronym', 'The Securities and Exchange Commission spoke. The S.E.C. said no.', [['The S.E.C.']], ['Securities and Exchange Commission']],
    ['organisation: a plural head names it whole ("Centers for …")',
      'The Centers for Disease Control and Prevention said the outbreak was over.', [['The Centers for Disease Control and Prevention']],
      ['Centers for Disease Control and Prevention']],
    ['organisation: an outlet named with "the" is what "it" refers to',
      'The Hill reported the vote. It said the count was late.', [['The Hill'], ['It']], ['Hill', 'Hill']],
    ['person: the outlet\'s word without "the" is a surname', 'Anita Hill spoke. Hill said no.', [['Hill', 1]], ['Anita Hill']],
    ['relative: who after an appositive',
      'Heather Samuelson, a campaign staffer who made the call, left.', [['who']], ['Heather Samuelson']],
    ['place: a country as speaker', 'Ukraine said it would accept the proposal.', [['Ukraine']], ['Ukraine']],
    ['place: a surname wins over a country', 'Rep. Jim Jordan spoke. Jordan said no.', [['Jordan', 1]], ['Jim Jordan']],
    ['nickname: the quoted nickname also names the person',
      'Rep. Robert C. “Bobby” Scott spoke. Bobby Scott said no.', [['Bobby Scott']], ['Robert C. Scott']],
  ] as Array<[string, string, Array<[string, number?]>, string[]]>)('resolveSpeakers: %s', (_, text, sources, expected) => {
    expect(speakers(text, sources)).toEqual(expected);
  });

  it('resolveSpeakers: an outlet named with "the" is an organisation, not a person named Guardian', () => {
    expect(speakerOf('The Guardian reported that the talks had stalled.', 'The Guardian')).toMatchObject({ name: 'Guardian', kind: 'organization' });
  });

  it.each([
    ['a share of people', 'In the five towns, about half of voters say they prefer a newcomer.', 'about half of voters', 0, 'half of voters'],
    ['"X in 10"', 'Since May the mayor has gained. Six in 10 say she is decisive.', 'Six in 10', 0, 'Six in 10'],
    ['a percentage, with its number, that "who" refers to', 'Sixty percent backed the fare, while 9 percent who answered said it was too high.', 'who', 0, '9 percent'],
    ['a percentage written with its sign', 'Renters backed the mayor, with 42% saying the fares were fair.', '42%', 0, '42%'],
    ['a majority', 'A majority of residents said the ferry was late.', 'A majority of residents', 0, 'majority of residents'],
    ['a fraction before "of"', 'A third of the renters said the ferry was late.', 'A third of the renters', 0, 'third of the renters'],
    ['"those" standing for people', 'Those surveyed said the harbour plan was popular.', 'Those surveyed', 0, 'Those surveyed'],
    ['an irregular plural that "who" refers to', 'The rule sets three visits for women who want to renew a permit.', 'who', 0, 'women'],
    ['a collective noun', 'The mayor spoke at the pier. The crowd chanted that the ferry must stay.', 'The crowd', 0, 'crowd'],
    ['a sentence\'s first word that the text also writes in lower case', 'The fares rose for investors. Investors said the ferry was late.', 'Investors', 0, 'Investors'],
    ['"a number of"', 'A number of renters said the ferry was late.', 'A number of renters', 0, 'number of renters'],
    ['a number written in words', 'Twenty-four percent said the ferry was late.', 'Twenty-four percent', 0, 'Twenty-four percent'],
    ['"nine out of 10"', 'Nearly nine out of 10 renters said the ferry was late.', 'Nearly nine out of 10 renters', 0, 'nine out of 10 renters'],
    ['a gathering of people', 'A group of renters said the ferry was late.', 'A group of renters', 0, 'group of renters'],
    ['a plural in -men', 'Two fishermen said the ferry was late.', 'Two fishermen', 0, 'fishermen'],
    ['a group noun capitalised everywhere', 'Millennials said the ferry was late, and Millennials use it most.', 'Millennials', 0, 'Millennials'],
    ['a share after a word of degree (not the nearest person)', 'Mayor Ana Ruiz spoke. Only 49 percent of renters said the ferry was late.', 'Only 49 percent of renters', 0, '49 percent of renters'],
  ])('resolveSpeakers: %s is a group', (_, text, source, n, name) => {
    expect(speakerOf(text, source, n)).toMatchObject({ name, kind: 'group' });
  });

  it.each([
    ['a fraction that is an ordinal', 'Two officers spoke, and a third, Daniel Traynor, said the ferry was late.', 'a third, Daniel Traynor', null, 'person'],
    ['"one of" a group', 'One of the mayor’s aides said the ferry was late.', 'One of the mayor’s aides', null, 'person'],
    ['"those" as a determiner', 'Those documents show the ferry was late.', 'Those documents', null, 'organization'],
    ['a date', 'A Sept. 15 memo said the ferry was late.', 'A Sept. 15 memo', null, 'organization'],
    ['a thing', 'The deal says the ferry will run on Sundays.', 'The deal', 'deal', 'organization'],
    ['a collective noun before a name', 'Staff writer Ana Ruiz said the ferry was late.', 'Staff writer Ana Ruiz', 'Ana Ruiz', 'person'],
    ['a thing before a name', 'Debate moderator Lena Varga said the ferry was late.', 'Debate moderator Lena Varga', 'Lena Varga', 'person'],
    ['a surname that is also a common word', 'Price said the price was fair, as Tom Price wrote.', 'Price', 'Tom Price', 'person'],
  ])('resolveSpeakers: not a group: %s', (_, text, source, name, kind) => {
    const speaker = speakerOf(text, source);
    expect(speaker?.kind).toBe(kind);
    if (name) expect(speaker?.name).toBe(name);
  });

  it.each([
    ['an outlet known by name', 'BuzzFeed reported that the mayor would resign.', 'BuzzFeed', 'BuzzFeed'],
    ['a name with a possessive of people inside', 'The Harbour Fishermen\'s Cooperative said it was not consulted.', 'The Harbour Fishermen\'s Cooperative', 'Harbour Fishermen\'s Cooperative'],
    ['a web address, named whole', 'Factcheck.org found that the claim was false.', 'Factcheck.org', 'Factcheck.org'],
    ['"the" and a demonym before a name (not a person that another "Star" would be)',
      'Ana Star spoke at the pier. The plan was reported by the Harbour Gazette, according to the Philippine Star.', 'the Philippine Star', 'Philippine Star'],
  ])('resolveSpeakers: %s is an organisation', (_, text, source, name) => {
    expect(speakerOf(text, source)).toMatchObject({ name, kind: 'organization' });
  });

  it.each([
    ['Everyone but Eder said the ferry was late.', 'Everyone but Eder'],
    ['Anyone who knows Ana Ruiz says she will run.', 'Anyone who knows Ana Ruiz'],
    ['Another said the ferry was late.', 'Another'],
  ])('resolveSpeakers: a source that names no one has no speaker: %s', (text, source) => expect(speakerOf(text, source)).toBeNull());

  describe('resolveSpeakers: the writer of a column', () => {
    const column = 'The ferry was late again. I asked the mayor why, and I think her answer was weak.\n\n“I will fix it,” Ruiz said.';
    /** The speakers of the column's three "I" sources, resolved with `byline`. */
    function writers(text: string, byline?: string): Array<string | null> {
      const atts = [att(text, 'I', 0), att(text, 'I', 1), att(text, 'I', 2)];
      resolveSpeakers(analyzeText(text), atts, [], undefined, byline);
      return atts.map((a) => a.speaker?.name ?? null);
    }

    it('"I" outside quotations is the one person the byline names; inside one, it is not', () => {
      expect(writers(column, 'By Lena Varga')).toEqual(['Lena Varga', 'Lena Varga', null]);
    });

    it.each([
      ['no byline', undefined],
      ['a byline of an outlet', 'Harbour News'],
      ['a byline of two writers', 'Lena Varga and Tom Eder'],
    ])('with %s, "I" outside quotations has no speaker', (_, byline) => {
      expect(writers(column, byline)).toEqual([null, null, null]);
    });

    it('in a question-and-answer interview "I" may be either side: no writer', () => {
      const interview = 'Q: Why was the ferry late?\n\nA: I think the engine failed, and I said so.\n\n“I will fix it,” Ruiz said.';
      expect(writers(interview, 'Lena Varga')).toEqual([null, null, null]);
    });

    it.each([
      ['By Lena Varga', 'Lena Varga'],
      ['BY ANDREW ROSS SORKIN', 'Andrew Ross Sorkin'],
      ['Jean-Luc de la Mare', 'Jean-Luc de la Mare'],
      ['Lena Varga and Tom Eder', null],
      ['Harbour News', null],
      ['Staff reports', null],
      ['Varga', null],
    ])('writerName(%j) is %j', (byline, name) => expect(writerName(byline)).toBe(name));
  });

  it('resolveSpeakers: no source and nothing to infer gives null', () => {
    const a = att('“We will win this war, whatever it costs us,” the banner read.', null, 0, '“We');
    resolveSpeakers(analyzeText(a.content[0].text), [a], []);
    expect(a.speaker).toBeNull();
  });

  it('resolveSpeakers: a transcript names its speaker before a colon', () => {
    const text = 'Partial transcript:\n"WALLACE: Will she be there?\n"PENCE: She will not.';
    const a = att(text, null, 0, '"PENCE');
    resolveSpeakers(analyzeText(text), [a], []);
    expect(a.speaker?.name).toBe('PENCE');
  });

  it('resolveSpeakers: "I" inside a quote is the quote’s speaker', () => {
    const text = '“I said I would go,” Smith said.';
    const outer = { ...att(text, 'Smith', 0, '“I'), content: [{ start: 0, end: 22, text: text.slice(0, 22) }] };
    const inner = att(text, 'I', 0, 'would');
    resolveSpeakers(analyzeText(text), [outer, inner], []);
    expect(inner.speaker?.name).toBe('Smith');
  });

  it('resolveSpeakers: one entity per person, numbered in order, with role and mentions', () => {
    const text = 'Russian President Vladimir Putin agrees. Putin said so. He said more.';
    const atts = [att(text, 'Putin', 1), att(text, 'He')];
    const entities = resolveSpeakers(analyzeText(text), atts, []);
    expect(entities).toEqual([{
      id: 'e1', name: 'Vladimir Putin', kind: 'person', role: 'President', affiliation: 'Russia',
      aliases: ['Russian President Vladimir Putin', 'Putin'],
      mentions: [{ start: 0, end: 32, text: 'Russian President Vladimir Putin' }, { start: 41, end: 46, text: 'Putin' }, { start: 56, end: 58, text: 'He' }],
    }]);
    expect(atts.map((a) => a.speaker)).toEqual([
      { id: 'e1', name: 'Vladimir Putin', kind: 'person', role: 'President', affiliation: 'Russia' },
      { id: 'e1', name: 'Vladimir Putin', kind: 'person', role: 'President', affiliation: 'Russia' },
    ]);
  });

  it('resolveSpeakers: a name spelled two ways is one entity and a name-variant diagnostic', () => {
    const text = 'Special US envoy Steve Witkoff spoke. Witkov said no.';
    const diagnostics: Diagnostic[] = [];
    const a = att(text, 'Witkov');
    resolveSpeakers(analyzeText(text), [a], diagnostics);
    expect(a.speaker?.name).toBe('Steve Witkoff');
    expect(diagnostics).toEqual([{
      code: 'name-variant', severity: 'info', reason: 'name spelled 2 ways: Witkoff / Witkov',
      span: { start: 38, end: 44, text: 'Witkov' }, note: 'Witkoff at 23-30; Witkov at 38-44',
    }]);
  });

  it('resolveSpeakers: different people with one surname stay apart', () => {
    expect(speakers('Hillary Clinton and Bill Clinton came. Bill Clinton said no.', [['Bill Clinton', 1]])).toEqual(['Bill Clinton']);
  });

  it('resolveSpeakers: every span it returns is a slice of the text, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
      const [s, e] = [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)];
      const attribution: Attribution = {
        id: 'a1', kind: 'direct', content: [{ start: 0, end: text.length, text }], cue: null,
        source: e > s ? { start: s, end: e, text: text.slice(s, e) } : null, confidence: 1, provenance: [],
      };
      const diagnostics: Diagnostic[] = [];
      const entities = resolveSpeakers(analyzeText(text), [attribution], diagnostics);
      for (const entity of entities) for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const d of diagnostics) if (d.span) expect(text.slice(d.span.start, d.span.end)).toBe(d.span.text);
    }), { numRuns: 300 });
  });
});

describe('resolveSpeakers: a cue with no source takes its sentence’s subject', () => {
  /** The speaker of a source-less attribution whose cue is `cue` and whose content is the rest of the sentence. */
  function speakerOfCue(text: string, cue: string): string | null {
    const at = text.indexOf(cue);
    const from = at + cue.length + 1;
    const end = text.indexOf('.', from);
    const a: Attribution = {
      id: 'a', kind: 'indirect', content: [{ start: from, end, text: text.slice(from, end) }],
      cue: { start: at, end: at + cue.length, text: cue }, source: null, confidence: 1, provenance: [],
    };
    resolveSpeakers(analyzeText(text), [a], []);
    return a.speaker?.name ?? null;
  }

  it.each([
    ['a participle', 'Mayor Dana Whitfield defended the budget, saying the county could afford it.', 'saying', 'Dana Whitfield'],
    ['a verb joined by "but"', 'Governor Ana Ruiz supports the plan, but insists on a vote in the spring.', 'insists', 'Ana Ruiz'],
    ['a verb joined by "and also"', 'Senator Tom Eder visited the plant and also said jobs would return.', 'said', 'Tom Eder'],
    ['a relative clause closed by a comma before "and"', 'Tom Eder praised the station, which hired him in May, and said he would stay.', 'said', 'Tom Eder'],
  ])('%s', (_, text, cue, expected) => expect(speakerOfCue(text, cue)).toBe(expected));

  it.each([
    ['the verb belongs to a relative clause', 'Tom Eder wrote a book that explored the valley and described how towns grow.', 'described'],
    ['a passive', 'Tom Eder is a donor to the campaign and has been mentioned as a candidate.', 'has been mentioned'],
    ['no coordination', 'On the radio, Tom Eder spoke. Insists the station was wrong.', 'Insists'],
  ])('not: %s', (_, text, cue) => expect(speakerOfCue(text, cue)).toBeNull());
});
