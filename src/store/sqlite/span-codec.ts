import type { Span } from '../../core/types.js';
import { PIECE_SEPARATOR } from '../document-rows.js';

/** The spans of an attribution. */
export interface AttributionSpans {
  content: Span[];
  cue: Span | null;
  source: Span | null;
}

type Short = [number, number, string];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Encodes an attribution's spans compactly: content pieces as offsets only (their text is the
 * `content` column, pieces joined by " … "), cue and source with their short texts. Spans
 * that do not fit that shape are stored whole.
 * @example encodeSpans({content: [{start: 0, end: 3, text: '“A”'}], cue: null, source: null}, '“A”') // '{"c":[[0,3]],"q":null,"s":null}'
 */
export function encodeSpans(spans: AttributionSpans, content: string): string {
  const lengths = spans.content.reduce((n, s) => n + s.text.length, 0) + PIECE_SEPARATOR.length * Math.max(0, spans.content.length - 1);
  // A piece that splits a surrogate pair cannot survive the UTF-8 content column; keep it in JSON.
  const fits = lengths === content.length && !LONE_SURROGATE.test(content) && spans.content.every((s) => s.end - s.start === s.text.length);
  if (!fits) return JSON.stringify({ full: spans });
  const short = (s: Span | null): Short | null => (s ? [s.start, s.end, s.text] : null);
  return JSON.stringify({ c: spans.content.map((s) => [s.start, s.end]), q: short(spans.cue), s: short(spans.source) });
}

/**
 * Decodes {@link encodeSpans}, taking the content pieces' text from `content`.
 * @example decodeSpans('{"c":[[0,3]],"q":null,"s":null}', '“A”').content[0].text // '“A”'
 */
export function decodeSpans(encoded: string, content: string): AttributionSpans {
  const value = JSON.parse(encoded) as { full?: AttributionSpans; c: Array<[number, number]>; q: Short | null; s: Short | null };
  if (value.full) return value.full;
  let at = 0;
  const pieces = value.c.map(([start, end]) => {
    const text = content.slice(at, at + end - start);
    at += end - start + PIECE_SEPARATOR.length;
    return { start, end, text };
  });
  const long = (s: Short | null): Span | null => (s ? { start: s[0], end: s[1], text: s[2] } : null);
  return { content: pieces, cue: long(value.q), source: long(value.s) };
}
