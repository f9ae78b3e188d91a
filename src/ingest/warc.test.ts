import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readWarc } from './warc.js';

describe('readWarc', () => {
  it.each(['news.warc', 'news.warc.gz'])('readWarc: yields the HTML responses of %s, skipping the rest', async (name) => {
    const { docs, problems } = await collect(readWarc(fixture(name)));
    expect(problems).toEqual([]);
    expect(docs.map((d) => [d.url, d.date])).toEqual([
      ['https://gazette.example/news/2025/03/13/harbour-vote', '2025-03-14'],
      ['https://courrier.example/cafes', '2025-03-10'],
      ['https://courrier.example/empty', '2025-03-13'],
    ]);
    expect('html' in docs[1] && docs[1].html).toContain('Café du Port');
    expect(docs.every((d) => typeof d.source.recordOffset === 'number')).toBe(true);
  });

  it('readWarc: a truncated archive yields what precedes the damage and a problem', async () => {
    const { docs, problems } = await collect(readWarc(fixture('truncated.warc.gz')));
    expect(docs).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toMatch(/truncated/);
    expect(problems[0].source.recordOffset).toBeGreaterThan(0);
  });
});
