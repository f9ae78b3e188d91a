import { describe, expect, it } from 'vitest';
import { findParagraphs } from './paragraphs.js';

function texts(text: string): string[] {
  return findParagraphs(text).map((p) => text.slice(p.start, p.end));
}

describe('findParagraphs', () => {
  it.each([
    ['blank lines separate paragraphs', 'One.\n\nTwo.', ['One.', 'Two.']],
    ['a single newline is a wrap when blank lines are used', 'One line\nwrapped.\n\nTwo.', ['One line\nwrapped.', 'Two.']],
    ['every line is a paragraph when no blank line is used', 'One.\nTwo.\nThree.', ['One.', 'Two.', 'Three.']],
    ['Windows line ends', 'One.\r\n\r\nTwo.', ['One.', 'Two.']],
    ['old Mac line ends', 'One.\r\rTwo.', ['One.', 'Two.']],
    ['a line of spaces counts as blank', 'One.\n  \t\nTwo.', ['One.', 'Two.']],
    ['several blank lines are one separator', 'One.\n\n\n\nTwo.', ['One.', 'Two.']],
    ['the Unicode paragraph separator', 'One.\u2029Two.', ['One.', 'Two.']],
    ['surrounding whitespace is trimmed', '  One.  \n\n  Two.  ', ['One.', 'Two.']],
    ['whitespace only gives nothing', ' \n\n \t', []],
    ['empty text gives nothing', '', []],
  ])('findParagraphs: %s', (_, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('findParagraphs: ranges are offsets into the input', () => {
    expect(findParagraphs('a\n\nb')).toEqual([{ start: 0, end: 1 }, { start: 3, end: 4 }]);
  });
});
