/**
 * Integer hashing for features: strings are hashed once per token (FNV-1a), and feature
 * templates combine those integers without building strings (murmur3-style mixing).
 */

/**
 * FNV-1a over the UTF-16 code units of `s`.
 * @example hashString('said') === hashString('said') // true
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes two 32-bit integers into one well-spread 32-bit hash.
 * @example mix(1, 2) !== mix(2, 1) // true
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593) ^ b;
  h = (h << 13) | (h >>> 19);
  h = Math.imul(h, 5) + 0xe6546b64;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes three integers. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** Mixes four integers. */
export function mix4(a: number, b: number, c: number, d: number): number {
  return mix(mix(mix(a, b), c), d);
}
