/**
 * Integer hashing for features: strings are hashed once per token (FNV-1a), and feature
 * templates combine those integers without building strings (murmur3-style mixing).
 */

/**
 * FNV-1a over the UTF-16 code units of `s`.
 * @example hashString('said') === hashString('said') // true
 */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length) >>> 0;
}

/**
 * FNV-1a over `text[start, end)`, as a signed 32-bit integer: {@link hashString} of the slice,
 * without making it.
 * @example hashRange('he said', 3, 7) >>> 0 === hashString('said') // true
 */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * Final avalanche, so that the low bits (the bucket) depend on every input bit. Signed 32-bit
 * on purpose: V8 keeps int32 results unboxed, where an unsigned value above 2^31 becomes a
 * double (features are hashed millions of times per megabyte; only the low bits are used).
 */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Mixes a template id and a value into one well-spread signed 32-bit hash (one multiply per input,
 * then an avalanche: features are hashed millions of times per megabyte).
 * @example mix(1, 2) !== mix(2, 1) // true
 */
export function mix(a: number, b: number): number {
  return finish(Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0xcc9e2d51));
}

/** Mixes three integers. */
export function mix3(a: number, b: number, c: number): number {
  return finish(Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0xcc9e2d51) ^ Math.imul(c ^ 0x27d4eb2f, 0x1b873593));
}

/** Mixes four integers. */
export function mix4(a: number, b: number, c: number, d: number): number {
  return finish(Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0xcc9e2d51) ^ Math.imul(c ^ 0x27d4eb2f, 0x1b873593) ^ Math.imul(d ^ 0x165667b1, 0xe6546b65));
}
