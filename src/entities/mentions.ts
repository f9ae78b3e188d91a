import type { EntityKind } from '../core/types.js';
import { QUOTE, WORD } from '../text/tokens.js';
import {
  DEMONYMS, GIVEN_NAMES, GROUP_NOUNS, HONORIFICS, ORG_HEADS, ORG_NAMES, PARTIES, PLACES, REGIONS, ROLE_LAST_WORDS, ROLES, STOPWORDS, THE_NAMES, TITLE_MODIFIERS,
  type RoleEntry,
} from './lexicon.js';
import { normalizeName } from './name-variants.js';
import type { NameKey } from './registry.js';
import { isTitleCase } from './title-case.js';
import { type DocView, isPossessive, keyAt, lowerAt } from './view.js';

/** A capitalised name in the text, with the titles and roles written before it. */
export interface NameMention {
  /** Index in the document's list of mentions. */
  index: number;
  /** Token range of the whole mention, titles included. */
  start: number;
  end: number;
  /** Token range of the name itself. */
  nameStart: number;
  nameEnd: number;
  /** The name without quoted nicknames: "Robert C. Scott". */
  name: string;
  /** Its comparison forms, built from the tokens (as {@link nameKey} would from `name`). */
  key: NameKey;
  /** A quoted nickname inside the name: `Robert C. “Bobby” Scott` → "bobby". */
  nickname?: string;
  /** null when nothing tells what the name is. */
  kind: EntityKind | null;
  /** Role as written ("President", "Special envoy") and its lexicon entry. */
  role?: string;
  roleEntry?: RoleEntry;
  /** Country a demonym before the name gives ("Russian President" → Russia). */
  place?: string;
  /** Party letter from a modifier or a label: "Republican", "(R-S.C.)" → "R". */
  party?: string;
  gender?: 'male' | 'female';
  /** Followed by ’s. */
  possessive: boolean;
  /** Inside a quotation. */
  quoted: boolean;
}

const ROLE_FIRST_WORDS = new Set([...ROLES.keys()].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]));
const ORG_OF = new Set(['of', 'for', 'on']);
const ARTICLES = new Set(['a', 'an', 'the']);
const CONNECTORS = new Set(['of', 'and', 'for', '&', 'on']);
const PARTICLES = new Set(['bin', 'ibn', 'al', 'van', 'von', 'de', 'da', 'di', 'du', 'del', 'la', 'le']);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'across', 'into', 'outside', 'inside']);

/**
 * Every capitalised name in the text (people, organisations, places, groups), in text order,
 * with its titles: "Russian President Vladimir Putin", "Special US envoy Steve Witkov",
 * "Sen. Lindsey Graham (R-S.C.)". One linear pass over the tokens. With `near` (a flag per
 * sentence), sentences not flagged keep only names of two words or more, and none in quotes.
 * @example findNameMentions(buildView(analyzeText('Russian President Vladimir Putin said.')))[0].name // 'Vladimir Putin'
 */
export function findNameMentions(view: DocView, near?: Uint8Array): NameMention[] {
  const out: NameMention[] = [];
  const n = view.cap.length;
  const { sentenceOf, quoteOf } = view.doc;
  let next = 0; // the first token after the last name read
  for (const t of view.capitals) {
    if (t < next || !startsName(view, t)) continue;
    // Far from every source only full names and titled ones matter (for the fullest form): "Vladimir Putin", "Sen. Graham".
    const far = near !== undefined && !near[sentenceOf[t]];
    if (far && (quoteOf[t] >= 0 || (!startsName(view, t + 1) && !HONORIFICS.has(keyAt(view, t)) && !ROLES.has(keyAt(view, t))))) continue;
    let e = t + 1;
    while (e < n && !lineBreakBefore(view, e)) {
      if (startsName(view, e)) { e++; continue; }
      // the cheap test first: mostly no name follows
      if (e + 1 < n && startsName(view, e + 1) && (CONNECTORS.has(lowerAt(view, e)) || PARTICLES.has(lowerAt(view, e)))) { e += 2; continue; }
      if (startsName(view, e + 2) && ORG_OF.has(lowerAt(view, e)) && ORG_HEADS.has(keyAt(view, e - 1)) && ARTICLES.has(lowerAt(view, e + 1))) { e += 3; continue; }
      if (isNickname(view, e)) { e += 3; continue; }
      if (isPossessive(view, e) && startsName(view, e + 1) && ownsOrganization(view, e)) { e += 2; continue; }
      if (isDomain(view, e)) { e += 2; break; }
      break;
    }
    e = headlineCut(view, t, e);
    if (e - t === 1 && isPlainName(view, t)) {
      while (out.length && out[out.length - 1].end > t) out.pop();
      out.push(plainMention(view, t, out.length));
      continue;
    }
    if (e - t === 1) add(out, describeRun(view, t, e));
    else addRun(view, t, e, out);
    next = e;
  }
  return out;
}

