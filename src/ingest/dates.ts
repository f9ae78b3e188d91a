const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Turns the dates news formats carry (ISO 8601, RFC 822 as in RSS, "March 13, 2025") into
 * `YYYY-MM-DD`, keeping the calendar day as written rather than shifting it to UTC
 * ("Thu, 13 Mar 2025 23:30:00 -0500" is the 13th where it was published). Undefined when
 * the value is not a date.
 * @example toIsoDate('Thu, 13 Mar 2025 10:00:00 GMT') // '2025-03-13'
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (iso) return checked(+iso[1], +iso[2], +iso[3]);
  // "13 Mar 2025", "Thu, 13 March 2025 10:00 GMT"
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/.exec(s);
  if (dmy) return checked(+dmy[3], monthNumber(dmy[2]), +dmy[1]);
  // "March 13, 2025"
  const mdy = /\b([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (mdy) return checked(+mdy[3], monthNumber(mdy[1]), +mdy[2]);
  return undefined;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function checked(year: number, month: number, day: number): string | undefined {
  if (month < 1 || year < 1000) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}
