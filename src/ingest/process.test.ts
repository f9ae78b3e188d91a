import { describe, expect, it } from 'vitest';
import { processDocument } from './process.js';

describe('processDocument', () => {
  it('processDocument: extracts from text, carrying the metadata', () => {
    const p = processDocument({ id: 'a', date: '2025-03-13', text: '“We agree,” Putin said.', source: { path: 'a.jsonl', line: 1 } });
    expect('doc' in p && p.doc.id).toBe('a');
    expect('result' in p && p.result.attributions.length).toBeGreaterThan(0);
  });

  it('processDocument: turns HTML into text first', () => {
    const p = processDocument({ html: '<html><head><title>T</title></head><body><article><p>“We agree,” Putin said on Monday in Moscow.</p></article></body></html>', source: { path: 'a.html' } });
    expect('doc' in p && p.doc.text).toBe('“We agree,” Putin said on Monday in Moscow.');
  });

  it('processDocument: a page without text is a problem, never an exception', () => {
    expect(processDocument({ html: 'no tags at all', source: { path: 'b.html' } })).toEqual({ problem: { source: { path: 'b.html' }, reason: 'not HTML: no tags found' } });
    expect(processDocument({ text: 42 as unknown as string, source: { path: 'c.txt' } })).toMatchObject({ problem: { reason: /^extraction failed/ } });
  });
});
