import type { EntityKind } from '../core/types.js';
import { PLACES, ROLES, placeKey, type RoleEntry } from './lexicon.js';
import { areWordVariants, normalizeName } from './name-variants.js';

/** An entity being built: everything the text says about one speaker or potential speaker. */
export interface EntityRecord {
  kind: EntityKind;
  /** Fullest form of the name seen so far. */
  name: string;
  norm: string;
  /** `norm` split into words, and the initials of the name's capitalised words ("sec"). */
  words: string[];
  acronym: string;
  gender?: 'male' | 'female';
  /** Surely a person (a title, a given name, a pronoun resolved to it). */
  confirmed: boolean;
  plural: boolean;
  role?: string;
  affiliation?: string;
  /** Role classes ("leader", "senator") that a nominal can refer back through. */
  classes: Set<string>;
  places: Set<string>;
  party?: string;
  /** Token ranges of its mentions, flat: `[start0, end0, start1, end1, …]`. */
  refs: number[];
  /** Spellings of the surname (normalised) → the tokens where each occurs: more than one means a name variant. */
  spellings: Map<string, number[]>;
  first: number;
  count: number;
  /** The text was searched for a fuller form of the name ({@link fullestForm}). */
  lengthened: boolean;
}

/** What a mention contributes to its entity. */
export interface MentionInfo {
  kind: EntityKind | null;
  name: string;
  /** Token range of the mention, and the token of its last name word. */
  start: number;
  end: number;
  nameEnd: number;
  role?: string;
  roleEntry?: RoleEntry;
  place?: string;
  party?: string;
  gender?: 'male' | 'female';
  nickname?: string;
}

/**
 * The entities of one document and how names link to them: a person by a spelling variant of
 * its name or its surname ("Jabbari" → Dosa Jabari), an organisation by its last words or
 * acronym ("The Post" → New York Post, "S.E.C."), a place by its gazetteer name ("U.S.").
 * @example new Registry().link({kind: 'person', name: 'Putin', start: 3, end: 4, nameEnd: 4})
 */
export class Registry {
  readonly entities: EntityRecord[] = [];
  /** Every normalised name an entity has had → the entities. */
  private readonly byNorm = new Map<string, EntityRecord[]>();
  /** People by the first letter of their surname: a spelling variant keeps it ("Jabari" / "Jabbari"). */
  private readonly persons = new Map<string, EntityRecord[]>();
  private readonly organizations: EntityRecord[] = [];

  /**
   * Links a named mention to an entity, creating it when none fits. `key` defaults to the name's;
   * `known`, what {@link find} gave for a mention of no kind and that key, spares looking again.
   */
  link(m: MentionInfo, key?: NameKey, known?: EntityRecord): EntityRecord {
    const canonical = m.kind === 'place' ? placeName(m.name) : m.name;
    const k = key && canonical === m.name ? key : nameKey(canonical);
    // "Jordan said" after "Rep. Jim Jordan": a person's surname before a place name
    const found = known ?? (m.kind === 'place' && key && key.words.length === 1 ? this.find('person', key) : undefined) ?? this.find(m.kind, k, m.gender);
    const e = found ?? this.create(m.kind ?? 'person', canonical, k, m.start);
    if (found && e.kind === 'person' && m.kind !== 'person' && m.kind !== null && e.norm === k.norm) e.kind = m.kind;
    this.absorb(e, m, canonical, k);
    return e;
  }

  /** A new entity for a description ("a source", "analysts"), or the existing one with that name. */
  describe(kind: EntityKind, name: string, start: number, end: number): EntityRecord {
    const key = nameKey(name);
    const e = this.byNorm.get(key.norm)?.find((x) => x.kind === kind) ?? this.create(kind, name, key, start);
    addRef(e, start, end);
    return e;
  }

  /** Gives a person the fuller name the text writes elsewhere ("Obama" → "Barack Obama"). */
  lengthen(e: EntityRecord, name: string): void {
    const key = nameKey(name);
    if (e.kind === 'person' && key.words.length > e.words.length) this.rename(e, name, key);
  }

  /** Records a pronoun or nominal at tokens `[start, end)` that refers to `e`. */
  refer(e: EntityRecord, start: number, end: number): void {
    addRef(e, start, end);
  }

