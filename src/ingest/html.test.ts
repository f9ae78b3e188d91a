import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readHtmlFile } from './html-file.js';
import { htmlToDocument } from './html.js';
import type { HtmlDocument, SourceDocument } from './types.js';

async function page(name: string): Promise<SourceDocument> {
  const { docs } = await collect(readHtmlFile(fixture(name)));
  const doc = htmlToDocument(docs[0] as HtmlDocument);
  if (!('text' in doc)) throw new Error(doc.reason);
  return doc;
}

describe('htmlToDocument', () => {
  it('htmlToDocument: reads title, byline, date and outlet from meta tags', async () => {
    const doc = await page('harbour-vote.html');
    expect(doc).toMatchObject({
      title: 'Council delays harbour vote after residents object', byline: 'Jo Whitfield', date: '2025-03-13', outlet: 'The Porthaven Gazette',
    });
  });

  it('htmlToDocument: a relative canonical link with no web address leaves the file URL', async () => {
    expect((await page('harbour-vote.html')).url).toMatch(/^file:.*harbour-vote\.html$/);
  });

  it('htmlToDocument: resolves the canonical link against the address the page came from', () => {
    const doc = htmlToDocument({ html: '<html><head><link rel="canonical" href="/a/b"></head><body><p>Words enough to read.</p></body></html>', url: 'https://x.example/a/b?utm_source=feed', source: { path: 'w' } });
    expect(doc).toMatchObject({ url: 'https://x.example/a/b', outlet: 'x.example' });
  });

  it('htmlToDocument: keeps the article and drops navigation, captions and boilerplate', async () => {
    const { text } = await page('harbour-vote.html');
    expect(text.startsWith('The city council postponed')).toBe(true);
    expect(text).toContain('“We are not going to rush a decision that will shape the waterfront for fifty years,” Councillor Maria Okafor told reporters');
    for (const junk of ['Advertisement', 'Read more', 'Sign up', 'Getty', 'Home', 'Most read', 'All rights reserved', 'By Jo Whitfield', 'Share']) {
      expect(text).not.toContain(junk);
    }
    expect(text.split('\n\n')).toHaveLength(6);
  });

  it('htmlToDocument: decodes a page in the charset it declares', async () => {
    const doc = await page('latin1-page.htm');
    expect(doc.title).toBe('Café owners protest');
    expect(doc.text).toContain('said Amélie Roux, who runs Café du Port');
  });

  it('htmlToDocument: bytes that are not HTML are a problem', async () => {
    const { docs } = await collect(readHtmlFile(fixture('broken.html')));
    expect(htmlToDocument(docs[0] as HtmlDocument)).toEqual({ source: { path: fixture('broken.html') }, reason: 'not HTML: no tags found' });
  });

  it('htmlToDocument: a page with no text is a problem', () => {
    expect(htmlToDocument({ html: '<html><body><nav>Home</nav></body></html>', source: { path: 'p' } })).toMatchObject({ reason: 'no article text found in the page' });
  });
});
