import { describe, expect, it } from 'vitest';
import { analyzeText } from './document.js';

/** Each paired quotation as its text (marks included), with its level and depth when not 1/0. */
function quotes(text: string): string[] {
  const { quotes: regions, tokens } = analyzeText(text);
  return regions.map((q) => {
    const last = q.continues ? q.close - 1 : q.close;
    const flags = [q.level === 2 ? 'single' : '', q.depth ? `depth ${q.depth}` : '', q.continues ? 'continues' : '', q.continuation ? 'continuation' : ''];
    return [text.slice(tokens.start[q.open], tokens.end[last]), ...flags.filter(Boolean)].join(' | ');
  });
}

function unbalanced(text: string): string[] {
  return analyzeText(text).diagnostics.filter((d) => d.code === 'unbalanced-quote').map((d) => d.span?.text ?? '');
}

describe('pairQuoteMarks', () => {
  it.each([
    ['straight double marks', 'He said "no" twice.', ['"no"']],
    ['curly double marks', 'He said “no” twice.', ['“no”']],
    ['straight marks glued to punctuation', '"No," he said. "Never."', ['"No,"', '"Never."']],
    ['curly marks with the comma inside', '“No,” he said.', ['“No,”']],
    ["'' as a double mark (NYT style)", "''No,'' he said.", ["''No,''"]],
    ['guillemets', 'Il a dit «non».', ['«non»']],
    ['German low-high marks', '„Wir gehen“, sagte er.', ['„Wir gehen“']],
    ['German single marks inside double ones', '„Er sagte: ‚Nein‘.“ Dann ging er.', ['„Er sagte: ‚Nein‘.“', '‚Nein‘ | single | depth 1']],
    ['curly single marks inside double ones', '“He said ‘no’ twice,” she said.', ['“He said ‘no’ twice,”', '‘no’ | single | depth 1']],
    ['straight single marks inside double ones', '"He said \'no\' twice," she said.', ['"He said \'no\' twice,"', "'no' | single | depth 1"]],
    ['a single-quoted phrase on its own', "The 'new normal' is here.", ["'new normal' | single"]],
    ['curly double marks nested in curly double marks', '“A “nested” quote,” he said.', ['“A “nested” quote,”', '“nested” | depth 1']],
    ['several quotes in one sentence', 'It was “very good” and “fair.”', ['“very good”', '“fair.”']],
    ['an opening mark typed for a closing one', '“Apparently not,“ he said.', ['“Apparently not,“']],
  ])('pairQuoteMarks: %s', (_, text, expected) => {
    expect(quotes(text)).toEqual(expected);
    expect(unbalanced(text)).toEqual([]);
  });

  it.each([
    ['don’t and can’t', 'They don’t know and can’t say.'],
    ['a plural possessive', 'The Clintons’ house and the Smiths’ dog.'],
    ['a decade', 'Back in the ’90s and the \'80s.'],
    ['a possessive of a name ending in s', 'Jones’ plan and James\' idea.'],
    ['rock ’n’ roll', 'They played rock ’n’ roll all night.'],
    ['feet and inches', 'He is 6\'2 tall.'],
  ])('pairQuoteMarks: apostrophes are not quotes: %s', (_, text) => {
    expect(quotes(text)).toEqual([]);
    expect(unbalanced(text)).toEqual([]);
  });

  it('pairQuoteMarks: a quote over several paragraphs reopens in each and closes in the last', () => {
    const text = '“We will rebuild.\n\n“Every house.\n\n“Every school,” she said.';
    expect(quotes(text)).toEqual([
      '“We will rebuild. | continues',
      '“Every house. | continues | continuation',
      '“Every school,” | continuation',
    ]);
    expect(unbalanced(text)).toEqual([]);
  });

  it('pairQuoteMarks: straight marks over several paragraphs', () => {
    const text = '"We will rebuild.\n\n"Every school," she said.';
    expect(quotes(text)).toEqual(['"We will rebuild. | continues', '"Every school," | continuation']);
  });

  it('pairQuoteMarks: a paragraph that opens with a mark of another style does not continue a quote', () => {
    const text = '"We will rebuild.\n\n“Every school,” she said.';
    expect(quotes(text)).toEqual(['“Every school,”']);
    expect(unbalanced(text)).toEqual(['"']);
  });

  it('pairQuoteMarks: a quote left open before a paragraph that is not a quote is unbalanced', () => {
    const text = '“We will rebuild.\n\nThe mayor left.';
    expect(quotes(text)).toEqual([]);
    expect(unbalanced(text)).toEqual(['“']);
  });

  it('pairQuoteMarks: an opening mark with no partner gives a diagnostic and no region', () => {
    const text = 'He said “we will win. Then he left the room and the vote went on.';
    expect(quotes(text)).toEqual([]);
    expect(analyzeText(text).diagnostics).toEqual([{
      code: 'unbalanced-quote', severity: 'warning', reason: 'opening quotation mark with no closing one', span: { start: 8, end: 9, text: '“' },
    }]);
  });

  it('pairQuoteMarks: a closing mark with no partner gives a diagnostic and no region', () => {
    const text = 'We will win.” Then he left.';
    expect(quotes(text)).toEqual([]);
    expect(analyzeText(text).diagnostics.map((d) => [d.code, d.reason, d.span?.start])).toEqual([
      ['unbalanced-quote', 'closing quotation mark with no opening one', 12],
    ]);
  });

  it('pairQuoteMarks: an unbalanced mark does not run into the next paragraph', () => {
    const text = 'He said “we will win.\n\nShe said “no” and left.';
    expect(quotes(text)).toEqual(['“no”']);
    expect(unbalanced(text)).toEqual(['“']);
  });

  it('pairQuoteMarks: a lone straight mark is unbalanced', () => {
    expect(quotes('A lone " mark.')).toEqual([]);
    expect(unbalanced('A lone " mark.')).toEqual(['"']);
  });

  it('pairQuoteMarks: an odd number of straight marks pairs what it can', () => {
    const text = '"One," he said, "two," and " three.';
    expect(quotes(text)).toEqual(['"One,"', '"two,"']);
    expect(unbalanced(text)).toEqual(['"']);
  });

  it('pairQuoteMarks: a single mark with no partner gives no diagnostic (it may be an apostrophe)', () => {
    expect(unbalanced("He said 'maybe.")).toEqual([]);
  });

  it('pairQuoteMarks: quoteOf gives the innermost quote of each token', () => {
    const doc = analyzeText('“He said ‘no’ twice,” she said.');
    // “ He said ‘ no ’ twice , ” she said .
    expect(Array.from(doc.quoteOf)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, -1, -1, -1]);
  });
});
