/**
 * ISO weeks (`2025-W11`) for the speaker timeline: the store lists only weeks with
 * statements; the chart needs every week in between.
 */

/**
 * The Monday that starts an ISO week, as a UTC date.
 * @example weekStart('2025-W11').toISOString().slice(0, 10) // '2025-03-10'
 */
export function weekStart(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: "${week}"`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + (Number(m[2]) - 1) * 7 * 86_400_000);
}

/**
 * The ISO week a UTC date falls in.
 * @example isoWeek(new Date(Date.UTC(2025, 0, 1))) // '2025-W01'
 */
export function isoWeek(date: Date): string {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Counts per week with the empty weeks between them filled in with 0, oldest first. At most
 * `max` weeks are returned (the latest ones), so a long career still draws.
 * @example fillWeeks([{week: '2025-W10', count: 2}, {week: '2025-W12', count: 1}]) // W10: 2, W11: 0, W12: 1
 */
export function fillWeeks(counts: ReadonlyArray<{ week: string; count: number }>, max = 160): Array<{ week: string; count: number }> {
  if (!counts.length) return [];
  const byWeek = new Map(counts.map((c) => [c.week, c.count]));
  const sorted = [...byWeek.keys()].sort();
  const last = weekStart(sorted[sorted.length - 1]).getTime();
  const first = Math.max(weekStart(sorted[0]).getTime(), last - (max - 1) * 7 * 86_400_000);
  const out: Array<{ week: string; count: number }> = [];
  for (let t = first; t <= last; t += 7 * 86_400_000) {
    const week = isoWeek(new Date(t));
    out.push({ week, count: byWeek.get(week) ?? 0 });
  }
  return out;
}
