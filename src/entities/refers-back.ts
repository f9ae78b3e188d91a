/** Words that open a source which needs the sentences before it ("He", "The Russian leader"). */
const OPENERS = new Set(['He', 'She', 'They', 'It', 'I', 'We', 'The', 'This', 'These', 'Those', 'That', 'His', 'Her', 'Their', 'Its', 'A', 'An', 'One', 'Another', 'Some', 'Many', 'Most']);

/** A source that opens with a lower-case word, a pronoun or a determiner needs the sentences before it. */
export const REFERS_BACK = new RegExp(`^\\W*(?:\\p{Ll}|(?:${[...OPENERS].join('|')})\\b)`, 'u');

/**
 * {@link REFERS_BACK}, without the regular expression for a source that opens with an ASCII letter (most do).
 * @example refersBack('The Russian leader') // true
 */
export function refersBack(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (!(c >= 65 && c <= 90)) return REFERS_BACK.test(text);
  let end = 1;
  while (end < text.length && isWordCharacter(text.charCodeAt(end))) end++;
  return OPENERS.has(text.slice(0, end)); // the whole first word, as \b requires
}

/** What \w matches: A-Z, a-z, 0-9, _. */
function isWordCharacter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
