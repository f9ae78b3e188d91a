import { describe, expect, it } from 'vitest';
import { attType, normSpans } from './roles.js';

describe('normSpans', () => {
  it('normSpans: reads every accepted shape', () => {
    expect(normSpans(null)).toEqual([]);
    expect(normSpans(undefined)).toEqual([]);
    expect(normSpans({ start: 1, end: 4, text: 'abc' })).toEqual([[1, 4]]);
    expect(normSpans([{ start: 1, end: 4 }, [6, 9]])).toEqual([[1, 4], [6, 9]]);
  });

  it('normSpans: skips pieces of the wrong shape and truncates floats like int()', () => {
    expect(normSpans([[1, 2, 3], { start: 1 }, 'ab', [2.9, '7'], [null, 3]])).toEqual([[2, 7]]);
  });
});

describe('attType', () => {
  const text = 'He said “we won.” She said the “deal” was off. ‘Fine,’ he said. It was ‘odd’ to him.';

  it('attType: direct when the content opens and closes with quote marks', () => {
    expect(attType(text, [[8, 17]])).toBe('direct');
  });

  it('attType: mixed when quote marks sit inside', () => {
    expect(attType(text, [[27, 46]])).toBe('mixed');
  });

  it('attType: direct for single quotes that open and close the content', () => {
    expect(attType(text, [[47, 54]])).toBe('direct');
  });

  it('attType: indirect for single quotes inside, or none, or no range', () => {
    expect(attType(text, [[64, 84]])).toBe('indirect');
    expect(attType(text, [[3, 7]])).toBe('indirect');
    expect(attType(text, [])).toBe('indirect');
  });

  it('attType: spans all pieces of a discontinuous content', () => {
    expect(attType('“We,” he said, “won.”', [[0, 5], [15, 21]])).toBe('direct');
  });
});
