import type { EntityKind } from '../core/types.js';
import { QUOTE, WORD } from '../text/tokens.js';
import {
  DEMONYMS, GIVEN_NAMES, GROUP_NOUNS, HONORIFICS, ORG_HEADS, ORG_NAMES, PLACES, REGIONS, ROLES, STOPWORDS, TITLE_MODIFIERS,
  placeKey, type RoleEntry,
} from './lexicon.js';
import { isPossessive, type DocView } from './view.js';

/** A capitalised name in the text, with the titles and roles written before it. */
export interface NameMention {
  /** Token range of the whole mention, titles included. */
  start: number;
  end: number;
  /** Token range of the name itself. */
  nameStart: number;
  nameEnd: number;
  /** The name without quoted nicknames: "Robert C. Scott". */
  name: string;
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

const CONNECTORS = new Set(['of', 'and', 'for', '&', 'on']);
const PARTICLES = new Set(['bin', 'ibn', 'al', 'van', 'von', 'de', 'da', 'di', 'du', 'del', 'la', 'le']);
const PARTIES: Record<string, string> = { republican: 'R', gop: 'R', democratic: 'D', democrat: 'D', independent: 'I' };
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'across', 'into', 'outside', 'inside']);

/** Lower case without a final period: "Sen." → "sen". */
export function keyOf(view: DocView, t: number): string {
  const w = view.lower[t];
  return w.endsWith('.') && w.length > 1 ? w.slice(0, -1) : w;
}

/**
 * Every capitalised name in the text (people, organisations, places, groups), in text order,
 * with its titles: "Russian President Vladimir Putin", "Special US envoy Steve Witkov",
 * "Sen. Lindsey Graham (R-S.C.)". One linear pass over the tokens.
 * @example findNameMentions(buildView(analyzeText('Russian President Vladimir Putin said.')))[0].name // 'Vladimir Putin'
 */
export function findNameMentions(view: DocView): NameMention[] {
  const out: NameMention[] = [];
  const n = view.lower.length;
  for (let t = 0; t < n; t++) {
    if (!startsName(view, t)) continue;
    let e = t + 1;
    while (e < n && !lineBreakBefore(view, e)) {
      if (continuesName(view, e)) { e++; continue; }
      if ((CONNECTORS.has(view.lower[e]) || PARTICLES.has(view.lower[e])) && e + 1 < n && continuesName(view, e + 1)) { e += 2; continue; }
      if (isNickname(view, e)) { e += 3; continue; }
      break;
    }
    for (const [s, end] of splitRun(view, t, e)) {
      const m = describeRun(view, s, end);
      while (out.length && out[out.length - 1].end > m.start) out.pop(); // a title run absorbed into this one
      out.push(m);
    }
    t = e - 1;
  }
  return out;
}

function startsName(view: DocView, t: number): boolean {
  return view.cap[t] === 1 && (!STOPWORDS.has(keyOf(view, t)) || HONORIFICS.has(keyOf(view, t)) || isAcronym(view, t));
}

function continuesName(view: DocView, t: number): boolean {
  return startsName(view, t);
}

/** "US", "NATO": all capitals, so not the pronoun "us". */
function isAcronym(view: DocView, t: number): boolean {
  const w = view.doc.text.slice(view.doc.tokens.start[t], view.doc.tokens.end[t]);
  return w.length > 1 && w === w.toUpperCase();
}

/** A heading and the paragraph under it are not one name: "Next Steps¶Putin’s comments". */
function lineBreakBefore(view: DocView, t: number): boolean {
  const { start, end } = view.doc.tokens;
  return view.doc.text.slice(end[t - 1], start[t]).includes('\n');
}

/** `Robert C. “Bobby” Scott`: a quoted capitalised word inside a name. */
function isNickname(view: DocView, t: number): boolean {
  const { kind } = view.doc.tokens;
  return kind[t] === QUOTE && view.cap[t + 1] === 1 && kind[t + 2] === QUOTE && view.cap[t + 3] === 1;
}

/** "Obama and Clinton" → two names; "Jabari of Al Jazeera" → two; "Department of Justice" stays one. */
function splitRun(view: DocView, s: number, e: number): Array<[number, number]> {
  if (isOrganization(view, s, e)) return [[s, e]];
  for (let t = s + 1; t < e - 1; t++) {
    if (CONNECTORS.has(view.lower[t])) return [[s, t], ...splitRun(view, t + 1, e)];
  }
  return [[s, e]];
}

