import { diagnostic } from '../core/diagnostics.js';
import { makeSpan } from '../core/span.js';
import type { Diagnostic } from '../core/types.js';
import { isDigit, isLetter } from './chars.js';
import { QUOTE, type Tokens } from './tokens.js';

/** A paired quotation: from the opening mark to the closing one, within one paragraph. */
export interface QuoteRegion {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark; for a quote that runs on into the next paragraph, the paragraph's last token + 1. */
  close: number;
  /** 1 for double quotes, 2 for single quotes used as quotes. */
  level: 1 | 2;
  /** Nesting depth: 0 for an outer quote, 1 for a quote inside it. */
  depth: number;
  /** Opened again in the next paragraph: `“…¶“…”` (only the last paragraph closes it). */
  continues: boolean;
  /** Reopens a quote that the previous paragraph left open. */
  continuation: boolean;
}

type Mark = 'open' | 'close' | 'either' | 'apostrophe';

interface Open {
  token: number;
  level: 1 | 2;
  straight: boolean;
  /** Opened with a low mark („ or ‚), which “ or ‘ closes. */
  low: boolean;
}

/**
 * Pairs the quote-mark tokens of each paragraph into {@link QuoteRegion}s. Handles straight and
 * curly marks, « » and „ “, `''` as a double mark, single quotes inside double ones, quotes that
 * run over paragraphs, and apostrophes (don’t, Clintons’, ’90s). Marks with no partner give an
 * `unbalanced-quote` diagnostic and no region, so no quote runs away.
 * @example pairQuoteMarks(text, tokens, paragraphs, diagnostics)
 */
export function pairQuoteMarks(
  text: string,
  tokens: Tokens,
  paragraphs: { start: number; end: number }[],
  diagnostics: Diagnostic[],
): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let carried = false; // the previous paragraph left a double quote open
  let nextMark = nextQuote(tokens, 0); // the paragraphs come in order: one search runs over the text
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p];
    const stack: Open[] = [];
    const firstQuote = start < end && tokens.kind[start] === QUOTE && markOf(text, tokens, start) !== 'close';
    const continuation = carried && firstQuote;
    while (nextMark < start) nextMark = nextQuote(tokens, nextMark + 1);
    for (; nextMark < end; nextMark = nextQuote(tokens, nextMark + 1)) {
      const t = nextMark;
      const c = text.charCodeAt(tokens.start[t]);
      const level: 1 | 2 = isDoubleMark(text, tokens, t) ? 1 : 2;
      let mark = markOf(text, tokens, t);
      if (mark === 'apostrophe') continue;
      const straight = isStraight(text, tokens, t);
      const top = findOpen(stack, level);
      // „Wir gehen“, sagte er. — after a low opening mark, “ (or ‘) before a non-word closes
      if (top >= 0 && stack[top].low && (c === 0x201c || c === 0x2018) && !isWordStart(text, tokens.end[t])) mark = 'close';
      const closes = mark === 'close' || (mark === 'either' && top >= 0 && (!straight || stack[top].straight));
      if (closes && top >= 0) {
        const o = stack[top];
        for (let k = stack.length - 1; k > top; k--) dropUnclosed(text, tokens, stack[k], diagnostics);
        stack.length = top;
        regions.push({ open: o.token, close: t, level, depth: stack.length, continues: false, continuation: continuation && o.token === start });
      } else if (closes) {
        if (level === 1) diagnostics.push(diagnostic('unbalanced-quote', { span: makeSpan(text, tokens.start[t], tokens.end[t]), reason: 'closing quotation mark with no opening one' }));
      } else if (level === 1 || stack.some((o) => o.level === 1) || looksLikeSingleQuoteOpen(text, tokens, t)) {
        stack.push({ token: t, level, straight, low: c === 0x201e || c === 0x201a });
      }
    }
    const next = paragraphs[p + 1];
    const reopens = next !== undefined && tokens.kind[next.start] === QUOTE && isDoubleMark(text, tokens, next.start) && markOf(text, tokens, next.start) !== 'close';
    carried = false;
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k];
      // the next paragraph reopens with a mark of the same style ("…¶"… or “…¶“…, not "…¶“…),
      // and the quote holds more than its opening mark
      if (o.level === 1 && k === 0 && reopens && o.token < end - 1 && (o.token === start || stack.length === 1) && o.straight === isStraight(text, tokens, next.start)) {
        regions.push({ open: o.token, close: end, level: 1, depth: 0, continues: true, continuation: continuation && o.token === start });
        carried = true;
      } else {
        dropUnclosed(text, tokens, o, diagnostics);
      }
    }
  }
  return regions.sort((a, b) => a.open - b.open);
}

