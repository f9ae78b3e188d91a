import { isUpper } from './chars.js';
import abbreviations from './data/abbreviations.json' with { type: 'json' };
import speechVerbs from './data/speech-verbs.json' with { type: 'json' };
import type { Range } from './paragraphs.js';
import { NUMBER, PUNCT, QUOTE, WORD, type Tokens } from './tokens.js';

const TITLES = new Set(abbreviations.titles);
const STARTERS = new Set(abbreviations.sentenceStarters);
const SPEECH = new Set(speechVerbs);
/** A sentence longer than this many tokens is cut, so pathological input stays linear. */
export const MAX_SENTENCE_TOKENS = 400;

/**
 * Splits each paragraph's tokens into sentences: after . ! ? … (and any closing quotes) when
 * a capitalised word, number or opening quote follows; never after titles ("Mr.", "Sen.") or
 * initials ("J."); after "U.S." or "Inc." only when a typical sentence opener follows; not
 * between a quoted question and its attribution (“Why?” Smith asked).
 * @example findSentences(text, tokens, [{start: 0, end: tokens.count}])
 */
export function findSentences(text: string, tokens: Tokens, paragraphs: Range[]): Range[] {
  const out: Range[] = [];
  for (const p of paragraphs) {
    let from = p.start;
    for (let k = p.start; k < p.end - 1; k++) {
      const cut = k + 1 - from >= MAX_SENTENCE_TOKENS;
      if (cut || breaksAfter(text, tokens, k, p.end)) {
        let m = k + 1;
        if (!cut) while (m < p.end && isClosing(text, tokens, m)) m++;
        if (m >= p.end) break;
        out.push({ start: from, end: m });
        from = m;
        k = m - 1;
      }
    }
    if (from < p.end) out.push({ start: from, end: p.end });
  }
  return out;
}

function breaksAfter(text: string, tokens: Tokens, k: number, end: number): boolean {
  if (hasNewlineAfter(text, tokens, k) && !isSoftWrap(text, tokens, k)) return true;
  const first = text.charCodeAt(tokens.start[k]);
  const last = text.charCodeAt(tokens.end[k] - 1);
  const terminal = tokens.kind[k] === PUNCT && (first === 46 || first === 33 || first === 63 || first === 0x2026);
  const abbreviation = tokens.kind[k] === WORD && last === 46;
  if (!terminal && !abbreviation) return false;
  let m = k + 1;
  while (m < end && isClosing(text, tokens, m)) m++;
  if (m >= end) return false;
  if (terminal) {
    if (!startsSentence(text, tokens, m)) return false;
    return m === k + 1 || !introducesSpeech(text, tokens, m, end);
  }
  const word = text.slice(tokens.start[k], tokens.end[k] - 1).toLowerCase();
  if (TITLES.has(word) || word.length === 1) return false;
  return tokens.kind[m] === WORD && isUpper(text.charCodeAt(tokens.start[m])) && STARTERS.has(lower(text, tokens, m));
}

function startsSentence(text: string, tokens: Tokens, m: number): boolean {
  const kind = tokens.kind[m];
  const c = text.charCodeAt(tokens.start[m]);
  return (kind === WORD && isUpper(c)) || kind === NUMBER || kind === QUOTE || c === 40 || c === 91;
}

/** “Why not?” Smith asked. — a name or pronoun followed by a speech verb continues the sentence. */
function introducesSpeech(text: string, tokens: Tokens, m: number, end: number): boolean {
  for (let j = m; j < Math.min(end, m + 5); j++) {
    if (tokens.kind[j] === PUNCT) return false;
    const w = lower(text, tokens, j);
    if (SPEECH.has(w)) return j > m;
  }
  return false;
}

function isClosing(text: string, tokens: Tokens, m: number): boolean {
  const c = text.charCodeAt(tokens.start[m]);
  if (c === 41 || c === 93) return true;
  if (tokens.kind[m] !== QUOTE) return false;
  if (c === 0x201d || c === 0x2019 || c === 0xbb) return true;
  // a straight mark glued to the preceding token closes: said."
  return m > 0 && tokens.start[m] === tokens.end[m - 1];
}

function hasNewlineAfter(text: string, tokens: Tokens, k: number): boolean {
  for (let i = tokens.end[k]; i < tokens.start[k + 1]; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028) return true;
  }
  return false;
}

/** A line wrapped mid-sentence: a lower-case word or comma, then a lower-case word. */
function isSoftWrap(text: string, tokens: Tokens, k: number): boolean {
  const last = text.charCodeAt(tokens.end[k] - 1);
  const next = text.charCodeAt(tokens.start[k + 1]);
  const lowerOrComma = (c: number) => (c >= 97 && c <= 122) || c === 44;
  return lowerOrComma(last) && next >= 97 && next <= 122;
}

function lower(text: string, tokens: Tokens, i: number): string {
  return text.slice(tokens.start[i], tokens.end[i]).toLowerCase();
}