function isOrganization(view: DocView, s: number, e: number): boolean {
  const last = keyOf(view, e - 1);
  if (ORG_HEADS.has(last) || ORG_NAMES.has(placeKey(spanText(view, s, e)))) return true;
  return e - s > 2 && ORG_HEADS.has(keyOf(view, s)) && (view.lower[s + 1] === 'of' || view.lower[s + 1] === 'for');
}

function describeRun(view: DocView, s: number, e: number): NameMention {
  const possessive = e < view.lower.length && isPossessive(view, e);
  const m: NameMention = {
    start: s, end: e, nameStart: s, nameEnd: e, name: '', kind: null, possessive, quoted: view.doc.quoteOf[s] >= 0,
  };
  const whole = placeKey(spanText(view, s, e));
  if (isOrganization(view, s, e)) {
    m.kind = 'organization';
  } else if (PLACES.has(whole) || REGIONS.has(whole)) {
    m.kind = 'place';
  } else {
    splitTitles(view, m);
    classifyName(view, m);
  }
  m.name = nameWithoutNicknames(view, m.nameStart, m.nameEnd);
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
  if (s < m.start && (ROLES.has(keyOf(view, m.start - 1)) || view.cap[m.start - 1])) m.start = s;
  for (let t = m.start; t < m.nameStart; t++) {
    const k = keyOf(view, t);
    const role = ROLES.get(k) ?? ROLES.get(`${k} ${keyOf(view, t + 1)}`);
    if (role) { m.roleEntry = role; m.role = roleText(view, m.start, t + role.phrase.split(' ').length); }
    const place = DEMONYMS.get(k);
    if (place) m.place = place.name;
    if (PARTIES[k]) m.party = PARTIES[k];
    const g = HONORIFICS.get(k);
    if (g === 'male' || g === 'female') m.gender = g;
  }
  if (m.roleEntry?.gender) m.gender ??= m.roleEntry.gender;
}

function isTitleWord(view: DocView, t: number): boolean {
  const k = keyOf(view, t);
  return HONORIFICS.has(k) || ROLES.has(k) || TITLE_MODIFIERS.has(k) || DEMONYMS.has(k) || PARTIES[k] !== undefined ||
    (ROLES.has(`${keyOf(view, t - 1)} ${k}`));
}

/** The role as written, without demonyms and parties: "Special envoy", "President". */
function roleText(view: DocView, s: number, e: number): string {
  const words: string[] = [];
  for (let t = s; t < e; t++) {
    const k = keyOf(view, t);
    if (!DEMONYMS.has(k) && !PARTIES[k] && !HONORIFICS.has(k)) words.push(spanText(view, t, t + 1));
  }
  return words.join(' ');
}

function classifyName(view: DocView, m: NameMention): void {
  const single = m.nameEnd - m.nameStart === 1;
  const key = placeKey(spanText(view, m.nameStart, m.nameEnd));
  const first = keyOf(view, m.nameStart);
  if (m.nameStart > m.start && (m.role || m.gender || HONORIFICS.has(keyOf(view, m.nameStart - 1)))) m.kind = 'person';
  else if (PLACES.has(key) || REGIONS.has(key)) m.kind = 'place';
  else if (single && (GROUP_NOUNS.has(first) || (DEMONYMS.has(first) && first.endsWith('s')))) m.kind = 'group';
  else if (single && DEMONYMS.has(first)) return; // "Russian forces": an adjective
  else if (GIVEN_NAMES.has(first) && !single) m.kind = 'person';
  else if (m.start > 0 && PREPOSITIONS.has(view.lower[m.start - 1])) m.kind = 'place';
  if (m.kind === 'person' && !m.gender && !single) {
    const g = GIVEN_NAMES.get(first);
    if (g) m.gender = g;
  }
}

/** "(R-S.C.)", "(D-Mont.)", ", R-Ky.," right after the name. */
function partyLabel(view: DocView, m: NameMention): void {
  const next = view.lower[m.end] === '(' || view.lower[m.end] === ',' ? m.end + 1 : m.end;
  const w = view.lower[next];
  if (w && /^[rdi]-/.test(w)) m.party = w[0].toUpperCase();
}

function nameWithoutNicknames(view: DocView, s: number, e: number): string {
  const words: string[] = [];
  for (let t = s; t < e; t++) {
    if (isNickname(view, t - 1) || view.doc.tokens.kind[t] === QUOTE) continue;
    words.push(spanText(view, t, t + 1));
  }
  return words.join(' ');
}

function spanText(view: DocView, s: number, e: number): string {
  return view.doc.text.slice(view.doc.tokens.start[s], view.doc.tokens.end[e - 1]);
}
