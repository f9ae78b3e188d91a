import { describe, expect, it } from 'vitest';
import { collect, fixture } from '../../test/helpers/collect.js';
import { readJsonl } from './jsonl.js';

describe('readJsonl', () => {
  it('readJsonl: reads each line, with PolNeAR-style publisher and author', async () => {
    const { docs } = await collect(readJsonl(fixture('articles.jsonl')));
    expect(docs.map((d) => d.id)).toEqual(['ledger-3001', 'courier-4001', 'courier-4004']);
    expect(docs[0]).toMatchObject({ url: 'https://ledger.example/2025/03/tunnel', title: 'Tunnel on schedule', outlet: 'Northshore Ledger', date: '2025-03-10' });
    expect(docs[1]).toMatchObject({ outlet: 'Valley Courier', byline: 'Lena Pellow', source: { line: 2 } });
    expect(docs[2]).toMatchObject({ date: '2025-03-13', source: { line: 6 } });
  });

  it('readJsonl: a bad line is a problem naming its line; the rest goes on', async () => {
    const { problems } = await collect(readJsonl(fixture('articles.jsonl')));
    expect(problems.map((p) => [p.source.line, p.reason.replace(/ \(.*/, '')])).toEqual([[3, 'not valid JSON'], [4, 'no "text" string']]);
  });
});
