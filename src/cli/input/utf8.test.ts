import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, looksBinary } from './utf8.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('utf8', () => {
  it('decodeUtf8: decodes valid UTF-8 and keeps a BOM', () => {
    expect(decodeUtf8(new Uint8Array(Buffer.from('\ufeff“Zoë” 😀')))).toEqual({ text: '\ufeff“Zoë” 😀' });
  });

  it('decodeUtf8: gives the first bad byte and decodes with U+FFFD', () => {
    expect(decodeUtf8(bytes(0x61, 0xe9, 0x62))).toEqual({ text: 'a\ufffdb', invalidAt: 1 });
  });

  it('firstInvalidUtf8: finds truncated, overlong, surrogate and out-of-range sequences', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
  });

  it('firstInvalidUtf8: accepts every valid sequence length', () => {
    expect(firstInvalidUtf8(new Uint8Array(Buffer.from('aé“😀')))).toBe(-1);
  });

  it('looksBinary: calls random bytes and UTF-16 text binary', () => {
    expect(looksBinary(Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))).toBe(true);
    expect(looksBinary(new Uint8Array(Buffer.from('He said no.', 'utf16le')))).toBe(true);
  });

  it('looksBinary: calls text with a few NULs, or Latin-1 text, text', () => {
    expect(looksBinary(new Uint8Array(Buffer.from('He said\u0000 no, twice.')))).toBe(false);
    expect(looksBinary(new Uint8Array(Buffer.from('Le café était fermé, a-t-il dit à Zoë.', 'latin1')))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});