/** Every word some lexicon knows (one lookup instead of ten: this runs for each capitalised word). */
const LEXICAL = new Set<string>([ORG_HEADS, ORG_NAMES, THE_NAMES, PLACES, REGIONS, GROUP_NOUNS, DEMONYMS, GIVEN_NAMES, ROLES, HONORIFICS, TITLE_MODIFIERS, PARTIES]
  .flatMap((lexicon) => [...lexicon.keys()]));
/** Words that are a title on their own: honorifics, roles, their modifiers, demonyms, parties. */
const TITLE_WORDS = new Set<string>([HONORIFICS, ROLES, TITLE_MODIFIERS, DEMONYMS, PARTIES].flatMap((lexicon) => [...lexicon.keys()]));

/** A lone capitalised word that no lexicon knows, with no title before it and no possessive or label after: "Putin", "Jabbari". */
function isPlainName(view: DocView, t: number): boolean {
  const k = keyAt(view, t);
  if (!isPlain(k) || LEXICAL.has(k)) return false;
  if (t > 0 && isTitleWord(view, t - 1)) return false;
  const next = lowerAt(view, t + 1);
  return next !== '’s' && next !== "'s" && next !== '(' && next !== ',';
}

/** The mention {@link describeRun} would give a plain name, built directly. */
function plainMention(view: DocView, t: number, index: number): NameMention {
  const k = keyAt(view, t);
  return {
    index, start: t, end: t + 1, nameStart: t, nameEnd: t + 1, name: view.doc.text.slice(view.doc.tokens.start[t], view.doc.tokens.end[t]),
    key: { norm: k, words: [k], acronym: '' }, nickname: undefined, kind: null, role: undefined, roleEntry: undefined, place: undefined,
    party: undefined, gender: undefined, possessive: false, quoted: view.doc.quoteOf[t] >= 0,
  };
}

/**
 * A capitalised word that is not a function word ("The", "But", "Everyone", "Nearly"), nor a
 * number ("Twenty-four"), or an acronym ("US", not "us").
 */
function startsName(view: DocView, t: number): boolean {
  if (!view.cap[t]) return false;
  const k = keyAt(view, t);
  if (k.length > 2 && k.charCodeAt(1) === 45 && (k[0] === 'r' || k[0] === 'd' || k[0] === 'i')) return false; // "R-Utah": a party label
  return view.cap[t] === 2 || !NOT_NAMES.has(k) || HONORIFICS.has(k);
}

const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/**
 * Capitalised at a sentence's start, these are no names: function words, pronouns and
 * quantifiers the stopwords lack, and numbers in words ("Twenty-four").
 */
const NOT_NAMES = new Set([
  ...STOPWORDS, 'another', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'none', 'somebody', 'someone', 'nearly', 'almost', 'half',
  ...TENS.flatMap((ten) => UNITS.map((unit) => `${ten}-${unit}`)),
]);

/**
 * A headline in title case ("Hillary Clinton Goes After Donald Trump") capitalises verbs too:
 * there a name is a given name and the word after it, or one word.
 */
function headlineCut(view: DocView, s: number, e: number): number {
  if (e - s < 2 || !isTitleCase(view, view.doc.sentenceOf[s], s)) return e;
  while (s < e - 1 && isTitleWord(view, s)) s++; // "Russian President Vladimir Putin Says"
  if (!GIVEN_NAMES.has(keyAt(view, s))) return Math.min(e, s + 1);
  let t = s + 1;
  while (t < e - 1 && keyAt(view, t).length === 1) t++; // "Mary J. Blige"
  return t + 1;
}

