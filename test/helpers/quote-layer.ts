import { expect } from 'vitest';
import type { Attribution, AttributionKind, Diagnostic } from '../../src/core/types.js';
import { assemble } from '../../src/extract/assemble.js';
import { buildContext } from '../../src/extract/context.js';
import { findQuoteAttributions } from '../../src/extract/quote-layer.js';
import { analyzeText } from '../../src/text/document.js';

/**
 * The quote layer alone (no trained model): the attributions that hold quotations, and the
 * diagnostics of segmentation and of the quote rules.
 * @example quoteLayer('“No,” he said.').attributions[0].source?.text // 'he'
 */
export function quoteLayer(text: string): { attributions: Attribution[]; diagnostics: Diagnostic[] } {
  const doc = analyzeText(text);
  const diagnostics = [...doc.diagnostics];
  const ctx = buildContext(doc);
  return { attributions: assemble(ctx, findQuoteAttributions(ctx, diagnostics)), diagnostics };
}

/** An attribution as the texts of its parts: what the tables and golden files compare. */
export interface Expected {
  kind: AttributionKind;
  source: string | null;
  cue: string | null;
  content: string[];
}

/**
 * The texts of an attribution's parts, after checking every span against `text`.
 * @example summarize(text, a) // {kind: 'direct', source: 'he', cue: 'said', content: ['“No,”']}
 */
export function summarize(text: string, a: Attribution): Expected {
  for (const s of [...a.content, a.cue, a.source]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
  return { kind: a.kind, source: a.source?.text ?? null, cue: a.cue?.text ?? null, content: a.content.map((c) => c.text) };
}

/**
 * Asserts that the quote layer finds exactly one attribution in `text`, with these parts.
 * `content` may be one piece or several.
 * @example expectOne('“No,” he said.', {kind: 'direct', source: 'he', cue: 'said', content: '“No,”'})
 */
export function expectOne(text: string, expected: Omit<Expected, 'content'> & { content: string | string[] }): void {
  const { attributions } = quoteLayer(text);
  expect(attributions.map((a) => summarize(text, a))).toEqual([{ ...expected, content: ([] as string[]).concat(expected.content) }]);
}

/**
 * Asserts that the quote layer attributes nothing in `text`.
 * @example expectNone('She starred in “Gone With the Wind.”')
 */
export function expectNone(text: string): void {
  expect(quoteLayer(text).attributions.map((a) => summarize(text, a))).toEqual([]);
}
