import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quoteLayer, summarize } from './helpers/quote-layer.js';

const CASES = readFileSync(new URL('./negative-cases.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.replaceAll('\\n', '\n'));

describe('negative cases', () => {
  it('negative cases: the file holds cases', () => {
    expect(CASES.length).toBeGreaterThan(20);
  });

  it.each(CASES)('negative cases: no attribution in %j', (text) => {
    const { attributions } = quoteLayer(text);
    expect(attributions.map((a) => summarize(text, a))).toEqual([]);
  });
});
