import { parseHTML } from 'linkedom';
import { toIsoDate } from './dates.js';
import { htmlToParagraphs, type TextNode } from './html-text.js';
import type { InputProblem, SourceDocument, SourceRef } from './types.js';

/** A feed format feedsmith recognises. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

type Obj = Record<string, unknown>;

/**
 * One feed item (RSS, RDF, Atom entry or JSON Feed item, as parsed by feedsmith) as a
 * document: its link, date, title, author and the fullest text the feed carries
 * (`content:encoded` or Atom content before the summary). An item without text is a problem.
 * @example feedItemToDocument('rss', {title: 'T', link: 'https://x/a', description: '<p>“Yes,” she said.</p>'}, 'Gazette', {path: 'f.rss', itemIndex: 0})
 */
export function feedItemToDocument(format: FeedFormat, item: Obj, outlet: string | undefined, source: SourceRef): SourceDocument | InputProblem {
  const fields = format === 'atom' ? atomFields(item) : format === 'json' ? jsonFields(item) : rssFields(item);
  const text = fields.html ? htmlFragmentText(fields.html) : (fields.plain ?? '').trim();
  if (!text) return { source, reason: 'item has no text (no content, description or summary)' };
  const doc: SourceDocument = { text, source };
  if (fields.id) doc.id = fields.id;
  if (fields.url) doc.url = fields.url;
  if (fields.title) doc.title = htmlFragmentText(fields.title);
  if (fields.byline) doc.byline = fields.byline;
  const date = toIsoDate(fields.date);
  if (date) doc.date = date;
  if (outlet) doc.outlet = outlet;
  return doc;
}

interface ItemFields {
  id?: string;
  url?: string;
  title?: string;
  byline?: string;
  date?: unknown;
  html?: string;
  plain?: string;
}

function rssFields(item: Obj): ItemFields {
  const dc = obj(item.dc);
  const guid = obj(item.guid);
  const authors = arr(item.authors).map((a) => (typeof a === 'string' ? a : str(obj(a).name))).filter(Boolean);
  return {
    id: str(guid.value),
    url: str(item.link) ?? (guid.isPermaLink !== false ? url(guid.value) : undefined),
    title: str(item.title),
    byline: arr(dc.creators).map(String).join(', ') || str(dc.creator) || authors.join(', ') || undefined,
    date: item.pubDate ?? dc.date ?? arr(dc.dates)[0],
    html: str(obj(item.content).encoded) ?? str(item.description),
  };
}

function atomFields(item: Obj): ItemFields {
  const links = arr(item.links).map(obj);
  const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const content = obj(item.content);
  const body = str(content.value) ? content : obj(item.summary);
  const isHtml = body.type === 'html' || body.type === 'xhtml';
  return {
    id: str(item.id),
    url: str(link?.href),
    title: str(obj(item.title).value) ?? str(item.title),
    byline: arr(item.authors).map((a) => str(obj(a).name)).filter(Boolean).join(', ') || undefined,
    date: item.published ?? item.updated,
    ...(isHtml ? { html: str(body.value) } : { plain: str(body.value) }),
  };
}

function jsonFields(item: Obj): ItemFields {
  return {
    id: str(item.id),
    url: str(item.url),
    title: str(item.title),
    byline: arr(item.authors).map((a) => str(obj(a).name)).filter(Boolean).join(', ') || undefined,
    date: item.date_published,
    ...(str(item.content_html) ? { html: str(item.content_html) } : { plain: str(item.content_text) ?? str(item.summary) }),
  };
}

/** The text of an HTML fragment from a feed, as paragraphs. */
function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return htmlToParagraphs(document.body as unknown as TextNode);
}

function obj(value: unknown): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function url(value: unknown): string | undefined {
  const s = str(value);
  return s && /^https?:\/\//.test(s) ? s : undefined;
}
