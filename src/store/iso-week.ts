/**
 * The ISO 8601 week of a `YYYY-MM-DD` date, as `YYYY-Www` (weeks start on Monday; week 1 holds
 * the year's first Thursday).
 * @example isoWeek('2025-03-13') // '2025-W11'
 */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - day + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Counts per ISO week from counts per day, oldest week first.
 * @example weeklyCounts([{date: '2025-03-10', count: 2}, {date: '2025-03-13', count: 1}]) // [{week: '2025-W11', count: 3}]
 */
export function weeklyCounts(days: ReadonlyArray<{ date: string; count: number }>): Array<{ week: string; count: number }> {
  const weeks = new Map<string, number>();
  for (const { date, count } of days) {
    if (!date) continue;
    const week = isoWeek(date);
    weeks.set(week, (weeks.get(week) ?? 0) + count);
  }
  return [...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, count]) => ({ week, count }));
}
