import { describe, expect, it } from 'vitest';
import { pyFixed, pyRound, pyRstrip, pyStr, pyStrip, TOKEN_PATTERN } from './python-text.js';

const tokens = (text: string): string[] => [...text.matchAll(TOKEN_PATTERN)].map((m) => m[0]);

describe('python-text', () => {
  it('TOKEN_PATTERN: splits word runs from single marks, like Python re', () => {
    expect(tokens('“It’s 3,000 km_2,” née Zoë said…')).toEqual(['“', 'It', '’', 's', '3', ',', '000', 'km_2', ',', '”', 'née', 'Zoë', 'said', '…']);
  });

  it('TOKEN_PATTERN: treats combining marks as punctuation, as Python\'s \\w does', () => {
    expect(tokens('Jose\u0301')).toEqual(['Jose', '\u0301']);
  });

  it('TOKEN_PATTERN: counts U+001F and U+0085 as space and U+FEFF as a mark', () => {
    expect(tokens('a\u001fb\u0085c\ufeffd')).toEqual(['a', 'b', 'c', '\ufeff', 'd']);
  });

  it('TOKEN_PATTERN: keeps an astral letter in its word and an emoji whole', () => {
    expect(tokens('𝐀b 😀')).toEqual(['𝐀b', '😀']);
  });

  it('pyStrip: strips Python whitespace only', () => {
    expect(pyStrip('\u0085\u001c “Yes.”\u3000')).toBe('“Yes.”');
    expect(pyStrip('\ufeffx')).toBe('\ufeffx');
  });

  it('pyRstrip: strips any of the given characters from the end', () => {
    expect(pyRstrip('“No”).— ', '.,;:!?)—–- ')).toBe('“No”');
    expect(pyRstrip('...', '.')).toBe('');
  });

  it('pyFixed: rounds exact ties to even, like Python format', () => {
    expect(pyFixed(0.0625, 3)).toBe('0.062');
    expect(pyFixed(0.1875, 3)).toBe('0.188');
    expect(pyFixed(0.3333, 3)).toBe('0.333');
    expect(pyFixed(1, 3)).toBe('1.000');
    expect(pyFixed(0, 3)).toBe('0.000');
    expect(pyFixed(2.5, 0)).toBe('2');
  });

  it('pyFixed: rounds the binary value, so 0.0005 (just above) goes up and 1.0005 (just below) goes down', () => {
    expect(pyFixed(0.0005, 3)).toBe('0.001');
    expect(pyFixed(1.0005, 3)).toBe('1.000');
    expect(pyFixed(0.0875, 3)).toBe('0.087');
  });

  it('pyRound: matches Python round(x, 4)', () => {
    expect(pyRound(0.03125, 4)).toBe(0.0312);
    expect(pyRound(0.09375, 4)).toBe(0.0938);
    expect(pyRound(2 / 3, 4)).toBe(0.6667);
    expect(pyRound(0.45784, 4)).toBe(0.4578);
  });

  it('pyStr: renders ids as Python str() does', () => {
    expect([pyStr('a'), pyStr(7), pyStr(null), pyStr(undefined), pyStr(true)]).toEqual(['a', '7', 'None', 'None', 'True']);
  });
});
