import { normalizeName } from '../name-matcher.js';

/**
 * Text as the full-text index sees it: compatibility-decomposed, without combining marks
 * (SQLite's `remove_diacritics`), and without NUL, which PostgreSQL text cannot hold.
 * @example foldText('Señora Ørsted said') // 'Senora Ørsted said'
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/\0/g, ' ');
}

/**
 * The words a speaker search matches a name by: the name's own words (as SQLite's unicode61
 * tokenizer splits them) and those of its normalised form ("O'Brien" gives "o brien obrien").
 * @example nameSearchText('Maria Okafor’s') // 'maria okafor s'
 */
export function nameSearchText(name: string): string {
  const own = foldText(name).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set([...own, ...normalizeName(name).split(' ')])].filter(Boolean).join(' ');
}

/**
 * PostgreSQL text cannot hold U+0000: it becomes U+FFFD, one UTF-16 unit too, so every offset
 * into the text stays right (the character itself reads back as U+FFFD).
 * @example pgText('a\u0000b') // 'a\ufffdb'
 */
export function pgText<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' && text.includes('\0') ? text.replace(/\0/g, '\ufffd') : text) as T;
}
