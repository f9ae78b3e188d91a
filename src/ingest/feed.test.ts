import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readFeed } from './feed.js';

describe('readFeed', () => {
  it('readFeed: RSS items with link, date, title, author and full content', async () => {
    const { docs } = await collect(readFeed(fixture('gazette.rss')));
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      id: 'gazette-1001', url: 'https://gazette.example/news/school-merger', title: 'School merger approved', byline: 'Jo Whitfield',
      date: '2025-03-11', outlet: 'The Porthaven Gazette', source: { itemIndex: 0 },
    });
    expect('text' in docs[0] && docs[0].text).toBe('The school board voted five to two on Tuesday to merge the two primary schools on the east side.\n\n“Small schools are lovely, but we cannot staff them,” said board chair Ines Castell.\n\nParents who opposed the plan said they would appeal to the ministry.');
    expect('text' in docs[1] && docs[1].text).toContain('said the city engineer, Pavel Vosk');
  });

  it('readFeed: an item without text is a problem for that item only', async () => {
    const { problems } = await collect(readFeed(fixture('gazette.rss')));
    expect(problems).toEqual([{ source: { path: fixture('gazette.rss'), itemIndex: 2 }, reason: 'item has no text (no content, description or summary)' }]);
  });

  it('readFeed: Atom entries, HTML and text content', async () => {
    const { docs } = await collect(readFeed(fixture('ledger.atom')));
    expect(docs.map((d) => [d.id, d.url, d.date, d.byline, d.outlet])).toEqual([
      ['urn:uuid:ledger-2001', 'https://ledger.example/2025/03/pension-reform', '2025-03-14', 'Samir Follett', 'Northshore Ledger'],
      ['urn:uuid:ledger-2002', 'https://ledger.example/2025/03/market-hall', '2025-03-13', undefined, 'Northshore Ledger'],
    ]);
    expect('text' in docs[0] && docs[0].text).toContain('\n\n“We are further apart');
  });

  it('readFeed: a malformed feed is one problem', async () => {
    const { docs, problems } = await collect(readFeed(fixture('malformed.rss')));
    expect(docs).toEqual([]);
    expect(problems[0].reason).toMatch(/^not a readable feed/);
  });
});

describe('readFeed (JSON Feed)', () => {
  it('readFeed: JSON Feed items', async () => {
    const { docs } = await collect(readFeed(fixture('tide-feed.json')));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: 'tide-501', url: 'https://tide.example/festival-dates', date: '2025-03-15', byline: 'Oscar Tembe', outlet: 'The Morning Tide' });
    expect('text' in docs[0] && docs[0].text).toBe('The harbour festival will move to June this year.\n\n“The weather in May has beaten us three years running,” said the organiser, Nadia Follett.');
  });
});
