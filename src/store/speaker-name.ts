import notNames from './data/not-names.json' with { type: 'json' };
import { normalizeDescription, normalizeName } from './name-matcher.js';

const NOT_NAMES = new Set(notNames.words);
/** Lower-case words that may sit inside a name: "Café du Port", "Ursula von der Leyen". */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'al', 'la', 'le', 'y', 'of']);

/** A speaker's name taken from the source mention, and whether it names anyone. */
export interface SourceName {
  name: string;
  /** True for a description ("the Russian leader", "officials"): it merges only with itself. */
  descriptive: boolean;
}

/**
 * The speaker's name in a source mention, for when the engine has not resolved speakers: the
 * capitalised run that ends a comma-separated part ("the city engineer, Pavel Vosk" → "Pavel
 * Vosk"; "board chair Ines Castell" → "Ines Castell"), without leading titles ("Mr. Trump" →
 * "Trump"). A capitalised word followed by a noun is a modifier, not a name ("the Russian
 * leader" stays a description). Null for pronouns and the like ("he", "they").
 * @example nameFromSource('Bruno Ellery, the transport minister') // {name: 'Bruno Ellery', descriptive: false}
 */
export function nameFromSource(source: string): SourceName | null {
  const text = source.replace(/\s+/g, ' ').replace(/^[\s,;:(—–-]+|[\s,;:)—–-]+$/g, '');
  const description = normalizeDescription(text);
  if (!description || NOT_NAMES.has(description)) return null;
  for (const part of text.split(/\s*(?:[,;()—–]|\s-\s|\bwho\b|\bwhich\b|\bwhose\b)\s*/u)) {
    const words = part.split(' ').filter(Boolean);
    const start = nameStart(words);
    if (start === words.length) continue;
    const name = withoutTitles(words.slice(start));
    if (name && !NOT_NAMES.has(normalizeDescription(name))) return { name, descriptive: false };
  }
  return { name: text, descriptive: true };
}

/** Where the capitalised run ending `words` starts (particles inside it allowed); `words.length` if none. */
function nameStart(words: string[]): number {
  let start = words.length;
  while (start > 0) {
    if (isCapitalised(words[start - 1])) {
      start--;
      continue;
    }
    let p = start;
    while (p > 0 && PARTICLES.has(words[p - 1])) p--;
    if (start === words.length || p === start || p === 0 || !isCapitalised(words[p - 1])) break;
    start = p;
  }
  return start;
}

function isCapitalised(word: string): boolean {
  return /^["“'‘]?\p{Lu}/u.test(word);
}

/** Drops leading words that the name normalisation ignores (titles, honorifics, "The"). */
function withoutTitles(words: string[]): string {
  const norm = normalizeName(words.join(' '));
  let from = 0;
  while (from < words.length - 1 && normalizeName(words.slice(from + 1).join(' ')) === norm) from++;
  return words.slice(from).join(' ').replace(/['’]s$/u, '');
}
