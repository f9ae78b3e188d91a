import { describe, expect, it } from 'vitest';
import { StoreQueryError } from '../store.js';
import { toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it.each([
    ['rush', 'c : ("rush")'],
    ['harbour vote', 'c : ("harbour" "vote")'],
    ['"harbour vote" OR ferry', 'c : ("harbour vote" OR "ferry")'],
    ['ferr* NOT fares', 'c : ("ferr"* NOT "fares")'],
    ['OR rush AND OR vote NOT', 'c : ("rush" AND "vote")'],
    ['rush NOT NOT vote', 'c : ("rush" NOT "vote")'],
    ['"unclosed phrase', 'c : ("unclosed phrase")'],
    ['don\'t (panic) c:x', 'c : ("don t" "panic" "c x")'],
    ['Ibáñez', 'c : ("Ibáñez")'],
  ])('toFtsQuery: %s', (input, expected) => {
    expect(toFtsQuery(input, 'c')).toBe(expected);
  });

  it('toFtsQuery: a query that starts with NOT is a query error, not its opposite', () => {
    expect(() => toFtsQuery('NOT ferry', 'c')).toThrow(/starts with NOT/);
  });

  it('toFtsQuery: a query without words is a query error', () => {
    expect(() => toFtsQuery(' "" -- OR ', 'c')).toThrow(StoreQueryError);
  });
});
