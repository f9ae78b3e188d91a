import { StoreQueryError } from './store.js';

/**
 * Encodes a keyset position (the sort values of the last item on a page) as an opaque cursor.
 * @example encodeCursor(['2025-03-13', 42]) // 'WyIyMDI1LTAzLTEzIiw0Ml0'
 */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}, checking it has the expected shape.
 * @example decodeCursor('WyIyMDI1LTAzLTEzIiw0Ml0', ['string', 'number']) // ['2025-03-13', 42]
 */
export function decodeCursor(cursor: string, shape: ReadonlyArray<'string' | 'number'>): Array<string | number> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== shape.length || values.some((v, i) => typeof v !== shape[i])) {
    throw new StoreQueryError(`invalid cursor "${cursor}": pass back the nextCursor of a previous page`);
  }
  return values as Array<string | number>;
}