/** A heading and the paragraph under it are not one name: "Next Steps¶Putin’s comments". */
function lineBreakBefore(view: DocView, t: number): boolean {
  const { start, end } = view.doc.tokens;
  for (let c = end[t - 1]; c < start[t]; c++) if (view.doc.text.charCodeAt(c) === 10) return true;
  return false;
}

/**
 * "the Calderwick Fishermen's Cooperative", "Veterans' Association": a possessive of people
 * (a plural, `t - 1`) before a run of names that ends with an organisation's head word is
 * inside one name. `t` is the possessive.
 */
function ownsOrganization(view: DocView, t: number): boolean {
  const owner = keyAt(view, t - 1);
  if (!GROUP_NOUNS.has(owner) && !/[^s]s$/.test(owner)) return false;
  let end = t + 1;
  while (end < view.cap.length && startsName(view, end)) end++;
  return ORG_HEADS.has(keyAt(view, end - 1));
}

/** ".org" of "Factcheck.org": a period and a top-level domain, written onto the word before. */
function isDomain(view: DocView, t: number): boolean {
  const { start, end } = view.doc.tokens;
  return lowerAt(view, t) === '.' && DOMAINS.has(lowerAt(view, t + 1)) && start[t] === end[t - 1] && start[t + 1] === end[t];
}

const DOMAINS = new Set(['com', 'org', 'net', 'gov', 'edu', 'info', 'io', 'news']);

/** `Robert C. “Bobby” Scott`: a quoted capitalised word inside a name. */
function isNickname(view: DocView, t: number): boolean {
  const { kind } = view.doc.tokens;
  return kind[t] === QUOTE && view.cap[t + 1] === 1 && kind[t + 2] === QUOTE && view.cap[t + 3] === 1;
}

/** Adds a mention after those before it, in place of a title run it absorbs. */
function add(out: NameMention[], m: NameMention): void {
  while (out.length && out[out.length - 1].end > m.start) out.pop();
  m.index = out.length;
  out.push(m);
}

/** Adds the names of run `[s, e)`: "Obama and Clinton" → two; "Jabari of Al Jazeera" → two; "Department of Justice" stays one. */
function addRun(view: DocView, s: number, e: number, out: NameMention[]): void {
  const whole = keysOf(view, s, e);
  if (!isOrganization(view, s, e, whole)) {
    for (let t = s + 1; t < e - 1; t++) {
      const w = lowerAt(view, t);
      if (ORG_OF.has(w) && ORG_HEADS.has(keyAt(view, t - 1))) break; // "Roper Center for Public Opinion Research"
      if (CONNECTORS.has(w)) {
        add(out, describeRun(view, s, t));
        addRun(view, t + 1, e, out);
        return;
      }
    }
  }
  add(out, describeRun(view, s, e, whole));
}

function isOrganization(view: DocView, s: number, e: number, whole: string): boolean {
  if (e - s > 2 && isDomain(view, e - 2)) return true; // "Factcheck.org"
  const last = keyAt(view, e - 1);
  if (ORG_HEADS.has(last) || ORG_NAMES.has(whole)) return true;
  if (THE_NAMES.has(whole) && s > 0 && lowerAt(view, s - 1) === 'the') return true; // "The Hill"; "Anita Hill" is a person
  for (let t = s; t < e - 2; t++) if (ORG_OF.has(lowerAt(view, t + 1)) && ORG_HEADS.has(keyAt(view, t))) return true; // "Center for …", "Department of …"
  return false;
}

function describeRun(view: DocView, s: number, e: number, whole = keysOf(view, s, e)): NameMention {
  const possessive = e < view.cap.length && isPossessive(view, e);
  // every field set here, so that all mentions share one shape
  const m: NameMention = {
    index: 0, start: s, end: e, nameStart: s, nameEnd: e, name: '', key: NO_KEY, nickname: undefined, kind: null, role: undefined,
    roleEntry: undefined, place: undefined, party: undefined, gender: undefined, possessive, quoted: view.doc.quoteOf[s] >= 0,
  };
  if (isOrganization(view, s, e, whole)) {
    m.kind = 'organization';
  } else if (PLACES.has(whole) || REGIONS.has(whole)) {
    m.kind = 'place';
  } else {
    splitTitles(view, m);
    classifyName(view, m, whole);
    if (isDemonymOutlet(view, m)) {
      m.kind = 'organization';
      m.nameStart = m.start;
      m.place = undefined;
    }
  }
  m.name = nameWithoutNicknames(view, m.nameStart, m.nameEnd);
  m.key = keyFromTokens(view, m);
  partyLabel(view, m);
  return m;
}

