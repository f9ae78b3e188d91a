import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryText } from '../../test/helpers/arbitrary-text.js';
import type { ExtractResult, Span } from '../core/types.js';
import { extract } from '../index.js';

/** Every span of a result: content, cue, source, saidAt, diagnostic and entity-mention spans. */
function spansOf(result: ExtractResult): Span[] {
  const out: Span[] = [];
  for (const a of result.attributions) {
    out.push(...a.content);
    if (a.cue) out.push(a.cue);
    if (a.source) out.push(a.source);
    if (a.saidAt?.span) out.push(a.saidAt.span);
  }
  for (const d of result.diagnostics) if (d.span) out.push(d.span);
  for (const e of result.entities) out.push(...e.mentions);
  return out;
}

function expectValidSpans(text: string, result: ExtractResult): void {
  for (const s of spansOf(result)) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
}

describe('extract spans', () => {
  it('extract: never throws on random text, and every span is a slice of the input', () => {
    fc.assert(fc.property(arbitraryText(), (text) => {
      expectValidSpans(text, extract(text));
    }), { numRuns: 300 });
  });

  it('extract: every span is a slice of the input on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expectValidSpans(text, extract(text));
    }), { numRuns: 300 });
  });

  it('extract: every span is a slice of the input on news-like text with random damage', () => {
    const base = '“We are ready,” said Sen. Rand Paul (R-Ky.). “The talks start Monday.”\n\nTrump said it was “very good” but “not perfect.”\n\n' +
      '“We will rebuild.\n\n“Every school,” she said on Jan. 5.\n\nAccording to Smith, “the plan is dead.”';
    const damaged = fc.tuple(fc.nat(base.length), fc.nat(base.length), arbitraryText(4))
      .map(([a, b, insert]) => base.slice(0, Math.min(a, b)) + insert + base.slice(Math.max(a, b)));
    fc.assert(fc.property(damaged, (text) => {
      expectValidSpans(text, extract(text));
    }), { numRuns: 300 });
  });
});
