/**
 * Attribution ids that sort by date: `(day + 2^19) * 2^32 + n`, where `day` counts days from
 * 1970-01-01 (negative before) and `n` is a running number. Unknown dates take day -2^19, so
 * they sort before (that is, after, newest first) every real date. Ids stay below 2^52: exact
 * as JavaScript numbers.
 */

const DAY_OFFSET = 2 ** 19;
const PER_DAY = 2 ** 32;
const MS_PER_DAY = 86_400_000;

/**
 * The day number of a `YYYY-MM-DD` date, or the lowest for an unknown or out-of-range one.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string | null | undefined): number {
  const t = date ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(t)) return -DAY_OFFSET;
  return Math.max(-DAY_OFFSET, Math.min(DAY_OFFSET - 1, Math.floor(t / MS_PER_DAY)));
}

/**
 * The id of the `n`-th attribution (n ≥ 1) said on `date`.
 * @example attributionId('2025-03-13', 7) > attributionId('2025-03-12', 99) // true
 */
export function attributionId(date: string | null | undefined, n: number): number {
  return (dayNumber(date) + DAY_OFFSET) * PER_DAY + (n % PER_DAY);
}

/** The lowest id of an attribution with a known date. */
export const FIRST_DATED_ID = PER_DAY;

/**
 * The lowest id of any attribution said on `date` (or after it, for a later date).
 * @example firstIdOn('2025-03-13') <= attributionId('2025-03-13', 1) // true
 */
export function firstIdOn(date: string): number {
  return (dayNumber(date) + DAY_OFFSET) * PER_DAY;
}

/**
 * The lowest id of the day after `date`: ids below it were said on `date` or before.
 * @example attributionId('2025-03-13', 5) < firstIdAfter('2025-03-13') // true
 */
export function firstIdAfter(date: string): number {
  return firstIdOn(date) + PER_DAY;
}