/** Moves titles, roles, modifiers and demonyms before the name into the mention's role and place. */
function splitTitles(view: DocView, m: NameMention): void {
  let lastTitle = -1;
  for (let t = m.start; t < m.end - 1; t++) if (isTitleWord(view, t)) lastTitle = t;
  if (lastTitle >= 0 && m.end - lastTitle - 1 >= 1) m.nameStart = lastTitle + 1;
  // "Special US envoy Steve Witkov": lower-case role words before the capitalised run
  let s = m.start;
  while (s > 0 && m.start - s < 6 && isTitleWord(view, s - 1) && view.doc.tokens.kind[s - 1] === WORD) s--;
  if (s < m.start && (ROLES.has(keyAt(view, m.start - 1)) || view.cap[m.start - 1])) m.start = s;
  let previous = -1; // where the last role found starts
  for (let t = m.start; t < m.nameStart; t++) {
    const k = keyAt(view, t);
    const role = (ROLE_FIRST_WORDS.has(k) ? ROLES.get(`${k} ${keyAt(view, t + 1)}`) : undefined) ?? ROLES.get(k);
    if (role) {
      // a capitalised title after a lower-case description is a role of its own: "vice-presidential
      // nominee Gov. Mike Pence" is "Gov." (but "Deputy Mayor Lena Varga" is "Deputy Mayor")
      const from = previous >= 0 && view.cap[t] && !view.cap[previous] ? t : m.start;
      m.roleEntry = role;
      m.role = roleText(view, from, t + role.phrase.split(' ').length);
      previous = t;
    }
    const place = DEMONYMS.get(k);
    if (place) m.place = place.name;
    if (PARTIES.has(k)) m.party = PARTIES.get(k);
    const g = HONORIFICS.get(k);
    if (g === 'male' || g === 'female') m.gender = g;
  }
  if (m.roleEntry?.gender) m.gender ??= m.roleEntry.gender;
}

/**
 * "the Philippine Star", "the Irish Independent": after "the", a demonym and a name that no
 * role, honorific or given name makes a person's is an organisation, named whole (not a person
 * "Star" of the Philippines, whom any other "Star" would then be taken for).
 */
function isDemonymOutlet(view: DocView, m: NameMention): boolean {
  if (m.kind !== null || m.role || m.gender || m.party || m.nameStart === m.start || lowerAt(view, m.start - 1) !== 'the') return false;
  if (GIVEN_NAMES.has(keyAt(view, m.nameStart))) return false;
  for (let t = m.start; t < m.nameStart; t++) if (!DEMONYMS.has(keyAt(view, t))) return false;
  return true;
}

function isTitleWord(view: DocView, t: number): boolean {
  const k = keyAt(view, t);
  return TITLE_WORDS.has(k) || (ROLE_LAST_WORDS.has(k) && ROLES.has(`${keyAt(view, t - 1)} ${k}`));
}

/** The role as written, without demonyms and parties: "Special envoy", "President". */
function roleText(view: DocView, s: number, e: number): string {
  const words: string[] = [];
  for (let t = s; t < e; t++) {
    const k = keyAt(view, t);
    if (!DEMONYMS.has(k) && !PARTIES.has(k) && !HONORIFICS.has(k)) words.push(spanText(view, t, t + 1));
  }
  return words.join(' ');
}

function isGroupWord(k: string): boolean {
  return GROUP_NOUNS.has(k) || (DEMONYMS.has(k) && k.endsWith('s'));
}

