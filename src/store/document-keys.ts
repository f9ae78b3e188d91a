import { createHash } from 'node:crypto';
import type { DocumentInput } from './store.js';

/**
 * The hash that decides whether two texts are the same document: sha256 of the text in
 * Unicode NFC with runs of whitespace made one space, so re-wrapped copies match.
 * @example contentHash('a  b\n') === contentHash('a b') // true
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid)$/i;

/**
 * A URL in the form that identifies a page: lower-case host, no fragment, no tracking
 * parameters (`utm_*`, `fbclid`, …). Strings that are not URLs come back trimmed.
 * @example normalizeUrl('HTTPS://News.example/a?utm_source=rss#top') // 'https://news.example/a'
 */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
    return u.href;
  } catch {
    return url.trim();
  }
}

/**
 * The keys a document is known by, strongest first: its id, then its URL.
 * @example documentKeys({id: 'x', url: 'https://a/b', text: ''}) // ['id:x', 'url:https://a/b']
 */
export function documentKeys(doc: Pick<DocumentInput, 'id' | 'url'>): string[] {
  const keys: string[] = [];
  if (doc.id) keys.push(`id:${doc.id}`);
  if (doc.url) keys.push(`url:${normalizeUrl(doc.url)}`);
  return keys;
}

/**
 * The id to store a new document under: its own id, else one derived from its URL or, failing
 * that, its text (`u-…` / `h-…`, 16 hex digits).
 * @example documentId({url: 'https://a/b', text: 'x'}, 'ff…') // 'u-…'
 */
export function documentId(doc: Pick<DocumentInput, 'id' | 'url'>, hash: string): string {
  if (doc.id) return doc.id;
  if (doc.url) return `u-${createHash('sha256').update(normalizeUrl(doc.url)).digest('hex').slice(0, 16)}`;
  return `h-${hash.slice(0, 16)}`;
}
