import type { ExtractResult } from '../../core/types.js';
import { contentHash, documentKeys } from '../document-keys.js';
import { documentRows } from '../document-rows.js';
import { normalizeDescription, normalizeName, variantBlock } from '../name-matcher.js';
import type { DocumentInput } from '../store.js';
import { lockKey, run, type Queryable } from './connection.js';

/**
 * The names a batch of documents writes under, as advisory-lock keys: each document's keys and
 * text hash (so two writers never both insert one document) and the name buckets its speakers
 * and their aliases fall in (so two writers never both create one speaker, or merge a variant
 * into different ones). Sorted, so writers taking them in order cannot deadlock each other.
 * @example batchLockKeys([{doc: {id: 'gz-1', text: '…'}, result}]) // ['-8803…', '1265…', …]
 */
export function batchLockKeys(items: ReadonlyArray<{ doc: DocumentInput; result: ExtractResult }>): string[] {
  const names = new Set<string>();
  for (const { doc, result } of items) {
    names.add(`hash:${contentHash(doc.text)}`);
    for (const key of documentKeys(doc)) names.add(`doc:${key}`);
    for (const e of documentRows(result, doc.date).entities) {
      if (e.descriptive) names.add(`desc:${normalizeDescription(e.name)}`);
      for (const name of e.descriptive ? e.aliases : [e.name, ...e.aliases]) {
        const norm = normalizeName(name);
        if (norm) names.add(`block:${variantBlock(norm)}`);
      }
    }
  }
  return [...new Set([...names].map(lockKey))].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/**
 * Takes the transaction-scoped advisory locks, in the order given; they are released at commit.
 * @example await takeLocks(client, batchLockKeys(items))
 */
export async function takeLocks(client: Queryable, keys: string[]): Promise<void> {
  if (keys.length) await run(client, 'SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k', [keys]);
}
