const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes standard base64 (with or without padding) to bytes, without `Buffer` or `atob`, so
 * the same code runs in Node and in browsers.
 * @example base64ToBytes('aGk=') // Uint8Array [104, 105]
 */
export function base64ToBytes(b64: string): Uint8Array {
  let len = b64.length;
  while (len > 0 && b64.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n = (VALUE[b64.charCodeAt(i)] << 18) | (VALUE[b64.charCodeAt(i + 1)] << 12) | (VALUE[b64.charCodeAt(i + 2)] << 6) | VALUE[b64.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n = (VALUE[b64.charCodeAt(i)] << 18) | (VALUE[b64.charCodeAt(i + 1)] << 12) | (rest === 3 ? VALUE[b64.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}