/**
 * The first quote-mark token from `from` on, or `tokens.count`: the typed array's own search,
 * faster than a loop over every token of a paragraph.
 */
function nextQuote(tokens: Tokens, from: number): number {
  const i = tokens.kind.indexOf(QUOTE, from);
  return i < 0 ? tokens.count : i;
}

function dropUnclosed(text: string, tokens: Tokens, o: Open, diagnostics: Diagnostic[]): void {
  if (o.level !== 1) return; // single marks are too often apostrophes to warn about
  diagnostics.push(diagnostic('unbalanced-quote', { span: makeSpan(text, tokens.start[o.token], tokens.end[o.token]), reason: 'opening quotation mark with no closing one' }));
}

function findOpen(stack: Open[], level: 1 | 2): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].level === level) return k;
  return -1;
}

function isDoubleMark(text: string, tokens: Tokens, t: number): boolean {
  const c = text.charCodeAt(tokens.start[t]);
  return tokens.end[t] - tokens.start[t] === 2 || c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || c === 0x201f || c === 0xff02;
}

/** What a quote mark can be, from the mark itself and the characters around it. */
function markOf(text: string, tokens: Tokens, t: number): Mark {
  const s = tokens.start[t];
  const e = tokens.end[t];
  const c = text.charCodeAt(s);
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  const after = e < text.length ? text.charCodeAt(e) : 32;
  const spaceBefore = !isLetter(before) && !isDigit(before) && !isClosingPunct(before);
  const spaceAfter = !isLetter(after) && !isDigit(after) && !isOpeningPunct(after);
  // “Apparently not,“ he said. — a “ glued to the end of a word closes when a quote is open
  if (c === 0x201c) return !spaceBefore && spaceAfter ? 'either' : 'open';
  if (c === 0x201e || c === 0xab || c === 0x201f || c === 96 || c === 0x201a) return 'open';
  if (c === 0x201d || c === 0xbb) return 'close';
  if (c === 0x2018) return isDigit(after) ? 'apostrophe' : 'open';
  if (c === 34 || c === 0xff02 || e - s === 2) return spaceBefore && !spaceAfter ? 'open' : !spaceBefore && spaceAfter ? 'close' : 'either';
  // ’ and ': apostrophes unless they sit like a quote mark.
  if (isDigit(after)) return 'apostrophe'; // ’90s
  if (spaceBefore && !spaceAfter) return c === 39 ? 'open' : 'either';
  if (!spaceBefore && spaceAfter) return 'close';
  return 'apostrophe';
}

/** A single mark outside double quotes opens a quote only if a plausible partner follows in the paragraph. */
function looksLikeSingleQuoteOpen(text: string, tokens: Tokens, t: number): boolean {
  const s = tokens.start[t];
  const window = text.slice(tokens.end[t], tokens.end[t] + 200);
  const close = window.search(/[^\s][’'](?=[\s.,;:!?)\u2014-]|$)/);
  return close > 0 && (s === 0 || /[\s(\u2014:]/.test(text[s - 1]));
}

function isStraight(text: string, tokens: Tokens, t: number): boolean {
  const c = text.charCodeAt(tokens.start[t]);
  return c === 34 || c === 39 || c === 0xff02;
}

function isWordStart(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return isLetter(c) || isDigit(c);
}

function isClosingPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 41 || c === 93 || c === 58 || c === 59 || c === 0x2026;
}

function isOpeningPunct(c: number): boolean {
  return c === 40 || c === 91;
}
