import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/document.js';
import { isTitleCase } from './title-case.js';
import { buildView } from './view.js';

function titleCaseAt(text: string, word: string): boolean {
  const view = buildView(analyzeText(text));
  const { tokens } = view.doc;
  let t = 0;
  while (text.slice(tokens.start[t], tokens.end[t]) !== word) t++;
  return isTitleCase(view, view.doc.sentenceOf[t], t);
}

describe('isTitleCase', () => {
  it('isTitleCase: a headline in title case', () => {
    expect(titleCaseAt('Hillary Clinton Goes After Donald Trump', 'Donald')).toBe(true);
  });

  it('isTitleCase: a sentence of prose', () => {
    expect(titleCaseAt('Hillary Clinton went after Donald Trump on Tuesday in a speech.', 'Donald')).toBe(false);
  });

  it('isTitleCase: each clause between colons on its own', () => {
    const text = 'The poll shows that voters across the country are turning away: Donald Trump Loses Ground';
    expect(titleCaseAt(text, 'Donald')).toBe(true);
    expect(titleCaseAt(text, 'The')).toBe(false);
  });
});