  /** The entity a name would link to, if any: the best match, then the one introduced first. */
  find(kind: EntityKind | null, key: NameKey, gender?: string): EntityRecord | undefined {
    let exact: EntityRecord | undefined;
    for (const e of this.byNorm.get(key.norm) ?? NO_ENTITIES) {
      if ((kind === null || kind === e.kind || e.kind === 'person') && (!exact || e.first < exact.first)) exact = e;
    }
    if (exact) return exact;
    if (kind === 'place' || kind === 'group') return undefined;
    this.best = undefined;
    this.bestScore = 0;
    if (kind !== 'organization') {
      this.consider(this.persons.get(key.words[key.words.length - 1]?.[0] ?? ''), kind, key, gender);
      if (key.words.length === 1) this.consider(this.byFirstName.get(key.words[0]), kind, key, gender);
    }
    if (kind !== 'person') this.consider(this.organizations, kind, key, gender);
    const best = this.best;
    this.best = undefined;
    return best;
  }

  /** The best match {@link find} has seen so far, and its score (fields, not a closure: find runs for every name). */
  private best: EntityRecord | undefined;
  private bestScore = 0;

  private consider(pool: readonly EntityRecord[] | undefined, kind: EntityKind | null, key: NameKey, gender?: string): void {
    if (!pool) return;
    for (const e of pool) {
      const score = matchScore(e, kind, key, gender);
      // a bare "Trump" is the Trump the article introduced first
      if (score > this.bestScore || (score === this.bestScore && score > 0 && this.best && e.first < this.best.first)) {
        this.best = e;
        this.bestScore = score;
      }
    }
  }

  private create(kind: EntityKind, name: string, key: NameKey, pos: number): EntityRecord {
    const e: EntityRecord = {
      kind, name, norm: key.norm, words: key.words, acronym: key.acronym, gender: undefined, confirmed: false, plural: kind === 'group',
      role: undefined, affiliation: undefined, classes: NONE, places: NONE, party: undefined, refs: [], spellings: NO_SPELLINGS, first: pos, count: 0, lengthened: false,
    };
    this.entities.push(e);
    if (kind === 'person') this.indexPerson(e);
    if (kind === 'organization') this.organizations.push(e);
    this.index(e);
    return e;
  }

  private index(e: EntityRecord): void {
    this.alias(e, e.norm);
  }

  /** People by their first given name: "Hillary" → Hillary Clinton. */
  private readonly byFirstName = new Map<string, EntityRecord[]>();

  private indexPerson(e: EntityRecord): void {
    const initial = e.words[e.words.length - 1]?.[0];
    if (initial !== undefined) listUnder(this.persons, initial, e);
    if (e.words.length > 1) listUnder(this.byFirstName, e.words[0], e);
  }

  private alias(e: EntityRecord, norm: string): void {
    listUnder(this.byNorm, norm, e);
  }

  private rename(e: EntityRecord, name: string, key: NameKey): void {
    Object.assign(e, { name }, key);
    this.index(e);
    if (e.kind === 'person') this.indexPerson(e);
  }

  private absorb(e: EntityRecord, m: MentionInfo, canonical: string, key: NameKey): void {
    if (e.kind === 'person') {
      if (key.words.length > e.words.length) this.rename(e, canonical, key);
      if (m.nickname) this.alias(e, `${m.nickname} ${key.words[key.words.length - 1]}`); // "Bobby Scott"
      const spelling = key.words[key.words.length - 1];
      if (e.spellings === NO_SPELLINGS) e.spellings = new Map();
      const list = e.spellings.get(spelling);
      if (list) list.push(m.nameEnd - 1);
      else e.spellings.set(spelling, [m.nameEnd - 1]);
    } else if (canonical.length > e.name.length && e.kind !== 'place') {
      this.rename(e, canonical, key);
    }
    if (m.kind === 'person' || m.role || m.gender) e.confirmed = true;
    if (m.gender) e.gender ??= m.gender;
    if (m.roleEntry) {
      e.role ??= m.role;
      addClasses(e, m.roleEntry);
    }
    if (m.place) {
      if (e.places === NONE) e.places = new Set();
      e.places.add(m.place);
      e.affiliation ??= m.place;
    }
    if (m.party) e.party ??= m.party;
    addRef(e, m.start, m.end);
  }
}

