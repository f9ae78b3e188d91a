import { describe, expect, it } from 'vitest';
import { fillWeeks, isoWeek, weekStart } from './iso-week.js';

describe('iso weeks', () => {
  it('isoWeek: year boundaries follow the Thursday rule', () => {
    expect(isoWeek(new Date(Date.UTC(2025, 0, 1)))).toBe('2025-W01');
    expect(isoWeek(new Date(Date.UTC(2024, 11, 30)))).toBe('2025-W01');
    expect(isoWeek(new Date(Date.UTC(2021, 0, 3)))).toBe('2020-W53');
    expect(weekStart('2020-W53').toISOString().slice(0, 10)).toBe('2020-12-28');
  });

  it('fillWeeks: empty weeks between statements count 0, across a new year', () => {
    expect(fillWeeks([{ week: '2025-W02', count: 1 }, { week: '2024-W51', count: 3 }])).toEqual([
      { week: '2024-W51', count: 3 }, { week: '2024-W52', count: 0 }, { week: '2025-W01', count: 0 }, { week: '2025-W02', count: 1 },
    ]);
  });

  it('fillWeeks: at most the latest max weeks', () => {
    const weeks = fillWeeks([{ week: '2020-W01', count: 1 }, { week: '2025-W10', count: 2 }], 10);
    expect(weeks).toHaveLength(10);
    expect(weeks[9]).toEqual({ week: '2025-W10', count: 2 });
  });
});
