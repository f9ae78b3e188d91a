/** Text decoded from bytes, with the offset of the first invalid UTF-8 byte when there was one. */
export interface Decoded {
  text: string;
  /** Byte offset of the first byte that is not valid UTF-8; the text then holds U+FFFD there. */
  invalidAt?: number;
}

// ignoreBOM keeps a leading U+FEFF, so offsets match what other tools read from the same file.
const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes UTF-8 strictly first; when that fails, finds where and decodes with U+FFFD instead.
 * @example decodeUtf8(Uint8Array.of(0x61, 0xff, 0x62)) // {text: 'a\ufffdb', invalidAt: 1}
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: FATAL.decode(bytes) };
  } catch {
    return { text: LENIENT.decode(bytes), invalidAt: firstInvalidUtf8(bytes) };
  }
}

/**
 * Offset of the first byte that starts no valid UTF-8 sequence (WHATWG rules: no overlongs,
 * no surrogates, nothing above U+10FFFF), or -1 when all bytes are valid.
 * @example firstInvalidUtf8(Uint8Array.of(0x61, 0xe2, 0x80)) // 1: truncated sequence
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    let lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    let hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * True when the first 8 KiB look like binary data rather than text: more than 30 % of it NUL,
 * other control characters or bytes that are not UTF-8. Random or compressed bytes score about
 * 55 %, UTF-16 text 50 %; a text with a stray NUL is text, and so is Latin-1 text (under 20 %).
 * @example looksBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)) // true: a PNG
 */
export function looksBinary(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head.subarray(0, 8192), { stream: true });
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32 && c !== 27)) odd++;
  }
  return odd * 10 > text.length * 3;
}
