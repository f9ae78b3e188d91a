import { describe, expect, it } from 'vitest';
import { formatConfidence, formatDate, kindLabel, plural, safeUrl, truncate } from './format.js';

describe('format', () => {
  it('format: dates, confidences, kinds and counts read as words', () => {
    expect(formatDate('2025-03-03')).toBe('3 Mar 2025');
    expect(formatDate(null)).toBe('no date');
    expect(formatConfidence(0.946)).toBe('95%');
    expect(kindLabel('mixed')).toBe('Quote and paraphrase');
    expect(plural(1, 'statement')).toBe('1 statement');
    expect(plural(1200, 'statement')).toBe('1,200 statements');
  });

  it('safeUrl: only http and https links survive', () => {
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'not a url', '']) expect(safeUrl(bad)).toBeNull();
  });

  it('truncate: at a word boundary, with an ellipsis', () => {
    expect(truncate('We are not going to rush this', 12)).toBe('We are not…');
    expect(truncate('short', 12)).toBe('short');
  });
});
