import * as chrono from 'chrono-node/en';
import type { Span } from '../core/types.js';

/** A time expression found in a text, resolved to a calendar day. */
export interface TimeExpression {
  /** Offsets into the text that was searched. */
  start: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

const DAY = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, 'a few': 3 };
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

/**
 * The expressions news use to date a statement, each resolved directly (chrono-node reads the
 * rare rest): weekdays, today/yesterday, "last week", "over the weekend", "two days ago",
 * "March 3, 2025", "last August", "9/17/16". Their first word may open a sentence ("Last week,
 * …"); month names stay capitalised ("may", "march" are verbs).
 */
const EXPRESSIONS = [
  '(?:([Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) +)?(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b',
  // "USA Today" and NBC's "Today show" are not times
  '(today|(?<!USA )Today(?! show)|[Tt]onight|[Yy]esterday|[Tt]his morning|[Tt]his afternoon|[Tt]his evening)\\b',
  '([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) +(week|weekend|month|year)\\b',
  `(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) +(day|week|month|year)s? +ago\\b`,
  `(?:([Ii]n|[Ll]ast|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?) +)?${MONTH}(?: +(\\d{1,2})(?:st|nd|rd|th)?)?(?:,? +(\\d{4}))?(?!\\w)`,
  '(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\b',
  // a report's "over the weekend" is the one before it, as "this weekend" is
  '[Oo]ver the (weekend)\\b',
];
/** Each expression starts at a word boundary, tested once for all (once per alternative takes about 1.6 times as long). */
const PATTERN = new RegExp(`\\b(?:${EXPRESSIONS.join('|')})`, 'g');
/**
 * A cheap test that a text may hold a time expression at all: a piece each of them holds
 * ({@link CHRONO}'s in any case). A number alone is none: the expressions with numbers hold a
 * unit or a month name, but for "9/17/16", whose digit and slash are one (most sentences that
 * hold a number hold no time, and searching them took saidAt a fifth of its time).
 */
const HINT = /[dD][aA][yY]|ago\b|week|month|year|tonight|Tonight|morning|afternoon|evening|\d\/|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
/** Phrases only chrono-node resolves here. */
const CHRONO = /\bthe day (?:before|after)\b/gi;
/** Characters of context chrono sees on each side of a phrase. */
const WINDOW = 24;

/**
 * The time expressions of `text`, resolved against the article date `ref` (`YYYY-MM-DD`) and
 * pushed into the past when they carry no year: a statement is reported after it was made, so
 * "on Friday" in a Thursday article is the Friday before, "last August" the August before.
 * A month without a day stands for its first day. Linear in the text.
 * @example findTimes('told reporters on Thursday', '2025-03-13')[0].date // '2025-03-13'
 */
export function findTimes(text: string, ref: string): TimeExpression[] {
  return timeFinder(ref)(text);
}

/**
 * {@link findTimes} for one article date, parsed once, for the many sentences of an article.
 * @example timeFinder('2025-03-13')('told reporters on Thursday')[0].date // '2025-03-13'
 */
export function timeFinder(ref: string): (text: string) => TimeExpression[] {
  const [y, m, d] = ref.split('-').map(Number);
  const refTime = Date.UTC(y, m - 1, d);
  return (text) => {
    if (!HINT.test(text)) return [];
    const out = patternTimes(text, refTime);
    for (const g of matches(CHRONO, text)) {
      const from = Math.max(0, g.index - WINDOW);
      for (const x of chronoTimes(text.slice(from, g.index + g[0].length + WINDOW), y, m, d)) {
        if (x.start + from <= g.index + g[0].length && g.index < x.end + from) out.push({ ...x, start: x.start + from, end: x.end + from });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

function patternTimes(text: string, refTime: number): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const g of matches(PATTERN, text)) {
    const time = resolve(g, refTime);
    if (time === null) continue;
    if (g[9] && !g[8] && !g[10] && !g[11]) continue; // a month name alone ("May", "March") is too often something else
    out.push({ start: g.index, end: g.index + g[0].length, text: g[0], date: iso(time) });
  }
  return out;
}

/**
 * The matches of a global regex in `text`, as `matchAll` gives them, without the copy of the
 * regex that `matchAll` makes on every call (it costs more than the search in a sentence).
 */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let g = re.exec(text); g; g = re.exec(text)) {
    out.push(g);
    if (g[0] === '') re.lastIndex++;
  }
  return out;
}

