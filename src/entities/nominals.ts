import { DEMONYMS, FRACTIONS, GROUP_DETERMINERS, PARTIES, PRONOUNS, QUANTITIES, ROLE_LAST_WORDS, ROLE_WORDS, ROLES, TITLE_MODIFIERS } from './lexicon.js';
import type { ResolveContext } from './context.js';
import type { EntityRecord } from './registry.js';
import { keyAt, lowerAt, type DocView } from './view.js';


/**
 * The entity a role description refers back to — "the Russian leader" → the person an earlier
 * title made a leader of Russia ("Russian President Vladimir Putin"); "the senator" → the last
 * senator mentioned — or undefined when no earlier title supports it. Demonyms and parties in
 * the description must agree with what the text said of the entity.
 * @example supportedNominal(ctx, s, e) // the entity of "Russian President Vladimir Putin"
 */
export function supportedNominal(ctx: ResolveContext, s: number, e: number): EntityRecord | undefined {
  const role = roleHead(ctx, s, e);
  if (!role || !titleModifiersOnly(ctx, s, role.start)) return undefined;
  let place: string | undefined;
  let party: string | undefined;
  for (let t = s; t < role.start; t++) {
    const k = keyAt(ctx.view, t);
    place = DEMONYMS.get(k)?.name ?? place;
    party = PARTIES.get(k) ?? party;
  }
  const fits = (x: EntityRecord): boolean =>
    x.kind === 'person' && x.classes.has(role.phrase) && (!place || x.places.has(place)) && (!party || x.party === party);
  const { refs } = ctx.history;
  for (let i = ctx.history.before(s); i >= 0; i--) if (fits(refs[i].entity)) return refs[i].entity;
  return undefined;
}

/** "the band leader", "the team captain": a lower-case noun before the role makes it another role than a title's. */
function titleModifiersOnly(ctx: ResolveContext, s: number, e: number): boolean {
  for (let t = s; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    const k = keyAt(ctx.view, t);
    if (ctx.view.cap[t] || GROUP_DETERMINERS.has(w) || w === 'the' || w === 'this' || w === 'that' || /^\d/.test(w) || w === 'and') continue;
    if (!TITLE_MODIFIERS.has(k) && !ROLE_WORDS.has(k) && !DEMONYMS.has(k) && !PARTIES.has(k) && !PRONOUNS.has(w) && !k.endsWith('’s') && !k.endsWith("'s")) return false;
  }
  return true;
}

/** The role phrase that ends a description ("the Russian leader" → leader), with where it starts. */
export function roleHead(ctx: ResolveContext, s: number, e: number): { phrase: string; start: number } | undefined {
  const last = keyAt(ctx.view, e - 1);
  const several = ROLE_LAST_WORDS.has(last); // else no phrase of two or three words can be a role
  for (let n = 3; n >= 1; n--) {
    if (e - n < s || (n > 1 && !several)) continue;
    let phrase = last;
    for (let t = e - 2; t >= e - n; t--) phrase = `${keyAt(ctx.view, t)} ${phrase}`;
    if (ROLES.has(phrase)) return { phrase, start: e - n };
  }
  return undefined;
}

/** First token after determiners and quantifiers: "two Democratic speechwriters" → "Democratic"; a "46-page" analysis keeps its number. */
export function skipDeterminers(ctx: ResolveContext, s: number, e: number): number {
  while (s < e - 1 && (GROUP_DETERMINERS.has(lowerAt(ctx.view, s)) || /^\d[\d.,]*$/.test(lowerAt(ctx.view, s)) || lowerAt(ctx.view, s) === 'another' || lowerAt(ctx.view, s) === 'one')) s++;
  return s;
}

/**
 * Whether the word at token t heads a share or a count of people, which makes its description a
 * group named with its number: "9 percent", "42%", "about half of voters", "a third of voters",
 * "Six in 10", "nine out of 10", "two of the witnesses", "at least 21,000" (not "a third, Daniel
 * Traynor,", nor "the 46-year-old", nor "Sept. 15").
 * @example headsShare(view, t) // true at "percent" in "9 percent of voters"
 */
export function headsShare(view: DocView, t: number): boolean {
  const w = keyAt(view, t);
  if (QUANTITIES.has(w)) return true;
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return /^\d[\d.,]*%?$/.test(w) && !(view.cap[t - 1] && MONTH.test(keyAt(view, t - 1))); // not a date ("Sept. 15")
  const next = lowerAt(view, t + 1);
  if (FRACTIONS.has(w)) return next === 'of';
  if (w === 'out') return next === 'of' && (QUANTITIES.has(lowerAt(view, t - 1)) || /^\d+$/.test(lowerAt(view, t - 1))); // "nine out of 10"
  return w === 'one' && next === 'in' && /^(?:\d+|ten|five|four|three)$/.test(lowerAt(view, t + 2)); // "one in five"
}

/** "those surveyed", "those close to him", "those who …": "those" standing for people, not a determiner ("those voters"). */
export function standsForPeople(view: DocView, s: number): boolean {
  if (lowerAt(view, s) !== 'those') return false;
  const next = lowerAt(view, s + 1);
  return next === '' || THOSE_FOLLOWERS.has(next) || /^[a-z]+(?:ed|ing)$/.test(next);
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/;
const THOSE_FOLLOWERS = new Set(['who', 'whom', 'whose', 'that', 'with', 'around', 'close', 'closest', 'familiar', 'in', 'at', 'on', 'of', 'from', 'behind', 'inside', 'outside', 'near', 'among', 'opposed', 'involved', 'aware', 'present', 'here', 'there', ',']);
