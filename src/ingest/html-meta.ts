import { toIsoDate } from './dates.js';

/** Metadata a news page declares about itself. */
export interface PageMeta {
  url?: string;
  title?: string;
  byline?: string;
  date?: string;
  outlet?: string;
}

/** The part of a DOM document the metadata reader needs. */
interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

const DATE_METAS = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]', 'meta[property="og:published_time"]',
];

/**
 * Reads the canonical URL, title, byline, publication date and outlet from a page's meta
 * tags (Open Graph, article:*, Dublin Core, schema.org JSON-LD), resolving the URL against
 * `baseUrl`. Falls back to the host name for the outlet.
 * @example readPageMeta(parseHTML('<meta property="og:site_name" content="The Gazette">').document).outlet // 'The Gazette'
 */
export function readPageMeta(doc: MetaDocument, baseUrl?: string): PageMeta {
  const ld = readJsonLd(doc);
  const meta: PageMeta = {};
  const url = [attr(doc, 'link[rel="canonical"]', 'href'), content(doc, 'meta[property="og:url"]')].map((u) => webUrl(u, baseUrl)).find(Boolean) ?? baseUrl;
  if (url) meta.url = url;
  const title = content(doc, 'meta[property="og:title"]') ?? content(doc, 'meta[name="twitter:title"]') ?? str(ld.headline) ?? text(doc, 'title');
  if (title) meta.title = title;
  const byline = authorName(content(doc, 'meta[name="author"]')) ?? authorName(content(doc, 'meta[property="article:author"]')) ?? ldAuthor(ld.author);
  if (byline) meta.byline = byline;
  const date = DATE_METAS.map((s) => toIsoDate(content(doc, s))).find(Boolean) ?? toIsoDate(ld.datePublished) ?? toIsoDate(attr(doc, 'time[datetime]', 'datetime'));
  if (date) meta.date = date;
  const outlet = content(doc, 'meta[property="og:site_name"]') ?? ldName(ld.publisher) ?? content(doc, 'meta[name="application-name"]') ?? hostOf(meta.url);
  if (outlet) meta.outlet = outlet;
  return meta;
}

function attr(doc: MetaDocument, selector: string, name: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value || undefined;
}

function content(doc: MetaDocument, selector: string): string | undefined {
  return attr(doc, selector, 'content');
}

function text(doc: MetaDocument, selector: string): string | undefined {
  const value = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return value || undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** "By Jo Smith" → "Jo Smith"; a profile URL is not a name. */
function authorName(value: string | undefined): string | undefined {
  if (!value || /^https?:\/\//.test(value)) return undefined;
  return value.replace(/^by\s+/i, '').trim() || undefined;
}

function ldName(value: unknown): string | undefined {
  if (Array.isArray(value)) return ldName(value[0]);
  if (value && typeof value === 'object') return str((value as { name?: unknown }).name);
  return str(value);
}

function ldAuthor(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value]).map(ldName).filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report/;

/** The first schema.org article object in the page's JSON-LD, or `{}`. */
function readJsonLd(doc: MetaDocument): Record<string, unknown> {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue; // a malformed block among several is common; the meta tags still count
    }
    const found = findArticle(data);
    if (found) return found;
  }
  return {};
}

function findArticle(data: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(data)) return data.map(findArticle).find(Boolean);
  if (!data || typeof data !== 'object') return undefined;
  const obj = data as Record<string, unknown>;
  const type = ([] as unknown[]).concat(obj['@type']).join(' ');
  if (ARTICLE_TYPES.test(type)) return obj;
  return findArticle(obj['@graph']);
}

/** An http(s) URL, resolved against the page's own address when that is on the web too. */
function webUrl(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, base && /^https?:/i.test(base) ? base : undefined);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined; // relative, with no web address to resolve it against
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol.startsWith('http') ? hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}
