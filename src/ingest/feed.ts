import { readFile } from 'node:fs/promises';
import { parseFeed } from 'feedsmith';
import { feedItemToDocument, type FeedFormat } from './feed-item.js';
import type { ReadItem } from './types.js';

/**
 * Reads an RSS, RDF, Atom or JSON Feed file: one document per item, with the feed's title as
 * the outlet. A feed that cannot be parsed is one problem; an item without text is a problem
 * for that item only.
 * @example for await (const item of readFeed('gazette.rss')) if ('doc' in item) console.log(item.doc.url)
 */
export async function* readFeed(path: string): AsyncIterable<ReadItem> {
  let parsed: { format: FeedFormat; feed: Record<string, unknown> };
  try {
    const content = await readFile(path, 'utf8');
    parsed = parseFeed(content.replace(/^\ufeff/, '')) as unknown as typeof parsed;
  } catch (err) {
    yield { problem: { source: { path }, reason: `not a readable feed (${(err as Error).message})` } };
    return;
  }
  const { format, feed } = parsed;
  const items = (format === 'atom' ? feed.entries : feed.items) ?? [];
  if (!Array.isArray(items)) return;
  const title = feed.title;
  const outlet = typeof title === 'string' ? title : typeof (title as { value?: unknown })?.value === 'string' ? (title as { value: string }).value : undefined;
  for (let i = 0; i < items.length; i++) {
    const source = { path, itemIndex: i };
    const result = feedItemToDocument(format, (items[i] ?? {}) as Record<string, unknown>, outlet?.trim() || undefined, source);
    yield 'text' in result ? { doc: result } : { problem: result };
  }
}
