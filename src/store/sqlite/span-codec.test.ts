import { describe, expect, it } from 'vitest';
import { PIECE_SEPARATOR } from '../document-rows.js';
import { decodeSpans, encodeSpans } from './span-codec.js';

describe('span codec', () => {
  const text = '“We agree,” Putin said, “on the 😀 plan.”';
  const spans = {
    content: [{ start: 0, end: 11, text: text.slice(0, 11) }, { start: 24, end: text.length, text: text.slice(24) }],
    cue: { start: 18, end: 22, text: 'said' },
    source: { start: 12, end: 17, text: 'Putin' },
  };
  const content = spans.content.map((s) => s.text).join(PIECE_SEPARATOR);

  it('encodeSpans: offsets only for content pieces, and back', () => {
    const encoded = encodeSpans(spans, content);
    expect(encoded).not.toContain('agree');
    expect(decodeSpans(encoded, content)).toEqual(spans);
  });

  it('encodeSpans: spans whose text does not fit their offsets are kept whole', () => {
    const odd = { ...spans, content: [{ start: 0, end: 5, text: 'longer than five' }] };
    expect(decodeSpans(encodeSpans(odd, 'longer than five'), 'longer than five')).toEqual(odd);
  });
});
