import { describe, expect, it } from 'vitest';
import { StoreQueryError } from '../store.js';
import { nameTsQuery, toTsQuery } from './ts-query.js';

describe('toTsQuery', () => {
  it.each([
    ['harbour', "'harbour'"],
    ['rush harbour', "'rush' & 'harbour'"],
    ['"harbour vote"', "'harbour' <-> 'vote'"],
    ['fa*', "'fa':*"],
    ['harbour NOT levy', "'harbour' & ! 'levy'"],
    ['fees OR fares', "'fees' | 'fares'"],
    ['a OR b NOT c', "'a' | 'b' & ! 'c'"],
    ['well-known', "'well' <-> 'known'"],
    ['Señora', "'Senora'"],
    ["it's & | ! <-> :* 'x'", "'it' <-> 's' & 'x'"],
    ['constructor toString', "'constructor' & 'toString'"],
    ['OR rush AND', "'rush'"],
  ])('toTsQuery: %s', (input, expected) => {
    expect(toTsQuery(input)).toBe(expected);
  });

  it('toTsQuery: no words, or a leading NOT, is a query error', () => {
    expect(() => toTsQuery('""')).toThrow(StoreQueryError);
    expect(() => toTsQuery('!!! ???')).toThrow(/no words/);
    expect(() => toTsQuery('NOT ferry')).toThrow(/starts with NOT/);
  });

  it('nameTsQuery: every word, whole or as a prefix', () => {
    expect(nameTsQuery(['maria', 'okafor'])).toBe("'maria' & 'okafor'");
    expect(nameTsQuery(['oka'], true)).toBe("'oka':*");
  });
});
