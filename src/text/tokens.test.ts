import { describe, expect, it } from 'vitest';
import { NUMBER, PUNCT, QUOTE, tokenize, WORD } from './tokens.js';

function texts(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

function kinds(text: string): number[] {
  return Array.from(tokenize(text).kind);
}

describe('tokenize', () => {
  it.each([
    ['clitic: possessive ’s is its own token', 'Trump’s plan', ['Trump', '’s', 'plan']],
    ['clitic: straight possessive', "Trump's plan", ['Trump', "'s", 'plan']],
    ['clitic: n’t splits from its verb', 'they don’t', ['they', 'do', 'n’t']],
    ["clitic: can't is ca + n't", "we can't", ['we', 'ca', "n't"]],
    ['clitic: ’re, ’ve, ’ll, ’d, ’m', 'we’re we’ve we’ll we’d I’m', ['we', '’re', 'we', '’ve', 'we', '’ll', 'we', '’d', 'I', '’m']],
    ['clitic: an apostrophe inside a name stays', 'O’Brien left', ['O’Brien', 'left']],
    ['abbreviation: titles keep their period', 'Mr. Sen. Gov. Dr.', ['Mr.', 'Sen.', 'Gov.', 'Dr.']],
    ['abbreviation: U.S. is one token', 'the U.S. Senate', ['the', 'U.S.', 'Senate']],
    ['abbreviation: month before a day', 'on Jan. 5', ['on', 'Jan.', '5']],
    ['abbreviation: a.m. and p.m.', 'at 9 a.m. or 5 p.m.', ['at', '9', 'a.m.', 'or', '5', 'p.m.']],
    ['abbreviation: an initial keeps its period', 'Donald J. Trump', ['Donald', 'J.', 'Trump']],
    ['abbreviation: No. only before a number', 'No. 5 or no.', ['No.', '5', 'or', 'no', '.']],
    ['abbreviation: an ordinary word gives up its period', 'He left.', ['He', 'left', '.']],
    ['party label: state abbreviation', 'Rand Paul (R-Ky.)', ['Rand', 'Paul', '(', 'R-Ky.', ')']],
    ['party label: dotted state', 'Jim Clyburn (D-S.C.)', ['Jim', 'Clyburn', '(', 'D-S.C.', ')']],
    ['party label: state without a period', 'Jane Doe (D-Ohio)', ['Jane', 'Doe', '(', 'D-Ohio', ')']],
    ['number: thousands and decimals', 'cost 3,000.5 dollars', ['cost', '3,000.5', 'dollars']],
    ['number: a sentence-final period is not a decimal point', 'won 3,000.', ['won', '3,000', '.']],
    ['number: time of day', 'at 10:30 sharp', ['at', '10:30', 'sharp']],
    ['hyphen: compounds stay whole', 'a well-known so-called expert', ['a', 'well-known', 'so-called', 'expert']],
    ['url: one token without the final period', 'see https://example.com/a?b=1.', ['see', 'https://example.com/a?b=1', '.']],
    ['url: www. address', 'at www.example.org today', ['at', 'www.example.org', 'today']],
    ['url: an upper-case scheme', 'see HTTP://EXAMPLE.COM now', ['see', 'HTTP://EXAMPLE.COM', 'now']],
    ['url: a word that only starts like one', 'whatever happens', ['whatever', 'happens']],
    ['party label: independent', 'Bernie Sanders (I-Vt.)', ['Bernie', 'Sanders', '(', 'I-Vt.', ')']],
    ['letters: accented and non-Latin letters stay in their word, twice over', 'café Ελλάδα café', ['café', 'Ελλάδα', 'café']],
    ["quote: '' is one mark", "''Yes,'' he said", ["''", 'Yes', ',', "''", 'he', 'said']],
    ['quote: curly marks are tokens', '“No.”', ['“', 'No', '.', '”']],
    ['quote: a leading apostrophe before digits', 'the ’90s', ['the', '’', '90s']],
    ['punctuation: an ellipsis is one token', 'wait... no', ['wait', '...', 'no']],
    ['punctuation: a double hyphen is one dash', 'this -- that', ['this', '--', 'that']],
    ['astral: a letter outside the BMP stays in its word', '𝐀bc def', ['𝐀bc', 'def']],
    ['astral: an emoji is one token', 'ok 😀 ok', ['ok', '😀', 'ok']],
    ['whitespace: NBSP and control characters separate tokens', 'a\u00a0b\u0000c', ['a', 'b', 'c']],
  ])('tokenize: %s', (_, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('tokenize: words, numbers, punctuation and quote marks have their kinds', () => {
    expect(kinds('“Mr. Smith paid 3,000,” he said.')).toEqual([QUOTE, WORD, WORD, WORD, NUMBER, PUNCT, QUOTE, WORD, WORD, PUNCT]);
  });

  it('tokenize: digits of other scripts make numbers', () => {
    expect(kinds('٣٤ or ３')).toEqual([NUMBER, WORD, NUMBER]);
  });

  it("tokenize: '' is a quote mark, not two apostrophes", () => {
    expect(kinds("''No''")).toEqual([QUOTE, WORD, QUOTE]);
  });

  it('tokenize: offsets are UTF-16 code units of the input', () => {
    const t = tokenize('😀 ab');
    expect([t.start[0], t.end[0], t.start[1], t.end[1]]).toEqual([0, 2, 3, 5]);
  });

  it('tokenize: empty text has no tokens', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' \n\t ').count).toBe(0);
  });
});
