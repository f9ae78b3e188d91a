import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, documentId, documentKeys, normalizeUrl } from './document-keys.js';

describe('document keys', () => {
  it('contentHash: whitespace and Unicode composition do not make a new document', () => {
    expect(contentHash('Café  said\n\nno. ')).toBe(contentHash('Cafe\u0301 said no.'));
    expect(contentHash('a b')).not.toBe(contentHash('a c'));
  });

  it('contentHash: idempotent under its own normalisation', () => {
    fc.assert(fc.property(fc.string(), (s) => contentHash(s) === contentHash(s.normalize('NFC').replace(/\s+/g, ' ').trim())));
  });

  it.each([
    ['HTTPS://News.Example/a?utm_source=rss&id=3#top', 'https://news.example/a?id=3'],
    ['https://x.example/a?fbclid=1', 'https://x.example/a'],
    ['not a url ', 'not a url'],
  ])('normalizeUrl: %s', (url, expected) => {
    expect(normalizeUrl(url)).toBe(expected);
  });

  it('documentKeys and documentId: id first, then URL, then text', () => {
    expect(documentKeys({ id: 'x', url: 'https://a.example/b#c' })).toEqual(['id:x', 'url:https://a.example/b']);
    expect(documentId({ id: 'x' }, 'ff')).toBe('x');
    expect(documentId({ url: 'https://a.example/b' }, 'ff')).toMatch(/^u-[0-9a-f]{16}$/);
    expect(documentId({}, 'abcdef0123456789abcd')).toBe('h-abcdef0123456789');
  });
});
