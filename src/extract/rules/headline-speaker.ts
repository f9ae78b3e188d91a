import { WORD } from '../../text/tokens.js';
import type { Candidate, RuleContext } from '../context.js';
import { SECTION_LABELS } from './speaker-turns.js';

/** The provenance of a headline's statement. */
export const HEADLINE_SPEAKER = 'rule.headline-speaker';

/** First words of headline labels that name no speaker: section labels, "The Latest:", "Wow:", "Revealed:". */
const NOT_SPEAKERS = new Set([
  ...SECTION_LABELS, 'the', 'an', 'on', 'in', 'at', 'for', 'why', 'how', 'what', 'when', 'where', 'who', 'this', 'these', 'paid',
  'live', 'wow', 'look', 'revealed', 'bombshell', 'boom', 'busted', 'just', 'editorial', 'opinion', 'analysis', 'review', 'must',
  'shocking', 'big', 'delegate',
]);
/** Lower-case words a speaker's name may hold inside ("Mukasey at RNC") and at its end ("Clinton camp"). */
const LOWER_INSIDE = new Set(['of', 'at', 'de', 'van', 'von', 'al', 'bin', 'del', 'la']);
const LOWER_LAST = new Set(['camp', 'campaign']);
/** Words that make a label a phrase, not a name, in any case: "FIX IS IN:", "Clinton Wades In:". */
const NOT_IN_NAMES = new Set(['is', 'are', 'was', 'were', 'be', 'in', 'on', 'to', 'for', 'with', 'by', 'from', 'into', 'over', 'than', 'and', 'or']);
const MAX_LABEL_WORDS = 4;
const MIN_STATEMENT_WORDS = 3;
const MAX_HEADLINE_WORDS = 30;

/**
 * A headline that gives a statement and its speaker: `Lynch: No outside influence on FBI probe`.
 * The first paragraph, if short enough to be a title, opens with a name (up to four capitalised
 * words) and a colon; the name is the source, the colon the cue, the rest the content (without
 * the title's final full stop). Labels such as "The Latest:" or "Revealed:" are not speakers.
 * @example headlineSpeaker(buildContext(analyzeText('Lynch: No outside influence on the probe.\n\nText.')))?.source // {start: 0, end: 1}
 */
export function headlineSpeaker(ctx: RuleContext): Candidate | null {
  const p = ctx.doc.paragraphs[0];
  if (!p) return null;
  const { kind } = ctx.doc.tokens;
  let words = 0;
  for (let t = p.start; t < p.end; t++) if (kind[t] === WORD) words++;
  if (words > MAX_HEADLINE_WORDS || NOT_SPEAKERS.has(ctx.lower[p.start])) return null;
  let t = p.start;
  while (t < p.end && t - p.start < MAX_LABEL_WORDS && kind[t] === WORD && (isCapitalised(ctx.raw[t]) || LOWER_INSIDE.has(ctx.raw[t]) || LOWER_LAST.has(ctx.raw[t]))) t++;
  if (t === p.start || t >= p.end || ctx.raw[t] !== ':' || LOWER_INSIDE.has(ctx.raw[t - 1])) return null;
  for (let u = p.start; u < t - 1; u++) if (LOWER_LAST.has(ctx.raw[u])) return null;
  for (let u = p.start; u < t; u++) if (NOT_IN_NAMES.has(ctx.lower[u])) return null;
  if (words - (t - p.start) < MIN_STATEMENT_WORDS) return null;
  const end = ctx.raw[p.end - 1] === '.' ? p.end - 1 : p.end;
  return {
    content: [{ start: t + 1, end }], cue: { start: t, end: t + 1 }, source: { start: p.start, end: t },
    confidence: 0.8, provenance: [HEADLINE_SPEAKER], quotes: quotesIn(ctx, t + 1, end), unreadByModel: true,
  };
}

/** Its first letter a capital: "Lynch", "RNC". */
function isCapitalised(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The quotations that open inside tokens [start, end). */
function quotesIn(ctx: RuleContext, start: number, end: number): number[] {
  const out: number[] = [];
  ctx.doc.quotes.forEach((q, k) => { if (q.open >= start && q.open < end) out.push(k); });
  return out;
}
