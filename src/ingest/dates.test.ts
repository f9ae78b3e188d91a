import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  it.each([
    ['2025-03-13', '2025-03-13'],
    ['2025-03-13T23:30:00-05:00', '2025-03-13'],
    ['20250313T101010Z', '2025-03-13'],
    ['Thu, 13 Mar 2025 23:30:00 -0500', '2025-03-13'],
    ['13 March 2025', '2025-03-13'],
    ['March 13, 2025', '2025-03-13'],
    ['Sept. 3rd, 2024', '2024-09-03'],
  ])('toIsoDate: reads %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each(['', 'yesterday', '2025-02-30', '31 Foo 2025', 42])('toIsoDate: rejects %s', (input) => {
    expect(toIsoDate(input)).toBeUndefined();
  });
});
