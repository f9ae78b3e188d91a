import { StoreQueryError } from '../store.js';
import { dropDanglingOperators } from '../query-check.js';
import { foldText } from './text-fold.js';

const OPERATORS = new Map([['AND', '&'], ['OR', '|'], ['NOT', '& !']]);

/**
 * Turns what a user types into a safe `to_tsquery` text, with the meaning the SQLite store
 * gives it: words must all occur (stemmed), "quoted phrases" occur as written (`<->`), `word*`
 * matches a prefix (`:*`), and upper-case AND, OR, NOT work as operators (NOT binds tightest,
 * then AND, then OR, as in FTS5 and tsquery alike). Lexemes are letters and digits only, quoted,
 * so nothing a user types reaches the parser as syntax; a query without words is an error.
 * @example toTsQuery('rush "harbour vote" NOT ferr*') // "'rush' & 'harbour' <-> 'vote' & ! 'ferr':*"
 */
export function toTsQuery(input: string): string {
  const parts: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      const phrase = lexemes(m[1]);
      if (phrase) parts.push(phrase);
    } else if (OPERATORS.has(m[2])) {
      parts.push(m[2]);
    } else {
      const word = lexemes(m[2], m[2].endsWith('*'));
      if (word) parts.push(word);
    }
  }
  // "NOT ferry" alone would match everything without ferry; SQLite refuses it, and so do we.
  if (parts[0] === 'NOT') throw new StoreQueryError(`the query "${input}" starts with NOT: put words before it ("harbour NOT ferry")`);
  const cleaned = dropDanglingOperators(parts);
  if (!cleaned.length) throw new StoreQueryError(`the query "${input}" has no words to search for`);
  const out: string[] = [];
  cleaned.forEach((part, i) => {
    if (OPERATORS.has(part)) out.push(OPERATORS.get(part) as string);
    else {
      if (i > 0 && !OPERATORS.has(cleaned[i - 1])) out.push('&');
      out.push(part);
    }
  });
  return out.join(' ');
}

/** Letters and digits only, as quoted lexemes joined into a phrase; the last a prefix if asked. */
function lexemes(text: string, prefix = false): string {
  const words = foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  return words.map((w, i) => `'${w}'${prefix && i === words.length - 1 ? ':*' : ''}`).join(' <-> ');
}

/**
 * A speaker-name query as `to_tsquery('simple', …)` text: every word must occur, whole or, with
 * `prefix`, as the start of a word.
 * @example nameTsQuery(['maria', 'oka'], true) // "'maria':* & 'oka':*"
 */
export function nameTsQuery(words: string[], prefix = false): string {
  return words.map((w) => `'${w.replace(/[^\p{L}\p{N}]+/gu, '')}'${prefix ? ':*' : ''}`).filter((w) => !w.startsWith("''")).join(' & ');
}
