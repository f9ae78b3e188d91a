import { describe, expect, it } from 'vitest';
import { createExtractor } from './extractor.js';
import { processDocument } from './process.js';

const doc = { text: '“We will not rush the vote,” Maria Okafor said on Thursday.', date: '2025-03-13', source: { path: 'x.txt' } };

describe('createExtractor', () => {
  it('createExtractor: --jobs 1 extracts in-process', async () => {
    const x = await createExtractor(1);
    expect(x.threads).toBe(1);
    expect(x.note).toBeUndefined();
    expect(await x.run(doc)).toEqual(processDocument(doc));
    await x.close();
  });

  it('createExtractor: falls back to in-process, with a note, when the pool cannot start', async () => {
    const x = await createExtractor(2, { url: new URL('./no-such-worker.js', import.meta.url).href, execArgv: [] });
    expect(x.threads).toBe(1);
    expect(x.note).toMatch(/^extracting in-process: worker threads could not start/);
    expect(await x.run(doc)).toEqual(processDocument(doc));
  });
});
