import titles from './data/titles.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };

/** A role word or phrase ("President", "Secretary of State", "spokeswoman") and what it says about its bearer. */
export interface RoleEntry {
  /** Lower case, words separated by single spaces. */
  phrase: string;
  /** Classes a nominal can refer back through: "the Russian leader" → any role with class `leader`. */
  classes: string[];
  gender?: 'male' | 'female';
}

const ROLE_LIST: RoleEntry[] = titles.roles.map((r) => {
  const entry: RoleEntry = { phrase: r.phrase, classes: r.classes };
  if ('gender' in r && (r.gender === 'male' || r.gender === 'female')) entry.gender = r.gender;
  return entry;
});

/** Role phrase or abbreviation (lower case, no period) → its entry. */
export const ROLES: ReadonlyMap<string, RoleEntry> = new Map(
  titles.roles.flatMap((r, i) => [r.phrase, ...(('abbr' in r && r.abbr) || [])].map((p) => [p, ROLE_LIST[i]] as const)),
);

/** Longest role phrase, in words. */
export const MAX_ROLE_WORDS = Math.max(...[...ROLES.keys()].map((p) => p.split(' ').length));

/** Honorific (lower case, no period) → the gender it implies, or '' ("Dr."). */
export const HONORIFICS: ReadonlyMap<string, string> = new Map(Object.entries(titles.honorifics));

/** Words that qualify a title without being a name: "former", "acting", "Republican", "press". */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(titles.modifiers);

/** A country or bloc, with the names, demonyms and seats of government that stand for it. */
export interface Place {
  name: string;
  aliases: string[];
  demonyms: string[];
  seats: string[];
}

/** Lower-case key of a place word: periods dropped ("U.S." → "us"). */
export function placeKey(words: string): string {
  return words.toLowerCase().replace(/\./g, '');
}

/** Every listed place. */
export const PLACE_LIST: readonly Place[] = places.places;

/** Place name, alias or seat ({@link placeKey}) → the place ("moscow" → Russia). */
export const PLACES: ReadonlyMap<string, Place> = new Map(
  PLACE_LIST.flatMap((p) => [p.name, ...p.aliases, ...p.seats].map((w) => [placeKey(w), p] as const)),
);

/** Demonym ({@link placeKey}) → the place ("russian" → Russia). */
export const DEMONYMS: ReadonlyMap<string, Place> = new Map(PLACE_LIST.flatMap((p) => p.demonyms.map((d) => [placeKey(d), p] as const)));

/** Regions and cities that are places but never governments ("Kursk", "Jeddah"). */
export const REGIONS: ReadonlySet<string> = new Set(places.regions.map(placeKey));
