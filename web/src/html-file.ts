import { htmlToParagraphs, type TextNode } from '../../src/ingest/html-text.js';

/** Elements that are never the article: dropped before the text is read. */
const FURNITURE = 'script, style, noscript, template, iframe, frame, object, embed, svg, math, img, picture, video, audio, source, track, link, meta, base, nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"]';

/**
 * The text of a saved web page, paragraphs separated by blank lines, with its title and date
 * when it declares them. DOMParser gives an inert document: its scripts and event handlers
 * never run (Chromium still checks the handlers against the page's Content-Security-Policy
 * while parsing and logs a refusal for each), and scripts and media are dropped before the
 * text is read. The main text comes from Readability, as in `onrecord ingest`, falling
 * back to the page's `<article>`, `<main>` or body.
 * @example await htmlFileText('<title>T</title><article><p>“Yes,” she said.</p></article>') // {text: '“Yes,” she said.', title: 'T'}
 */
export async function htmlFileText(html: string): Promise<{ text: string; title?: string; date?: string }> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title ?? '').trim();
  const published = doc.querySelector('meta[property="article:published_time"], meta[name="date"], time[datetime]');
  const date = (published?.getAttribute('content') ?? published?.getAttribute('datetime') ?? '').slice(0, 10);
  for (const el of doc.querySelectorAll(FURNITURE)) el.remove();
  let text = '';
  try {
    const { Readability } = await import('@mozilla/readability');
    const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100, serializer: (node: Node) => node }).parse();
    if (article?.content) text = htmlToParagraphs(article.content as unknown as TextNode);
  } catch {
    // Readability gives up on some pages: the fallback below reads them
  }
  if (!text) {
    const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
    text = root ? htmlToParagraphs(root) : '';
  }
  return { text, ...(title ? { title } : {}), ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}) };
}

/**
 * Reads a dropped or chosen file: `.html`/`.htm` through {@link htmlFileText}, anything else as
 * plain text.
 * @example const {text} = await readArticleFile(input.files[0])
 */
export async function readArticleFile(file: File): Promise<{ text: string; title?: string; date?: string }> {
  const raw = await file.text();
  return /\.html?$/i.test(file.name) || file.type === 'text/html' ? htmlFileText(raw) : { text: raw };
}
