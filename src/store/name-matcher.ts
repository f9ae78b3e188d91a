/**
 * How the store tells that two names belong to one speaker across documents: the entity
 * layer's name normalisation and name-variant matcher, plus the key the store buckets names
 * under so a new name is compared with a few candidates, not every name in the corpus.
 */
import { areNameVariants, normalizeName, spellingKey } from '../entities/name-variants.js';

export { areNameVariants, normalizeName };

/**
 * The bucket of a normalised name: the consonants of the spelling key of its last word. Two
 * names the matcher calls variants always share it (their surnames have equal keys, or keys
 * with the same consonants), so looking only inside the bucket loses no match.
 * @example variantBlock('steve witkoff') === variantBlock('witkov') // true
 */
export function variantBlock(norm: string): string {
  const last = norm.slice(norm.lastIndexOf(' ') + 1);
  return spellingKey(last).replace(/[aeiou]/g, '');
}

/**
 * The comparison form of a description that is not a name ("the Russian leader", "officials"):
 * lower case, no diacritics or punctuation, without a leading "the". Descriptions only ever
 * merge with the same description.
 * @example normalizeDescription('The  Russian leader,') // 'russian leader'
 */
export function normalizeDescription(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}
