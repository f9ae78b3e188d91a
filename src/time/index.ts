import { overlaps } from '../core/span.js';
import type { Attribution, Span } from '../core/types.js';
import type { TextDoc } from '../text/document.js';
import { timeFinder, toSpan, type TimeExpression } from './said-at.js';

export { findTimes, type TimeExpression } from './said-at.js';

/**
 * Sets `saidAt` on every attribution: the time expression in the sentence of its cue (or source,
 * or first content piece) that lies outside its content, not past a clause break beyond it, and
 * nearest to the cue ("Putin told reporters … on Thursday"), resolved against the article date
 * `date` (a valid `YYYY-MM-DD`) and not after it ("the primary next week" dates no saying); with
 * none in reach, the article date with `implied: true`; without a date, null.
 * @example resolveSaidAt(analyzeText(text), attributions, '2025-03-13') // a1.saidAt.date === '2025-03-13'
 */
export function resolveSaidAt(doc: TextDoc, attributions: Attribution[], date: string | undefined): void {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    for (const a of attributions) a.saidAt = null;
    return;
  }
  const find = timeFinder(date);
  const bySentence = new Map<number, Dated[]>();
  for (const a of attributions) {
    const anchor = a.cue ?? a.source ?? a.content[0];
    if (!anchor) {
      a.saidAt = { date, span: null, implied: true };
      continue;
    }
    const t = tokenAt(doc, anchor.start);
    const sentence = doc.sentenceOf[t];
    let times = bySentence.get(sentence);
    if (!times) {
      times = timesIn(doc, sentence, find);
      bySentence.set(sentence, times);
    }
    const quote = doc.quoteOf[t];
    let best: Dated | undefined;
    for (const x of times) {
      if (x.date > date) continue; // after the article's date: when something will happen ("next week"), not when it was said
      if (inRelativeClause(doc.text, anchor, x.span)) continue;
      if (a.content.some((c) => overlaps(c, x.span) || beyondClause(doc.text, anchor, c, x.span))) continue;
      const q = doc.quoteOf[tokenAt(doc, x.span.start)];
      if (q >= 0 && q !== quote) continue; // a date inside someone's words does not date the saying
      if (!best || distance(x.span, anchor) < distance(best.span, anchor)) best = x;
    }
    a.saidAt = best ? { date: best.date, span: { ...best.span }, implied: false } : { date, span: null, implied: true };
  }
}

/** A time expression of the text with its resolved day. */
interface Dated {
  span: Span;
  date: string;
}

function timesIn(doc: TextDoc, sentence: number, find: (text: string) => TimeExpression[]): Dated[] {
  const range = doc.sentences[sentence];
  const from = doc.tokens.start[range.start];
  const to = doc.tokens.end[range.end - 1];
  return find(doc.text.slice(from, to)).map((x) => ({ span: toSpan(x, from), date: x.date }));
}

/** A comma and a conjunction, or a semicolon: where a reported clause ends and the writer's own begins. */
const CLAUSE_BREAK = /;|,\s*(?:but|and|while|whereas|although|though|with|as)\b/i;

/**
 * "Analysts said [Ukraine had hoped …], but Russia had stepped up its efforts last week": a time
 * on the far side of the content from the cue, past a clause break after the content, dates
 * another clause, not the saying ("said [it] in an interview on Thursday" keeps its time).
 */
function beyondClause(text: string, anchor: Span, c: Span, x: Span): boolean {
  if (anchor.end <= c.start && c.end <= x.start) return CLAUSE_BREAK.test(text.slice(c.end, x.start));
  if (x.end <= c.start && c.end <= anchor.start) return CLAUSE_BREAK.test(text.slice(x.end, c.start));
  return false;
}

/** A comma and a relative pronoun: where a relative clause opens ("Schmidt, who bought …"). */
const RELATIVE = /,\s*(?:who|whom|whose|which)\b/gi;

/**
 * The time lies in a relative clause that is still open there (no comma, semicolon or sentence
 * end since the pronoun): the clause dates what its noun did ("said Mr. Schmidt, who bought the
 * property 10 years ago", "Rubio, who dropped out last month, said"), not the saying ("…, which
 * receives funding, in an interview last week" keeps its time). For a time after the cue, the
 * clause opens after the cue; before it, within the 200 characters before the time, and closes
 * before the cue.
 */
function inRelativeClause(text: string, anchor: Span, x: Span): boolean {
  const after = x.start >= anchor.end;
  // before the cue, the clause must close before it: in "Ruiz, who on Monday said …" the cue is in the clause too
  if (!after && !/[,;]/.test(text.slice(x.end, anchor.start))) return false;
  const from = after ? anchor.end : Math.max(0, x.start - 200);
  const comma = text.indexOf(',', from);
  if (comma < 0 || comma >= x.start) return false; // no comma, no clause (most times: "said on Thursday")
  const before = text.slice(from, x.start);
  let open = -1;
  for (const m of before.matchAll(RELATIVE)) open = m.index + m[0].length;
  return open >= 0 && !/[,;.!?]/.test(before.slice(open));
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** Index of the token that holds or follows character `at`. */
function tokenAt(doc: TextDoc, at: number): number {
  const { end, count } = doc.tokens;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
