import givenNames from './data/given-names.json' with { type: 'json' };
import groups from './data/groups.json' with { type: 'json' };
import organizations from './data/organizations.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import pronouns from './data/pronouns.json' with { type: 'json' };
import stopwords from './data/stopwords.json' with { type: 'json' };
import timeWords from './data/time-words.json' with { type: 'json' };
import titles from './data/titles.json' with { type: 'json' };

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

/** Role phrase, its plural ("senators") or abbreviation (lower case, no period) → its entry. */
export const ROLES: ReadonlyMap<string, RoleEntry> = new Map(
  titles.roles.flatMap((r, i) => [r.phrase, ...(('abbr' in r && r.abbr) || []), ...('gender' in r ? [] : plural(r.phrase))].map((p) => [p, ROLE_LIST[i]] as const)),
);

/** Every word of a role phrase: "first", "lady", "secretary", "state". */
export const ROLE_WORDS: ReadonlySet<string> = new Set([...ROLES.keys()].flatMap((p) => p.split(' ')));

/** Last words of the roles of several words: "lady" ("first lady"), "state" ("secretary of state"). */
export const ROLE_LAST_WORDS: ReadonlySet<string> = new Set([...ROLES.keys()].filter((p) => p.includes(' ')).map((p) => p.slice(p.lastIndexOf(' ') + 1)));

/** Plural role words ("senators", "spokesmen"): a group, not a person. */
export const PLURAL_ROLES: ReadonlySet<string> = new Set(titles.roles.flatMap((r) => ('gender' in r ? [] : plural(r.phrase))));

function plural(phrase: string): string[] {
  if (phrase.includes(' ') || phrase.endsWith('s')) return [];
  return [phrase.endsWith('man') ? `${phrase.slice(0, -3)}men` : `${phrase}s`];
}

/** Party words → party letter: "Republican", "GOP" → "R". */
export const PARTIES: ReadonlyMap<string, string> = new Map(Object.entries(titles.parties));

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

/** Lower-case words that never belong to a name: determiners, pronouns, weekdays, "said". */
export const STOPWORDS: ReadonlySet<string> = new Set(stopwords);

/** Given name (lower case) → the gender it usually goes with. */
export const GIVEN_NAMES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...givenNames.male.map((n) => [n, 'male'] as const),
  ...givenNames.female.map((n) => [n, 'female'] as const),
]);

/** Last words that make a capitalised run an organisation ("Committee", "Times", "Party"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(organizations.heads);

/** Organisations known by one name or acronym ({@link placeKey}): "fbi", "al jazeera". */
export const ORG_NAMES: ReadonlySet<string> = new Set(organizations.acronyms.map(placeKey));

/**
 * Outlets known by a name with "the" ({@link placeKey}, without it): "hill" for "The Hill",
 * "daily beast". An organisation only after "the": without it, "Hill" is a surname.
 */
export const THE_NAMES: ReadonlySet<string> = new Set(organizations.theNames);

/** Things that report without being agents: "poll", "report", "study". */
export const NON_AGENTS: ReadonlySet<string> = new Set(organizations.nonAgents);

/**
 * Things that a description may name as a source ("the deal", "The debate", "the RealClearPolitics
 * average"): no person, but not non-agents elsewhere ("debate moderator Ana Ruiz" is a person).
 */
export const THINGS: ReadonlySet<string> = new Set(organizations.things);

/** Plural nouns that name a group of speakers: "analysts", "officials", "Republicans". */
export const GROUP_NOUNS: ReadonlySet<string> = new Set(groups.nouns);

/**
 * Words that head a share or a count of people, a group however they are written: "9 percent",
 * "about half of voters", "two of the witnesses", "a majority of residents".
 */
export const QUANTITIES: ReadonlySet<string> = new Set(groups.quantities);

/**
 * Nouns for people taken together ("the crowd", "the media", "his staff"): a group when they
 * head a description, but not group nouns elsewhere ("staff writer Ana Ruiz" is a person).
 */
export const COLLECTIVES: ReadonlySet<string> = new Set(groups.collectives);

/** Nouns that gather people before "of" ("a group of scientists", "a team of lawyers"): a group, though "Eurasia Group" is an organisation. */
export const GATHERINGS: ReadonlySet<string> = new Set(groups.gatherings);

/** Fractions, which head a share only before "of" ("a third of voters"; "a third, Daniel Traynor," is a person). */
export const FRACTIONS: ReadonlySet<string> = new Set(groups.fractions);

/** Determiners and quantifiers left out of a group's name: "the", "some", "two". */
export const GROUP_DETERMINERS: ReadonlySet<string> = new Set(groups.determiners);

/** What a pronoun says about its antecedent. */
export interface PronounEntry {
  gender: 'male' | 'female' | 'neuter' | 'any';
  number: 'singular' | 'plural' | 'any';
  person: number;
  possessive?: boolean;
  relative?: boolean;
}

/** Pronoun (lower case) → its features. */
export const PRONOUNS: ReadonlyMap<string, PronounEntry> = new Map(Object.entries(pronouns as Record<string, PronounEntry>));

/** Definite organisation nouns → the name endings they refer back to: "the agency" → "… Bureau", "… Service". */
export const ORG_CLASSES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(organizations.classes));

/** Adverbs of time that can trail a source the model cut too long: "the Clinton campaign now". */
export const TIME_ADVERBS: ReadonlySet<string> = new Set(timeWords.adverbs);

/** Words that make a time unit a time expression: "last year", "this week". */
export const TIME_SHIFTERS: ReadonlySet<string> = new Set(timeWords.shifters);

/** Time units and weekdays: "year", "month", "Tuesday". */
export const TIME_UNITS: ReadonlySet<string> = new Set(timeWords.units);
