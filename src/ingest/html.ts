import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readPageMeta } from './html-meta.js';
import { htmlToParagraphs, type TextNode } from './html-text.js';
import type { HtmlDocument, InputProblem, SourceDocument } from './types.js';

/**
 * Turns a web page into a document: the main text through Readability (then stripped of the
 * boilerplate Readability keeps), and the title, byline, date, canonical URL and outlet from
 * its meta tags. What the page does not declare is taken from `raw` (a WARC's target URI and
 * date). A page with no text is a problem, not a document.
 * @example htmlToDocument({html: '<title>T</title><p>“Yes,” she said.</p>', source: {path: 'a.html'}}).text // '“Yes,” she said.'
 */
export function htmlToDocument(raw: HtmlDocument): SourceDocument | InputProblem {
  const { html, ...fallback } = raw;
  if (!/<[a-z!]/i.test(html)) return { source: raw.source, reason: 'not HTML: no tags found' };
  const lean = withoutInertBlocks(html);
  const { document } = parseHTML(/<html[\s>]/i.test(lean) ? lean : `<!doctype html><html><body>${lean}</body></html>`);
  const meta = readPageMeta(document as never, raw.url);
  // Menus, headers and footers are never the article; dropping them first makes Readability
  // several times faster on real pages (a news page's navigation is often most of its DOM).
  for (const el of document.querySelectorAll(FURNITURE)) el.remove();
  let text = '';
  try {
    const article = new Readability(document as never, { charThreshold: 100, serializer: (node: unknown) => node }).parse();
    if (article?.content) text = htmlToParagraphs(article.content as unknown as TextNode);
    if (!meta.byline && article?.byline) meta.byline = article.byline.replace(/^by\s+/i, '').trim();
    if (!meta.title && article?.title) meta.title = article.title;
  } catch {
    // Readability gives up on some odd pages; the body text below is the fallback
  }
  if (!text) text = bodyText(lean);
  text = dropHeadline(text, meta.title, meta.byline);
  if (!text) return { source: raw.source, reason: 'no article text found in the page' };
  return { ...fallback, ...definedOnly(meta), text };
}

const FURNITURE = 'nav, header, footer, aside, form, iframe, noscript, svg, [role="navigation"], [role="banner"], [role="contentinfo"]';

/** Scripts, styles, comments and inline SVG, cut before parsing: they hold no article text. */
function withoutInertBlocks(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(style|svg|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

/** The page's body as paragraphs, without navigation, header and footer (Readability's fallback). */
function bodyText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll(FURNITURE)) el.remove();
  return document.body ? htmlToParagraphs(document.body as unknown as TextNode) : '';
}

/** Drops the headline and "By …" line Readability leaves at the top: they are not article text. */
function dropHeadline(text: string, title?: string, byline?: string): string {
  const paragraphs = text.split('\n\n');
  const same = (a: string, b?: string): boolean => !!b && squash(a) === squash(b);
  while (paragraphs.length > 1) {
    const first = paragraphs[0];
    if (same(first, title) || same(first.replace(/^by\s+/i, ''), byline) || isBylineLine(first)) paragraphs.shift();
    else break;
  }
  return paragraphs.join('\n\n');
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "By Jo Whitfield and Samir Follett" — a byline on its own line. */
function isBylineLine(p: string): boolean {
  return p.length < 80 && /^by\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*$/u.test(p);
}

function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
