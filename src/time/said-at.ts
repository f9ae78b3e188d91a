import * as chrono from 'chrono-node';
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

/** Words without which chrono finds nothing: cheap to test before calling it. */
const TRIGGER = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|\b(?:today|tonight|yesterday|tomorrow|ago|week|month|year|weekend|morning|evening|night|afternoon)\b|\b\d{1,2}\/\d{1,2}\b|\b(?:1[89]|20)\d\d\b/i;

/**
 * The time expressions of `text`, resolved against the article date `ref` with chrono-node and
 * pushed into the past when they carry no year: a statement is reported after it was made, so
 * "on Friday" in a Thursday article is the Friday before, "last August" the August before.
 * @example findTimes('told reporters on Thursday', '2025-03-13')[0].date // '2025-03-13'
 */
export function findTimes(text: string, ref: string): TimeExpression[] {
  if (!TRIGGER.test(text)) return [];
  const [y, m, d] = ref.split('-').map(Number);
  const refDate = new Date(y, m - 1, d, 12);
  const out: TimeExpression[] = [];
  for (const r of chrono.parse(text, refDate, { forwardDate: false })) {
    const c = r.start;
    if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('year')) continue;
    let date = new Date(Date.UTC(c.get('year') ?? y, (c.get('month') ?? m) - 1, c.get('day') ?? d));
    if (date.getTime() > Date.UTC(y, m - 1, d) && !c.isCertain('year')) {
      if (c.isCertain('weekday') && !c.isCertain('month')) date = new Date(date.getTime() - 7 * 86_400_000);
      else date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    }
    const last = /\blast\s+$/i.exec(text.slice(Math.max(0, r.index - 5), r.index)); // "last August": chrono reads "August"
    const start = last ? r.index - last[0].length : r.index;
    const end = r.index + r.text.length;
    out.push({ start, end, text: text.slice(start, end), date: date.toISOString().slice(0, 10) });
  }
  return out;
}

/** Shifts an expression found in a slice of the text to offsets in the whole text. */
export function toSpan(expr: TimeExpression, offset: number): Span {
  return { start: expr.start + offset, end: expr.end + offset, text: expr.text };
}
