import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/core/types.js';
import { quoteLayer } from './helpers/quote-layer.js';

/**
 * Whole articles through the quote layer, compared with reviewed golden files:
 * `test/fixtures/articles/<case>.txt` and the expected `<case>.json`. After a deliberate change,
 * regenerate with `UPDATE_GOLDENS=1 npx vitest run test/golden-articles.test.ts` and review the diff.
 */
const DIR = new URL('./fixtures/articles/', import.meta.url);
const CASES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
const UPDATE = process.env.UPDATE_GOLDENS === '1';

function golden(text: string) {
  const { attributions, diagnostics } = quoteLayer(text);
  const span = (s: Span | null | undefined) => (s ? { start: s.start, end: s.end, text: s.text } : null);
  return {
    attributions: attributions.map((a) => ({ kind: a.kind, source: span(a.source), cue: span(a.cue), content: a.content.map(span) })),
    diagnostics: diagnostics.map((d) => ({ code: d.code, span: span(d.span) })),
  };
}

describe('golden articles', () => {
  it('golden articles: there are cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(4);
  });

  it.each(CASES)('golden articles: %s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, DIR), 'utf8');
    const actual = golden(text);
    for (const a of actual.attributions) {
      for (const s of [a.source, a.cue, ...a.content]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    const file = new URL(`${name}.json`, DIR);
    if (UPDATE) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