const NO_ENTITIES: readonly EntityRecord[] = [];

/** Adds `e` to the list under `word`, once. */
function listUnder(map: Map<string, EntityRecord[]>, word: string, e: EntityRecord): void {
  const list = map.get(word);
  if (!list) map.set(word, [e]);
  else if (!list.includes(e)) list.push(e);
}

/** Shared by every entity until it gets classes, places or spellings of its own (most never do). */
const NONE: Set<string> = new Set();
const NO_SPELLINGS: Map<string, number[]> = new Map();

function addClasses(e: EntityRecord, entry: RoleEntry): void {
  if (e.classes === NONE) e.classes = new Set();
  for (const c of entry.classes) e.classes.add(c);
  e.classes.add(entry.phrase);
}

/** Adds a role found in an appositive ("Graham, the South Carolina senator"). */
export function addRole(e: EntityRecord, phrase: string): void {
  const entry = ROLES.get(phrase);
  if (!entry) return;
  addClasses(e, entry);
  if (entry.gender) e.gender ??= entry.gender;
}

/** The comparison forms of a name. */
export interface NameKey {
  norm: string;
  words: string[];
  acronym: string;
}

/**
 * The comparison forms of a name: {@link normalizeName}, its words, its initials.
 * @example nameKey('Securities and Exchange Commission').acronym // 'sec'
 */
export function nameKey(name: string): NameKey {
  const norm = normalizeName(name);
  return { norm, words: norm.split(' '), acronym: initials(name) };
}

function matchScore(e: EntityRecord, kind: EntityKind | null, key: NameKey, gender?: string): number {
  if (e.norm === key.norm) return kind === null || kind === e.kind || e.kind === 'person' ? 3 : 0;
  if (e.kind === 'person' && (kind === 'person' || kind === null)) {
    if (gender && e.gender && gender !== e.gender) return 0;
    const a = key.words[key.words.length - 1];
    const b = e.words[e.words.length - 1];
    if (!a || !b) return 0;
    if (a[0] === b[0] && areWordVariants(key.words, e.words)) return 2;
    return key.words.length === 1 && e.words.length > 1 && e.words[0] === key.words[0] ? 1 : 0; // "Hillary"
  }
  if (e.kind === 'organization' && (kind === 'organization' || kind === null)) {
    // "The Post" → New York Post; "S.E.C." → Securities and Exchange Commission, and back
    const n = e.norm.length - key.norm.length;
    if (n > 0 && e.norm.charCodeAt(n - 1) === 32 && e.norm.endsWith(key.norm)) return 2;
    if ((e.acronym && key.words.length === 1 && e.acronym === key.norm) || (key.acronym && e.words.length === 1 && key.acronym === e.norm)) return 2;
  }
  return 0;
}

/** "Securities and Exchange Commission" → "sec". */
function initials(name: string): string {
  let out = '';
  let count = 0;
  // splitting at single spaces leaves empty words where /\s+/ would not, and those never count
  for (const w of /[^\S ]/.test(name) ? name.split(/\s+/) : name.split(' ')) {
    if (!startsUpper(w) || isConnective(w)) continue;
    out += w[0].toLowerCase();
    count++;
  }
  return count > 1 ? out : '';
}

const CONNECTIVES = new Set(['of', 'and', 'the', 'for']);

/** "Of", "AND", "The": the words /^(of|and|the|for)$/i matches (only ASCII letters fold to those), read from character codes. */
function isConnective(w: string): boolean {
  if (w.length < 2 || w.length > 3) return false;
  let lower = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return false;
    lower += String.fromCharCode(c | 32);
  }
  return CONNECTIVES.has(lower);
}

function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
}

/** "U.S.", "America" → "United States"; other places keep their name. */
function placeName(name: string): string {
  const bare = name.replace(/^the\s+/i, '');
  const place = PLACES.get(placeKey(bare));
  return place && place.seats.every((s) => placeKey(s) !== placeKey(bare)) ? place.name : bare;
}

function addRef(e: EntityRecord, start: number, end: number): void {
  e.refs.push(start, end);
  e.count++;
}
