import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { detectFormat, readInputs } from './dispatch.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it.each([
    ['a.warc.gz', '', 'warc'], ['a.jsonl', '', 'jsonl'], ['a.htm', '', 'html'], ['a.atom', '', 'feed'], ['a.txt', '', 'txt'],
    ['feed.xml', '<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', 'feed'], ['sitemap.xml', '<?xml version="1.0"?><urlset>', undefined],
    ['page', '<!DOCTYPE html><html>', 'html'], ['dump', 'WARC/1.1\r\n', 'warc'], ['feed.json', '{"version": "https://jsonfeed.org/version/1.1"', 'feed'],
    ['x.json', '{"a": 1}', undefined], ['notes.md', '# notes', undefined],
  ])('detectFormat: %s', (path, head, expected) => {
    expect(detectFormat(path, bytes(head))).toBe(expected);
  });

  it('detectFormat: a text file named explicitly is read as text', () => {
    expect(detectFormat('README', bytes('Plain words.'), true)).toBe('txt');
  });
});

describe('readInputs', () => {
  it('readInputs: walks a folder in name order, every format, passing over other files', async () => {
    const { docs, problems } = await collect(readInputs([fixture('')]));
    const files = [...new Set(docs.map((d) => d.source.path.replace(/.*\//, '')))];
    expect(files).toEqual(['articles.jsonl', 'broken.html', 'ferry-fares.txt', 'gazette.rss', 'harbour-vote.html', 'latin1-page.htm', 'ledger.atom', 'news-feed.xml', 'news.warc', 'news.warc.gz', 'tide-feed.json', 'truncated.warc.gz']);
    expect(problems.map((p) => p.source.path.replace(/.*\//, ''))).toEqual(['articles.jsonl', 'articles.jsonl', 'empty.txt', 'gazette.rss', 'malformed.rss', 'truncated.warc.gz']);
  });

  it('readInputs: a missing path and an unreadable explicit file are problems', async () => {
    const { problems } = await collect(readInputs(['/no/such/place', fixture('notes.md').replace('notes.md', 'make-believe.bin')]));
    expect(problems.map((p) => p.reason)).toEqual(['no such file or folder', 'no such file or folder']);
  });
});
