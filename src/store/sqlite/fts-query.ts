import { StoreQueryError } from '../store.js';
import { dropDanglingOperators } from '../query-check.js';

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * Turns what a user types into a safe FTS5 query over one column: words must all occur,
 * "quoted phrases" occur as written, `word*` matches a prefix, and upper-case AND, OR, NOT
 * work as operators. Punctuation never reaches FTS5 as syntax, so no input is an error except
 * one without words.
 * @example toFtsQuery('rush "harbour vote" NOT ferr*', 'content') // 'content : ("rush" "harbour vote" NOT "ferr"*)'
 */
export function toFtsQuery(input: string, column: string): string {
  const parts: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      const phrase = words(m[1]);
      if (phrase) parts.push(`"${phrase}"`);
    } else if (OPERATORS.has(m[2])) {
      parts.push(m[2]);
    } else {
      const word = words(m[2]);
      if (word) parts.push(`"${word}"${m[2].endsWith('*') ? '*' : ''}`);
    }
  }
  // "NOT ferry" alone would silently become "ferry": FTS5 needs something to subtract from.
  if (parts[0] === 'NOT') throw new StoreQueryError(`the query "${input}" starts with NOT: put words before it ("harbour NOT ferry")`);
  const cleaned = dropDanglingOperators(parts);
  if (!cleaned.length) throw new StoreQueryError(`the query "${input}" has no words to search for`);
  return `${column} : (${cleaned.join(' ')})`;
}

/** Letters and digits only, single-spaced: what the tokenizer would see anyway. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
}
