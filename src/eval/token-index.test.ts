import { describe, expect, it } from 'vitest';
import { intersectionSize, sameTokens, TokenIndex } from './token-index.js';

describe('TokenIndex', () => {
  const doc = new TokenIndex('Mayor Lin: “We will, yes.”');
  // tokens: 0 Mayor, 1 Lin, 2 :, 3 “, 4 We, 5 will, 6 ,, 7 yes, 8 ., 9 ”

  it('toks: counts word tokens a range overlaps, even partly', () => {
    expect([...doc.toks([[7, 14]])]).toEqual([1, 4]);
  });

  it('toks: ignores punctuation tokens', () => {
    expect([...doc.toks([[9, 12]])]).toEqual([]);
  });

  it('toks: joins the tokens of several ranges and skips empty or reversed ones', () => {
    expect([...doc.toks([[0, 5], [12, 12], [20, 16], [21, 24]])].sort()).toEqual([0, 7]);
  });

  it('toks: starts from the first token for negative offsets', () => {
    expect([...doc.toks([[-5, 3]])]).toEqual([0]);
  });

  it('piece: gives the first and last word token, or null', () => {
    expect(doc.piece([11, 26])).toEqual([4, 7]);
    expect(doc.piece([24, 26])).toBeNull();
  });

  it('toks: reads offsets as UTF-16 code units', () => {
    const astral = new TokenIndex('😀 “Go,” 𝐀da said.');
    expect([...astral.toks([[9, 12]])]).toEqual([5]);
  });

  it('intersectionSize and sameTokens: compare sets', () => {
    expect(intersectionSize(new Set([1, 2, 3]), new Set([3, 4]))).toBe(1);
    expect(sameTokens(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameTokens(new Set([1, 2]), new Set([1, 2, 3]))).toBe(false);
  });
});
