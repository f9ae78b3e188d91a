import { describe, expect, it } from 'vitest';
import { analyzeText } from './document.js';
import { MAX_SENTENCE_TOKENS } from './sentences.js';

function sentences(text: string): string[] {
  const { sentences: ranges, tokens } = analyzeText(text);
  return ranges.map((s) => text.slice(tokens.start[s.start], tokens.end[s.end - 1]));
}

describe('findSentences', () => {
  it.each([
    ['a period and a capital break', 'He left. She stayed.', ['He left.', 'She stayed.']],
    ['question and exclamation marks break', 'Why? Nobody knows! Fine.', ['Why?', 'Nobody knows!', 'Fine.']],
    ['a number can open a sentence', 'He won. 2016 was good.', ['He won.', '2016 was good.']],
    ['a lower-case word does not open a sentence', 'He left. and then came back.', ['He left. and then came back.']],
    ['no break after Mr.', 'Mr. Smith left.', ['Mr. Smith left.']],
    ['no break after Sen.', 'Sen. Rand Paul spoke.', ['Sen. Rand Paul spoke.']],
    ['no break after Gov.', 'She met Gov. Brown. He left.', ['She met Gov. Brown.', 'He left.']],
    ['no break after U.S. before a name', 'The U.S. Senate voted.', ['The U.S. Senate voted.']],
    ['no break after a month before a day', 'On Jan. 5 he left.', ['On Jan. 5 he left.']],
    ['no break after an initial', 'Donald J. Trump spoke.', ['Donald J. Trump spoke.']],
    ['no break after a party label', 'Sen. Rand Paul (R-Ky.) spoke.', ['Sen. Rand Paul (R-Ky.) spoke.']],
    ['a break after U.S. when a sentence opener follows', 'He lives in the U.S. He left.', ['He lives in the U.S.', 'He left.']],
    ['a break after Inc. when a sentence opener follows', 'He joined Acme Inc. The firm grew.', ['He joined Acme Inc.', 'The firm grew.']],
    ['closing quote marks stay with their sentence', 'He said “no.” Then he left.', ['He said “no.”', 'Then he left.']],
    ['a straight closing mark stays with its sentence', 'He said "no." Then he left.', ['He said "no."', 'Then he left.']],
    ['a closing parenthesis stays with its sentence', '(He left.) She stayed.', ['(He left.)', 'She stayed.']],
    ['a quoted question and its attribution are one sentence', '“Why?” Smith asked. He left.', ['“Why?” Smith asked.', 'He left.']],
    ['a quoted question before a pronoun and verb', '“Why not?” she asked.', ['“Why not?” she asked.']],
    ['a quoted sentence before another sentence breaks', '“No.” The room went quiet.', ['“No.”', 'The room went quiet.']],
    ['a quote opens a new sentence', 'He left. “Goodbye,” he said.', ['He left.', '“Goodbye,” he said.']],
    ['a newline ends a sentence', 'BREAKING NEWS\nThe vote failed.\n\nMore.', ['BREAKING NEWS', 'The vote failed.', 'More.']],
    ['a newline inside a clause is a wrap', 'The vote failed in\nthe Senate.\n\nMore.', ['The vote failed in\nthe Senate.', 'More.']],
    ['sentences never cross paragraphs', 'No period here\n\nNext one', ['No period here', 'Next one']],
  ])('findSentences: %s', (_, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it(`findSentences: a sentence longer than ${MAX_SENTENCE_TOKENS} tokens is cut`, () => {
    const { sentences: ranges } = analyzeText('word '.repeat(1000));
    expect(ranges.map((s) => s.end - s.start)).toEqual([MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 1000 - 2 * MAX_SENTENCE_TOKENS]);
  });

  it('findSentences: sentences cover every token once, in order', () => {
    const { sentences: ranges, tokens } = analyzeText('Mr. Smith left. “Why?” he asked.\n\nThe U.S. The end.');
    expect(ranges[0].start).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBe(ranges[i - 1].end);
    expect(ranges[ranges.length - 1].end).toBe(tokens.count);
  });
});
