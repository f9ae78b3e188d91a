import type { EntityKind, Span } from '../core/types.js';
import { PLACES, ROLES, placeKey, type RoleEntry } from './lexicon.js';
import { areNameVariants, normalizeName } from './name-variants.js';

/** An entity being built: everything the text says about one speaker or potential speaker. */
export interface EntityRecord {
  kind: EntityKind;
  /** Fullest form of the name seen so far. */
  name: string;
  norm: string;
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
  /** Surface forms, with the spans where each occurs. */
  forms: Map<string, Span[]>;
  /** Spellings of the surname, with their spans: more than one means a name variant. */
  spellings: Map<string, Span[]>;
  first: number;
  count: number;
}

/** What a mention contributes to its entity. */
export interface MentionInfo {
  kind: EntityKind | null;
  name: string;
  span: Span;
  pos: number;
  role?: string;
  roleEntry?: RoleEntry;
  place?: string;
  party?: string;
  gender?: 'male' | 'female';
}

/**
 * The entities of one document and how names link to them: a person by a spelling variant of
 * its name or its surname ("Jabbari" → Dosa Jabari), an organisation by its last words or
 * acronym ("The Post" → New York Post, "S.E.C."), a place by its gazetteer name ("U.S.").
 * @example new Registry().link({kind: 'person', name: 'Putin', span, pos: 3})
 */
export class Registry {
  readonly entities: EntityRecord[] = [];

  /** Links a named mention to an entity, creating it when none fits. */
  link(m: MentionInfo): EntityRecord {
    const canonical = m.kind === 'place' ? placeName(m.name) : m.name;
    const found = this.find(m.kind, canonical, m.gender);
    const e = found ?? this.create(m.kind ?? 'person', canonical, m.pos);
    if (found && e.kind === 'person' && m.kind !== 'person' && m.kind !== null && e.norm === normalizeName(canonical)) e.kind = m.kind;
    this.absorb(e, m, canonical);
    return e;
  }

  /** A new entity for a description ("a source", "analysts"), or the existing one with that name. */
  describe(kind: EntityKind, name: string, span: Span, pos: number): EntityRecord {
    const norm = normalizeName(name);
    const e = this.entities.find((x) => x.kind === kind && x.norm === norm) ?? this.create(kind, name, pos);
    addForm(e, span);
    return e;
  }

  /** Records a pronoun or nominal that refers to `e`. */
  refer(e: EntityRecord, span: Span): void {
    addForm(e, span);
  }

  /** The entity a name would link to, if any. */
  find(kind: EntityKind | null, name: string, gender?: string): EntityRecord | undefined {
    const norm = normalizeName(name);
    let best: EntityRecord | undefined;
    let bestScore = 0;
    for (const e of this.entities) {
      const score = matchScore(e, kind, name, norm, gender);
      if (score > bestScore || (score === bestScore && score > 0 && best && e.count > best.count)) { best = e; bestScore = score; }
    }
    return best;
  }

  private create(kind: EntityKind, name: string, pos: number): EntityRecord {
    const e: EntityRecord = {
      kind, name, norm: normalizeName(name), confirmed: false, plural: kind === 'group', classes: new Set(), places: new Set(),
      forms: new Map(), spellings: new Map(), first: pos, count: 0,
    };
    this.entities.push(e);
    return e;
  }

  private absorb(e: EntityRecord, m: MentionInfo, canonical: string): void {
    if (e.kind === 'person') {
      const words = canonical.split(' ');
      if (words.length > e.name.split(' ').length) { e.name = canonical; e.norm = normalizeName(canonical); }
      const surname = words[words.length - 1];
      const key = normalizeName(surname);
      const list = e.spellings.get(key) ?? [];
      list.push(surnameSpan(m.span, surname));
      e.spellings.set(key, list);
    } else if (canonical.length > e.name.length && e.kind !== 'place') {
      e.name = canonical;
      e.norm = normalizeName(canonical);
    }
    if (m.kind === 'person' || m.role || m.gender) e.confirmed = true;
    if (m.gender) e.gender ??= m.gender;
    if (m.roleEntry) {
      e.role ??= m.role;
      for (const c of m.roleEntry.classes) e.classes.add(c);
      e.classes.add(m.roleEntry.phrase);
    }
    if (m.place) { e.places.add(m.place); e.affiliation ??= m.place; }
    if (m.party) e.party ??= m.party;
    addForm(e, m.span);
  }
}

/** Adds a role found in an appositive ("Graham, the South Carolina senator"). */
export function addRole(e: EntityRecord, phrase: string): void {
  const entry = ROLES.get(phrase);
  if (!entry) return;
  for (const c of entry.classes) e.classes.add(c);
  e.classes.add(entry.phrase);
  if (entry.gender) e.gender ??= entry.gender;
}

function matchScore(e: EntityRecord, kind: EntityKind | null, name: string, norm: string, gender?: string): number {
  if (e.norm === norm) return kind === null || kind === e.kind || e.kind === 'person' ? 3 : 0;
  if (e.kind === 'person' && (kind === 'person' || kind === null)) {
    if (gender && e.gender && gender !== e.gender) return 0;
    if (areNameVariants(name, e.name)) return 2;
    const words = norm.split(' ');
    return words.length === 1 && e.norm.split(' ')[0] === words[0] && e.norm.includes(' ') ? 1 : 0; // "Hillary"
  }
  if (e.kind === 'organization' && (kind === 'organization' || kind === null)) {
    if (e.norm.endsWith(` ${norm}`) || initials(e.name) === norm.replace(/ /g, '') || initials(name) === e.norm.replace(/ /g, '')) return 2;
  }
  return 0;
}

/** "Securities and Exchange Commission" → "sec". */
function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(of|and|the|for)$/i.test(w));
  return words.length > 1 ? words.map((w) => w[0].toLowerCase()).join('') : '';
}

/** "U.S.", "America" → "United States"; other places keep their name. */
function placeName(name: string): string {
  const bare = name.replace(/^the\s+/i, '');
  const place = PLACES.get(placeKey(bare));
  return place && place.seats.every((s) => placeKey(s) !== placeKey(bare)) ? place.name : bare;
}

function addForm(e: EntityRecord, span: Span): void {
  const list = e.forms.get(span.text) ?? [];
  list.push(span);
  e.forms.set(span.text, list);
  e.count++;
}

/** The span of the surname inside a mention's span (the last occurrence of the word). */
function surnameSpan(span: Span, surname: string): Span {
  const at = span.text.lastIndexOf(surname);
  return at < 0 ? span : { start: span.start + at, end: span.start + at + surname.length, text: surname };
}