function resolve(g: RegExpExecArray, ref: number): number | null {
  if (g[2]) return weekday(ref, WEEKDAYS.indexOf(g[2].toLowerCase()), g[1]?.toLowerCase());
  if (g[3]) return g[3].toLowerCase() === 'yesterday' ? ref - DAY : ref;
  if (g[5]) return shift(ref, g[5].toLowerCase(), { last: -1, past: -1, next: 1, this: 0 }[g[4].toLowerCase()] ?? 0);
  if (g[7]) return shift(ref, g[7].toLowerCase(), -(Number(g[6]) || NUMBERS[g[6].toLowerCase()] || 1));
  if (g[9]) return monthDay(ref, MONTH_NAMES.indexOf(g[9].slice(0, 3).toLowerCase()), g[10] ? Number(g[10]) : 1, g[11] ? Number(g[11]) : null, g[8]?.toLowerCase());
  if (g[12]) return monthDay(ref, Number(g[12]) - 1, Number(g[13]), g[14].length === 2 ? 2000 + Number(g[14]) : Number(g[14]), undefined);
  if (g[15]) return shift(ref, 'weekend', 0);
  return null;
}

/** "on Thursday" → the Thursday on or before the article date; "next Thursday" → after it; "last Thursday" → before it. */
function weekday(ref: number, target: number, modifier: string | undefined): number {
  const today = new Date(ref).getUTCDay();
  if (modifier === 'next') return ref + (((target - today + 7) % 7) || 7) * DAY;
  const back = (today - target + 7) % 7;
  return ref - (back === 0 && modifier === 'last' ? 7 : back) * DAY;
}

/** The article date moved by `n` weeks, months or years ("last week" → 7 days before); "weekend" → its Saturday. */
function shift(ref: number, unit: string, n: number): number {
  const date = new Date(ref);
  if (unit === 'day') return ref + n * DAY;
  if (unit === 'week') return ref + 7 * n * DAY;
  if (unit === 'weekend') return weekday(ref, 6, n > 0 ? 'next' : n < 0 ? 'last' : undefined);
  if (unit === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, Math.min(date.getUTCDate(), 28));
  return Date.UTC(date.getUTCFullYear() + n, date.getUTCMonth(), date.getUTCDate());
}

/** A month and day; without a year, the latest one not after the article date ("last August" in March 2025 → 2024-08). */
function monthDay(ref: number, month: number, day: number, year: number | null, modifier: string | undefined): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  if (year !== null) return Date.UTC(year, month, day);
  const refYear = new Date(ref).getUTCFullYear();
  const time = Date.UTC(refYear, month, day);
  return time > ref || (modifier === 'last' && new Date(ref).getUTCMonth() === month) ? Date.UTC(refYear - 1, month, day) : time;
}

function chronoTimes(text: string, y: number, m: number, d: number): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const r of chrono.parse(text, new Date(y, m - 1, d, 12), { forwardDate: false })) {
    const c = r.start;
    const time = Date.UTC(c.get('year') ?? y, (c.get('month') ?? m) - 1, c.get('day') ?? d);
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, date: iso(time) });
  }
  return out;
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Shifts an expression found in a slice of the text to offsets in the whole text. */
export function toSpan(expr: TimeExpression, offset: number): Span {
  return { start: expr.start + offset, end: expr.end + offset, text: expr.text };
}
