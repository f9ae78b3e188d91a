import { GIVEN_NAMES } from './lexicon.js';
import type { EntityRecord } from './registry.js';
import { keyAt, tokenRange, type DocView } from './view.js';

/**
 * The fullest form the text writes for a person, wherever it writes it: "Obama" →
 * "Barack Obama" when the article has `"Barack Obama Election Day,"` in a quotation or inside
 * another name, "Loretta Lynch" → "Loretta E. Lynch". A form counts when a known given name
 * (and maybe an initial) stands right before the surname; it must agree with the gender and
 * the given name the entity already has, and be the only such given name ("Bill Clinton" and
 * "Hillary Clinton" leave a bare "Clinton" alone). Undefined when there is nothing fuller.
 * @example fullestForm(view, obama)?.name // 'Barack Obama'
 */
export function fullestForm(view: DocView, e: EntityRecord): { name: string; given: string } | undefined {
  if (e.kind !== 'person' || e.words.length > 2) return undefined;
  const surname = e.name.slice(e.name.lastIndexOf(' ') + 1);
  if (surname.length < 2) return undefined;
  let best: string | undefined;
  let given: string | undefined;
  for (const c of e.words.length === 2 ? afterInitials(view, surname) : occurrences(view.doc.text, surname)) {
    const form = formAt(view, c, surname, e);
    if (!form) continue;
    if (given !== undefined && form.given !== given) return undefined; // two people share the surname
    given = form.given;
    if (!best || form.name.length > best.length) best = form.name;
  }
  return best && given !== undefined && best.split(' ').length > e.words.length ? { name: best, given } : undefined;
}

/** Where `surname` occurs in `text`, one occurrence after another. */
function occurrences(text: string, surname: string): number[] {
  const out: number[] = [];
  for (let c = text.indexOf(surname); c >= 0; c = text.indexOf(surname, c + surname.length)) out.push(c);
  return out;
}

/**
 * Where `surname` starts a token after an initial: for a name of two words the only places a
 * fuller form can be, since it grows only by an initial ("Loretta Lynch" → "Loretta E. Lynch")
 * and {@link formAt} takes no other given name for it (so forms cannot disagree either).
 */
function afterInitials(view: DocView, surname: string): number[] {
  view.afterInitials ??= view.capitals.filter((t) => keyAt(view, t).length === 1).map((t) => t + 1);
  const { text, tokens } = view.doc;
  const out: number[] = [];
  for (const k of view.afterInitials) if (k < tokens.count && text.startsWith(surname, tokens.start[k])) out.push(tokens.start[k]);
  return out;
}

/** The given name (and initial) written before the surname at character `c`, if it fits the entity. */
function formAt(view: DocView, c: number, surname: string, e: EntityRecord): { name: string; given: string } | undefined {
  const { text, tokens } = view.doc;
  const after = text.charCodeAt(c + surname.length);
  if ((after >= 97 && after <= 122) || (after >= 65 && after <= 90)) return undefined; // "Obamacare"
  const range = tokenRange(view, { start: c, end: c + surname.length });
  if (!range || tokens.start[range.start] !== c || range.end - range.start !== 1) return undefined;
  let g = range.start - 1;
  let initial = '';
  if (g > 0 && keyAt(view, g).length === 1 && view.cap[g]) { // "Loretta E. Lynch"
    initial = text.slice(tokens.start[g], tokens.end[g]);
    g--;
  }
  if (g < 0 || !view.cap[g] || tokens.end[g] + 1 !== tokens.start[g + 1]) return undefined;
  const key = keyAt(view, g);
  const gender = GIVEN_NAMES.get(key);
  if (!gender || (e.gender && e.gender !== gender)) return undefined;
  if (e.words.length === 2 && e.words[0] !== key) return undefined; // "Hillary Clinton" stays Hillary
  const first = text.slice(tokens.start[g], tokens.end[g]);
  return { name: initial ? `${first} ${initial} ${surname}` : `${first} ${surname}`, given: key };
}
