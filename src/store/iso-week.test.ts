import { describe, expect, it } from 'vitest';
import { isoWeek, weeklyCounts } from './iso-week.js';

describe('isoWeek', () => {
  it.each([
    ['2025-03-13', '2025-W11'], ['2025-01-01', '2025-W01'], ['2024-12-30', '2025-W01'], ['2021-01-03', '2020-W53'],
    ['2026-12-31', '2026-W53'], ['2023-01-01', '2022-W52'], ['2023-01-02', '2023-W01'],
  ])('isoWeek: %s is %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('weeklyCounts: sums days into weeks, oldest first, skipping unknown dates', () => {
    expect(weeklyCounts([{ date: '2025-03-17', count: 1 }, { date: '2025-03-10', count: 2 }, { date: '', count: 5 }, { date: '2025-03-16', count: 1 }]))
      .toEqual([{ week: '2025-W11', count: 3 }, { week: '2025-W12', count: 1 }]);
  });
});
