/**
 * How the store tells that two names belong to one speaker across documents. Normalisation
 * here is a stand-in until `src/entities/name-variants.ts` lands; then this module re-exports it.
 */

/**
 * A name in comparable form: lower case, no diacritics or punctuation, single spaces, no
 * leading "the".
 * @example normalizeName('  The  Kremlin’s ') // 'kremlins'
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * True when two differently spelled names are one person's ("Jabari" / "Jabbari"), or null
 * when no matcher is available and only identical normalised names merge.
 */
export const areNameVariants: ((a: string, b: string) => boolean) | null = null;

/**
 * The candidate key under which the variant matcher compares names: the first two letters of
 * the last word ("witkov" and "witkoff" share `wi`). Cheap, and narrow enough to keep the
 * comparisons per new name few.
 * @example variantBlock('steve witkoff') // 'wi'
 */
export function variantBlock(norm: string): string {
  const last = norm.slice(norm.lastIndexOf(' ') + 1);
  return last.slice(0, 2);
}
