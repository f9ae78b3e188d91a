import { StoreQueryError, type SearchQuery } from './store.js';

const KINDS = new Set(['direct', 'indirect', 'mixed']);
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * Validates a search's filters, the same for every backend; returns the page size.
 * @example checkSearchQuery({q: 'ferry', limit: 50}) // 50
 */
export function checkSearchQuery(query: SearchQuery): number {
  if (query.kind !== undefined && !KINDS.has(query.kind)) throw new StoreQueryError(`unknown kind "${query.kind}": use direct, indirect or mixed`);
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))) throw new StoreQueryError(`--${name} "${value}" is not a YYYY-MM-DD date`);
  }
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new StoreQueryError(`limit must be a whole number from 1 to 1000, got ${limit}`);
  return limit;
}

/**
 * "OR rush", "rush NOT", "rush AND OR vote" are not queries: keeps the words and drops the stray
 * operators (AND, OR, NOT), as both backends' query parsers need.
 * @example dropDanglingOperators(['OR', 'rush', 'AND', 'OR', 'vote']) // ['rush', 'AND', 'vote']
 */
export function dropDanglingOperators(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const isOp = OPERATORS.has(part);
    if (isOp && (!out.length || OPERATORS.has(out[out.length - 1]))) continue;
    out.push(part);
  }
  while (out.length && OPERATORS.has(out[out.length - 1])) out.pop();
  return out;
}
