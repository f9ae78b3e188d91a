import type { ResolveContext } from './context.js';
import { TIME_ADVERBS, TIME_SHIFTERS, TIME_UNITS } from './lexicon.js';
import { keyAt, lowerAt } from './view.js';

const TIME_PREPOSITIONS = new Set(['on', 'in', 'during', 'since']);

/**
 * The end of a source without a time expression the extractor left at its end: "the Clinton
 * campaign now" → "the Clinton campaign"; "a report released last year" → "a report" (a
 * participle left with nothing after it goes too); "the panel on Tuesday" → "the panel". A
 * participle with an agent stays: "an analysis released by the agency last month" → "an
 * analysis released by the agency".
 * @example trimTrailingTime(ctx, s, e) // e - 2 for "… last year"
 */
export function trimTrailingTime(ctx: ResolveContext, s: number, e: number): number {
  const { view } = ctx;
  const start = e;
  for (;;) {
    if (e - 1 > s && TIME_ADVERBS.has(lowerAt(view, e - 1)) && !view.cap[e - 1]) e--;
    else if (e - 2 > s && TIME_UNITS.has(keyAt(view, e - 1)) && (TIME_SHIFTERS.has(lowerAt(view, e - 2)) || TIME_PREPOSITIONS.has(lowerAt(view, e - 2)))) e -= 2;
    else break;
  }
  // "a report released last year": the participle described only the time
  if (e < start && e - 2 > s && !view.cap[e - 1] && /^[a-z]+ed$/.test(lowerAt(view, e - 1))) e--;
  return e;
}