function classifyName(view: DocView, m: NameMention, whole: string): void {
  const single = m.nameEnd - m.nameStart === 1;
  const titled = m.nameStart !== m.start || m.nameEnd !== m.end; // else the whole run, already no place
  const key = titled ? keysOf(view, m.nameStart, m.nameEnd) : whole;
  const first = keyAt(view, m.nameStart);
  if (m.nameStart > m.start && (m.role || m.gender || HONORIFICS.has(keyAt(view, m.nameStart - 1)))) m.kind = 'person';
  else if (titled && (PLACES.has(key) || REGIONS.has(key))) m.kind = 'place';
  else if (isGroupWord(keyAt(view, m.nameEnd - 1))) m.kind = 'group'; // "Republicans", "African Americans"
  else if (single && DEMONYMS.has(first)) return; // "Russian forces": an adjective
  else if (GIVEN_NAMES.has(first) && !single) m.kind = 'person';
  else if (!single && m.start > 0 && PREPOSITIONS.has(lowerAt(view, m.start - 1))) m.kind = 'place'; // "in Staten Island"
  if (m.kind === 'person' && !m.gender && !single) {
    const g = GIVEN_NAMES.get(first);
    if (g) m.gender = g;
  }
}

/** "(R-S.C.)", "(D-Mont.)", ", R-Ky.," right after the name. */
function partyLabel(view: DocView, m: NameMention): void {
  const { text, tokens } = view.doc;
  if (m.end >= tokens.count) return;
  const c = text.charCodeAt(tokens.start[m.end]);
  const next = c === 40 || c === 44 ? m.end + 1 : m.end; // "(" or ","
  if (next >= tokens.count || text.charCodeAt(tokens.start[next] + 1) !== 45) return; // "R-…"
  const w = lowerAt(view, next);
  if (/^[rdi]-/.test(w)) m.party = w[0].toUpperCase();
}

const NO_KEY: NameKey = { norm: '', words: [], acronym: '' };
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const ACRONYM_SKIP = new Set(['of', 'and', 'the', 'for', '&']);

/** {@link normalizeName} from the tokens: keys without apostrophes, nicknames or suffixes. */
function keyFromTokens(view: DocView, m: NameMention): NameKey {
  const words: string[] = [];
  let acronym = '';
  const { kind } = view.doc.tokens;
  for (let t = m.nameStart; t < m.nameEnd; t++) {
    const nickname = isNickname(view, t - 1);
    if (nickname) m.nickname = keyAt(view, t);
    if (nickname || kind[t] !== WORD) continue;
    const k = keyAt(view, t);
    const w = isPlain(k) ? k : normalizeName(k);
    if (!w) continue;
    if (w.includes(' ')) words.push(...w.split(' '));
    else words.push(w);
    if (view.cap[t] && !ACRONYM_SKIP.has(k)) acronym += w[0];
  }
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  return { norm: words.length === 1 ? words[0] : words.join(' '), words, acronym: m.nameEnd - m.nameStart > 1 ? acronym : '' };
}

/** Only a-z and digits: already in normalised form. */
function isPlain(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return w.length > 0;
}

function nameWithoutNicknames(view: DocView, s: number, e: number): string {
  const { kind, start, end } = view.doc.tokens;
  let plain = true;
  for (let t = s; t < e && plain; t++) plain = kind[t] !== QUOTE && (t === s || start[t] === end[t - 1] + 1 || start[t] === end[t - 1]);
  if (plain) return view.doc.text.slice(start[s], end[e - 1]);
  const words: string[] = [];
  for (let t = s; t < e; t++) {
    if (isNickname(view, t - 1) || view.doc.tokens.kind[t] === QUOTE) continue;
    words.push(spanText(view, t, t + 1));
  }
  return words.join(' ');
}

/**
 * The {@link placeKey} of tokens `[s, e)`, from the view's keys, to look up in the lists of
 * organisations, places and regions — or '', which none holds, for several words that no name of
 * several words in them starts with (most runs: the key is not built).
 */
function keysOf(view: DocView, s: number, e: number): string {
  let out = keyAt(view, s);
  if (e - s > 1 && !MULTIWORD_STARTS.has(withoutPeriods(out))) return '';
  for (let t = s + 1; t < e; t++) out += ` ${keyAt(view, t)}`;
  return withoutPeriods(out);
}

function withoutPeriods(key: string): string {
  return key.indexOf('.') >= 0 ? key.replace(/\./g, '') : key;
}

/** First words of the organisations, places and regions whose names have several ("new" of "new york"). */
const MULTIWORD_STARTS = new Set([...ORG_NAMES, ...THE_NAMES, ...PLACES.keys(), ...REGIONS].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' '))));

function spanText(view: DocView, s: number, e: number): string {
  return view.doc.text.slice(view.doc.tokens.start[s], view.doc.tokens.end[e - 1]);
}
