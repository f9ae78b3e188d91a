import type { EntityKind } from '../core/types.js';
import { PUNCT, QUOTE, WORD } from '../text/tokens.js';
import { linkMention, modifiesNoun, type ResolveContext } from './context.js';
import {
  COLLECTIVES, DEMONYMS, GATHERINGS, GROUP_DETERMINERS, GROUP_NOUNS, NON_AGENTS, ORG_CLASSES, ORG_HEADS, PLURAL_ROLES, PRONOUNS, ROLE_WORDS, ROLES, STOPWORDS, THINGS, TITLE_MODIFIERS,
} from './lexicon.js';
import type { NameMention } from './mentions.js';
import { headsShare, roleHead, skipDeterminers, standsForPeople, supportedNominal } from './nominals.js';
import { fullerPhrase, ownedPhrase } from './fuller-phrase.js';
import { leadPhrase } from './headline.js';
import { resolvePronoun } from './pronouns.js';
import { trimTrailingTime } from './source-edges.js';
import { addRole, type EntityRecord } from './registry.js';
import { isPossessive, keyAt, lowerAt } from './view.js';

const AFFILIATION_PREPS = new Set(['of', 'for', 'at', 'from', 'with', 'on', 'in', 'by']);
const COORDINATION = new Set([',', 'and', '&', '(', ')', 'both', 'all', 'also']);
const POST_MODIFIERS = new Set(['of', 'for', 'in', 'on', 'at', 'from', 'who', 'that', 'which', 'with', 'to', '(', ',', 'like', 'including', 'such']);
const GROUPED_NAME = new Set(['campaign', 'administration', 'team', 'camp']);
const DISTRIBUTIVES = new Set(['each', 'both', 'all']);

/**
 * The entity a source mention names or refers to: a name ("Al Jazeera’s Dosa Jabari" → Dosa
 * Jabari, affiliation Al Jazeera), coordinated names (a group), a pronoun or a description
 * (resolved back through the text), or a new entity named by the description ("analysts").
 * @example resolveSource(ctx, s, e)?.name // 'Vladimir Putin'
 */
export function resolveSource(ctx: ResolveContext, s: number, e: number): EntityRecord | undefined {
  [s, e] = trim(ctx, s, e);
  e = trimTrailingTime(ctx, s, e);
  if (s >= e || (e - s > 1 && ANYONE.has(lowerAt(ctx.view, s)))) return undefined; // "Anyone who knows McConnell", "Everyone but Hewlett": no one named
  const ahead = leadPhrase(ctx, s, e);
  const forward = ahead && resolveSource(ctx, ahead[0], ahead[1]);
  if (forward) return refer(ctx, forward, s, e);
  if (e - s === 1 || isQuantifiedRelative(ctx, s, e)) {
    const p = PRONOUNS.get(lowerAt(ctx.view, e - 1));
    if (p) return resolvePronoun(ctx, e - 1, p);
  }
  const distributive = e - s === 1 && DISTRIBUTIVES.has(lowerAt(ctx.view, s)) ? ctx.history.antecedent(ctx.view, s, (x) => x.plural, 0) : undefined;
  if (distributive) return distributive.entity; // "Ruiz and Eder met, each saying …"
  const lead = PRONOUNS.get(lowerAt(ctx.view, s));
  if (lead?.relative && !lead.possessive) return resolvePronoun(ctx, s, lead); // "which together"
  const whole = named(ctx, s, e, true);
  if (whole) return whole;
  const comma = topLevelComma(ctx, s, e);
  const first = named(ctx, s, comma);
  if (first) {
    if (comma < e) appositive(ctx, first, comma + 1, e);
    return andOthers(ctx, first, s, comma, e) ?? first;
  }
  // "An attorney for Pagliano, Mark MacDougall,": the name after a description, which gives its role
  const second = comma < e && roleHead(ctx, s, headEnd(ctx, s, comma)) && startsWithName(ctx, comma + 1, e) ? named(ctx, comma + 1, e) : undefined;
  if (second) {
    appositive(ctx, second, skipDeterminers(ctx, s, comma), comma);
    return second;
  }
  const pronoun = edgePronoun(ctx, s, comma);
  if (pronoun >= 0) return resolvePronoun(ctx, pronoun, PRONOUNS.get(lowerAt(ctx.view, pronoun))!);
  if (!looksNominal(ctx, s)) return ctx.history.antecedent(ctx.view, s, (x) => x.kind === 'person' && x.confirmed && !x.plural, 2)?.entity;
  return described(ctx, s, comma);
}

/**
 * "Ana Ruiz, head of the city's transit office, and other planners": a name joined to "other"
 * people of a kind is a group of both ("Ana Ruiz and other planners").
 */
function andOthers(ctx: ResolveContext, first: EntityRecord, s: number, comma: number, e: number): EntityRecord | undefined {
  let t = e - 2;
  while (t > comma && !(lowerAt(ctx.view, t) === 'and' && lowerAt(ctx.view, t + 1) === 'other')) t--;
  if (t <= comma || lowerAt(ctx.view, t - 1) !== ',' || !ctx.view.doc.tokens.kind.subarray(t + 2, e).every((k) => k === WORD)) return undefined;
  const { start, end } = ctx.view.doc.tokens;
  const entity = ctx.registry.describe('group', `${first.name} and ${ctx.view.doc.text.slice(start[t + 1], end[e - 1])}`, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

/** A noun before the first name makes the names part of a description. */
function describedBefore(ctx: ResolveContext, s: number, e: number): boolean {
  for (let t = s; t < e; t++) {
    const k = keyAt(ctx.view, t);
    if (!ctx.view.cap[t] && (GROUP_NOUNS.has(k) || NON_AGENTS.has(k) || ORG_HEADS.has(k))) return true;
  }
  return false;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it']);
/** Pronouns for anyone at all: a source they open names no one, whatever names follow. */
const ANYONE = new Set(['everyone', 'everybody', 'anyone', 'anybody', 'nobody', 'none']);
const INDEFINITES = new Set(['another', 'one', 'each', 'not', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'anyone', 'none', 'no']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'this', 'that']);

/** The names start the span, after determiners and titles only: not "polls in the Middle West and Florida". */
function opensWith(ctx: ResolveContext, s: number, m: NameMention): boolean {
  for (let t = s; t < m.start; t++) if (!DETERMINERS.has(lowerAt(ctx.view, t)) && !ROLES.has(keyAt(ctx.view, t)) && !TITLE_MODIFIERS.has(keyAt(ctx.view, t))) return false;
  return true;
}

/** A name, maybe after title words, opens `[s, e)`: "Mark MacDougall", "state Del. Marcia Price", not "like Senators …". */
function startsWithName(ctx: ResolveContext, s: number, e: number): boolean {
  for (let t = s; t < e && t < s + 4; t++) {
    if (ctx.mentionAt[t] >= 0) return true;
    if (!TITLE_MODIFIERS.has(keyAt(ctx.view, t)) && !ROLES.has(keyAt(ctx.view, t))) return false;
  }
  return false;
}

/** "She said she", "… network RT he": a span that is no noun phrase but starts or ends with a personal pronoun. */
function edgePronoun(ctx: ResolveContext, s: number, e: number): number {
  for (const t of [s, e - 1]) {
    const p = PRONOUNS.get(lowerAt(ctx.view, t));
    if (p && SUBJECT_PRONOUNS.has(lowerAt(ctx.view, t)) && ctx.mentionAt[t] < 0) return t; // not "Those close to him"
  }
  return -1;
}

/**
 * Whether a source can be a description: it opens with a determiner, a number, a noun from
 * the lexicons or an adjective-like word — not with a verb or preposition ("going on to",
 * "During"), which an extraction error leaves; such a source falls back to the nearest subject.
 */
function looksNominal(ctx: ResolveContext, s: number): boolean {
  while (DEGREE.has(lowerAt(ctx.view, s))) s++; // "only 50 percent", "Early results of exit polls"
  const w = keyAt(ctx.view, s);
  if (ctx.view.cap[s] && !STOPWORDS.has(w)) return true;
  if (GROUP_DETERMINERS.has(w) || PRONOUNS.has(w) || /^\d/.test(w) || INDEFINITES.has(w)) return true;
  if (GROUP_NOUNS.has(w) || ROLES.has(w) || ORG_HEADS.has(w) || NON_AGENTS.has(w) || TITLE_MODIFIERS.has(w)) return true;
  return !STOPWORDS.has(w) && !/(?:ing|ed|ly)$/.test(w);
}

/** A name heads `[s, e)`: one person, organisation, place or group, or several coordinated. */
function named(ctx: ResolveContext, s: number, e: number, onlyCoordination = false): EntityRecord | undefined {
  const heads: NameMention[] = [];
  let owner: NameMention | undefined;
  for (let t = s; t < e; t++) {
    const i = ctx.mentionAt[t];
    if (i < 0) continue;
    const m = ctx.mentions[i];
    t = m.end - 1;
    if (m.possessive) owner = m;
    else if (afterPreposition(ctx, s, m.start)) { if (heads.length) affiliate(ctx, heads[heads.length - 1], m); }
    else if (!isBareRole(ctx, m) && !modifiesNoun(ctx, m, e) && !isCommonWord(ctx, m, e)) heads.push(m);
  }
  if (owner && owner.end + 1 >= e) { // "Trump’s", "Obama and Clinton’s": the possessor is the source
    if (!heads.length) return onlyCoordination ? undefined : linkMention(ctx, owner);
    heads.push(owner);
  }
  if (!heads.length) return undefined;
  if (describedBefore(ctx, s, heads[0].start)) return undefined; // "some polls in the Middle West and Florida"
  if (heads.length > 1 && coordinated(ctx, heads) && opensWith(ctx, s, heads[0])) return coordination(ctx, heads, s, e);
  if (onlyCoordination) return undefined;
  const head = heads[0];
  if (head.kind === 'group') return undefined; // "Republicans on the House Financial Services Committee": a description
  const entity = linkMention(ctx, head);
  if (owner && owner.kind === 'organization') entity.affiliation ??= linkMention(ctx, owner).name;
  if (entity.kind === 'person') entity.confirmed = true;
  return entity;
}

/** "of Al Jazeera", "from the Heritage Foundation": a preposition inside the source opens the name at `t`. */
function afterPreposition(ctx: ResolveContext, s: number, t: number): boolean {
  if (t - 1 >= s && /^\d{4}$/.test(lowerAt(ctx.view, t - 1))) t--; // "from the 2014 American Community Survey"
  if (t - 1 >= s && AFFILIATION_PREPS.has(lowerAt(ctx.view, t - 1))) return true;
  return t - 2 >= s && lowerAt(ctx.view, t - 1) === 'the' && AFFILIATION_PREPS.has(lowerAt(ctx.view, t - 2));
}

/** "Jabari of Al Jazeera": an organisation after the name is its affiliation. */
function affiliate(ctx: ResolveContext, head: NameMention, m: NameMention): void {
  if (m.kind !== 'organization') return;
  const e = linkMention(ctx, head);
  if (e.kind === 'person') e.affiliation ??= linkMention(ctx, m).name;
}

function coordinated(ctx: ResolveContext, heads: NameMention[]): boolean {
  for (let k = 1; k < heads.length; k++) {
    let separated = false;
    for (let t = heads[k - 1].end; t < heads[k].start; t++) {
      const w = lowerAt(ctx.view, t);
      if (!COORDINATION.has(w) && !/^[rdi]-/.test(w)) return false;
      if (w === 'and' || w === '&' || w === ',') separated = true;
    }
    if (!separated) return false;
  }
  return true;
}

/** "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)" → the group "Jon Tester and David Vitter". */
function coordination(ctx: ResolveContext, heads: NameMention[], s: number, e: number): EntityRecord {
  const members = heads.map((m) => linkMention(ctx, m));
  const names = members.map((x) => x.name);
  const name = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const entity = ctx.registry.describe('group', name, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

/**
 * "Developers and supporters in Congress", "Data from the survey", "Younger black voters": a
 * lone capitalised word that opens the sentence, names nothing known elsewhere and goes on with
 * "and", a preposition or a noun — or with lower-case words to the end of the source, or is a
 * plural before a comma — is a common word, not a name.
 */
function isCommonWord(ctx: ResolveContext, m: NameMention, e: number): boolean {
  if (m.kind !== null || m.end - m.start !== 1 || ctx.entityOf[m.index]) return false;
  const { sentences, sentenceOf } = ctx.view.doc;
  if (sentences[sentenceOf[m.start]].start !== m.start) return false;
  const next = keyAt(ctx.view, m.end);
  if (next === ',' && /[^s]s$/.test(keyAt(ctx.view, m.start))) return true; // "Proponents, including the mayors,"
  if (m.end < e - 1 && isLowerWord(ctx, m.end) && isLowerWord(ctx, e - 1) && !PRONOUNS.has(keyAt(ctx.view, e - 1))) return true; // "Younger black voters"
  if (!ctx.view.cap[m.end] && (next === 'and' || AFFILIATION_PREPS.has(next) || GROUP_NOUNS.has(next) || ORG_HEADS.has(next) || NON_AGENTS.has(next) || ROLES.has(next))) return true;
  return writtenInLowerCase(ctx, m.start); // "Polls show …" where the text also writes "the polls"
}

/**
 * The word at t (a sentence's first) appears in lower case elsewhere in the text, and never
 * capitalised inside a sentence: a common word ("Investors", "Polls"), not a name ("Price" of
 * "Tom Price", in an article about prices).
 */
function writtenInLowerCase(ctx: ResolveContext, t: number): boolean {
  const { view } = ctx;
  const key = keyAt(view, t);
  view.lowerOnly ??= new Map();
  let known = view.lowerOnly.get(key);
  if (known === undefined) {
    const { sentences, sentenceOf } = view.doc;
    known = false;
    for (let k = 0; k < view.cap.length; k++) {
      if (keyAt(view, k) !== key) continue;
      if (!view.cap[k]) known = true;
      else if (sentences[sentenceOf[k]].start !== k) {
        known = false;
        break;
      }
    }
    view.lowerOnly.set(key, known);
  }
  return known;
}

function isLowerWord(ctx: ResolveContext, t: number): boolean {
  return ctx.view.doc.tokens.kind[t] === WORD && !ctx.view.cap[t];
}

/** A name that is only a title ("Senator from Texas") is a description, not a name. */
function isBareRole(ctx: ResolveContext, m: NameMention): boolean {
  return m.nameEnd - m.nameStart === 1 && m.kind === null && ROLES.has(keyAt(ctx.view, m.nameStart));
}

/**
 * A description: a role that an earlier title supports ("the Russian leader"), a definite
 * reference to an organisation already named ("the campaign"), or a new entity named by the
 * description without its determiners ("analysts", "source", "Donald Trump's operatives").
 */
function described(ctx: ResolveContext, s: number, e: number): EntityRecord | undefined {
  const head = headEnd(ctx, s, e);
  const supported = supportedNominal(ctx, s, head);
  if (supported && ownerAgrees(ctx, supported, s)) return refer(ctx, supported, s, e);
  const headWord = keyAt(ctx.view, head - 1);
  const kind = kindOfHead(ctx, s, head, headWord);
  const members = definitePlural(ctx, s, head, headWord);
  if (members) return refer(ctx, members, s, e);
  if (lowerAt(ctx.view, s) === 'the' && kind === 'person' && roleHead(ctx, s, head) && knownModifiers(ctx, s + 1, roleHead(ctx, s, head)!.start)) {
    const salient = definiteRole(ctx, s, head);
    if (salient) return refer(ctx, salient, s, e);
  }
  const variation = kind === 'person' ? possessiveRole(ctx, s, head) : undefined;
  if (variation) return refer(ctx, variation, s, e);
  if (lowerAt(ctx.view, s) === 'the' && head - s === 2 && kind === 'organization') {
    const earlier = lastOrganization(ctx, s, headWord);
    if (earlier) return refer(ctx, earlier, s, e);
  }
  const people = lowerAt(ctx.view, s) === 'the' && GROUPED_NAME.has(headWord) ? ctx.mentionAt[s + 1] : -1;
  if (people >= 0 && ctx.mentions[people].end === head - 1) { // "the Trump team" → the "Trump campaign" named before
    const earlier = lastOrganization(ctx, s, headWord, ctx.mentions[people].key.norm.split(' ').pop());
    if (earlier) return refer(ctx, earlier, s, e);
  }
  const fuller = lowerAt(ctx.view, s) === 'the' && head - s === 2 && head === e ? fullerPhrase(ctx, s, head) : undefined;
  if (fuller) {
    const entity = ctx.registry.describe(kind, fuller, s, e);
    ctx.history.add(ctx.view, s, e, entity, false);
    return entity;
  }
  const from = kind === 'group' && (headsShare(ctx.view, head - 1) || standsForPeople(ctx.view, s)) ? skipArticles(ctx, s, e) : skipDeterminers(ctx, s, e);
  if (from === e - 1 && (GROUP_DETERMINERS.has(lowerAt(ctx.view, from)) || INDEFINITES.has(lowerAt(ctx.view, from)))) return undefined; // "some"
  const name = descriptionName(ctx, from, descriptionEnd(ctx, head, e), headWord);
  if (!name) return undefined;
  const entity = ctx.registry.describe(kind, name, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

/**
 * "His lawyer" is the earlier "Clinton’s lawyer Cheryl Mills" only when "his" is Clinton: a
 * description with a possessive pronoun takes a titled person only if the text wrote that
 * person's title after the same possessor.
 */
function ownerAgrees(ctx: ResolveContext, entity: EntityRecord, s: number): boolean {
  const p = PRONOUNS.get(lowerAt(ctx.view, s));
  if (!p?.possessive || p.person !== 3) return true;
  const owner = ctx.history.antecedent(ctx.view, s, (x) => x !== entity && (p.gender === 'any' || p.gender === 'neuter' || (x.kind === 'person' && (!x.gender || x.gender === p.gender))), 4)?.entity;
  for (let k = 0; k < entity.refs.length; k += 2) {
    const at = entity.refs[k];
    if (at >= s || !isPossessive(ctx.view, at - 1)) continue;
    const i = ctx.mentionAt[at - 2];
    if (i >= 0 && ctx.entityOf[i] === owner) return true;
  }
  return false;
}

function refer(ctx: ResolveContext, entity: EntityRecord, s: number, e: number): EntityRecord {
  ctx.registry.refer(entity, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

/** A description ends before a relative clause, a participle or a comma: "report released last year" → report. */
function descriptionEnd(ctx: ResolveContext, head: number, e: number): number {
  for (let t = head; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    if (w === ',' || w === 'who' || w === 'which' || w === 'that' || w === 'whose' || (t > head && /^[a-z]+(?:ed|ing)$/.test(w) && !ctx.view.cap[t])) return t;
  }
  return e;
}

/** End of the description's head: before "of", "who", a comma… ("members of Congress" → members). */
function headEnd(ctx: ResolveContext, s: number, e: number): number {
  for (let t = s + 1; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    if (POST_MODIFIERS.has(w)) return t;
    if (t > s + 1 && !ctx.view.cap[t] && /^[a-z]+(?:ed|ing)$/.test(w) && !GROUP_DETERMINERS.has(lowerAt(ctx.view, t - 1))) return t; // "report released last year"
  }
  return e;
}

function kindOfHead(ctx: ResolveContext, s: number, head: number, word: string): EntityKind {
  if (PLURAL_ROLES.has(word) || (GATHERINGS.has(word) && lowerAt(ctx.view, head) === 'of')) return 'group'; // "a group of scientists"
  if (ORG_HEADS.has(word) || NON_AGENTS.has(word) || THINGS.has(word)) return 'organization';
  if (COLLECTIVES.has(word) || headsShare(ctx.view, head - 1) || standsForPeople(ctx.view, s)) return 'group'; // "the crowd", "9 percent", "those surveyed"
  if (GROUP_NOUNS.has(word) || (word.endsWith('s') && !word.endsWith('ss') && !roleHead(ctx, s, head))) return 'group';
  return 'person';
}

/**
 * "the campaign" → the last organisation named "… campaign"; "the agency" → the last "… Bureau",
 * "… Service", "Department of …"; with an `owner` ("the Trump team"), only one named after them.
 */
function lastOrganization(ctx: ResolveContext, pos: number, head: string, owner?: string): EntityRecord | undefined {
  const ends = ORG_CLASSES.get(head) ?? [head];
  const { refs } = ctx.history;
  for (let i = ctx.history.before(pos); i >= 0; i--) {
    const x = refs[i].entity;
    if (x.kind === 'organization' && (!owner || x.norm.startsWith(`${owner} `)) && ends.some((w) => x.norm === w || x.norm.endsWith(` ${w}`) || x.norm.startsWith(`${w} of `))) return x;
  }
  return undefined;
}

/**
 * "Ruiz and Eder said …, what the senators called …", "the two men": a definite plural of people
 * refers to the people last named side by side, up to two sentences back.
 */
function definitePlural(ctx: ResolveContext, s: number, head: number, word: string): EntityRecord | undefined {
  if (lowerAt(ctx.view, s) !== 'the' || !(PLURAL_ROLES.has(word) || GROUP_NOUNS.has(word) || word === 'men' || word === 'women')) return undefined;
  for (let t = s + 1; t < head - 1; t++) if (!/^(?:two|three|both)$/.test(lowerAt(ctx.view, t)) && !TITLE_MODIFIERS.has(keyAt(ctx.view, t))) return undefined;
  return ctx.history.antecedent(ctx.view, s, (x) => ctx.coordinations.has(x), 2)?.entity;
}

/**
 * "David Axelrod on Wednesday called on Dean … “…,” Obama's former campaign strategist said": a
 * role after a named possessor, with no title to support it, names the person who opens the
 * sentence before — when that person is not the possessor and no role of theirs contradicts it.
 */
function possessiveRole(ctx: ResolveContext, s: number, head: number): EntityRecord | undefined {
  const i = ctx.mentionAt[s];
  const m = i >= 0 ? ctx.mentions[i] : undefined;
  if (!m?.possessive || m.start !== s) return undefined;
  const role = roleHead(ctx, m.end + 1, head);
  if (!role || !knownModifiers(ctx, m.end + 1, role.start)) return undefined;
  const owner = ctx.entityOf[i];
  const { sentences, sentenceOf } = ctx.view.doc;
  const previous = sentenceOf[s] - 1;
  if (previous < 0) return undefined;
  const first = ctx.history.refs[ctx.history.before(sentences[previous].start + 1)];
  if (!first || first.pos !== sentences[previous].start) return undefined;
  const x = first.entity;
  const entry = ROLES.get(role.phrase);
  const fits = x.kind === 'person' && !x.plural && x !== owner && (!entry?.gender || !x.gender || entry.gender === x.gender) &&
    (x.classes.size === 0 || !!entry?.classes.some((c) => x.classes.has(c)));
  return fits ? x : undefined;
}

/** "the [Vermont | former | Republican] senator", not "the band leader": modifiers a title could carry. */
function knownModifiers(ctx: ResolveContext, s: number, e: number): boolean {
  for (let t = s; t < e; t++) {
    const k = keyAt(ctx.view, t);
    if (!ctx.view.cap[t] && !TITLE_MODIFIERS.has(k) && !ROLE_WORDS.has(k) && k !== 'and' && !/^\d/.test(k)) return false; // "the former first lady and U.S. senator", "the 34-year-old mother"
  }
  return true;
}

/**
 * "the Vermont senator", "the New York businessman": a definite role that no title supports
 * refers, like "he", to the nearest person in subject position.
 */
function definiteRole(ctx: ResolveContext, s: number, head: number): EntityRecord | undefined {
  const entry = ROLES.get(roleHead(ctx, s, head)!.phrase);
  // a person with other known roles ("Ivanka Trump, the nominee's daughter") is not "the GOP candidate"
  const ok = (x: EntityRecord): boolean => x.kind === 'person' && !x.plural && x.confirmed &&
    (!entry?.gender || !x.gender || entry.gender === x.gender) &&
    (x.classes.size === 0 || !!entry?.gender || !!entry?.classes.some((c) => x.classes.has(c))); // a kinship word fits anyone
  return ctx.history.antecedent(ctx.view, s, ok, 3)?.entity;
}

/** The description without determiners; a possessor is resolved: "his operatives" → "Donald Trump's operatives". */
function descriptionName(ctx: ResolveContext, s: number, e: number, headWord: string): string {
  const text = ctx.view.doc.text;
  const { start, end } = ctx.view.doc.tokens;
  let owner: string | undefined;
  let from = s;
  const p = PRONOUNS.get(lowerAt(ctx.view, s));
  if (p?.possessive && p.person === 3 && s + 1 < e) {
    const entity = coordinatedOwner(ctx, s) ?? resolvePronoun(ctx, s, p);
    const written = entity && s + 2 === e ? ownedPhrase(ctx, s, entity) : undefined;
    if (written) return written;
    owner = entity?.name;
    from = s + 1;
  } else if (p?.possessive && s + 1 < e) {
    from = s + 1; // "our enemies": the writer's, a determiner like "the"
  } else {
    const i = ctx.mentionAt[s];
    const m = i >= 0 ? ctx.mentions[i] : undefined;
    if (m?.possessive && m.start === s && m.end + 1 < e) {
      owner = linkMention(ctx, m).name;
      from = m.end + 1;
    }
  }
  const rest = text.slice(start[from], end[e - 1]);
  if (!owner) return rest;
  return GROUPED_NAME.has(headWord) && from === e - 1 ? `${owner.split(' ').pop()} ${rest}` : `${owner}'s ${rest}`;
}

/**
 * "Kiev and its European allies", "the senator and her aides": the possessive pronoun right after
 * "<name> and" belongs to that name, when they agree ("its": a place or an organisation).
 */
function coordinatedOwner(ctx: ResolveContext, s: number): EntityRecord | undefined {
  if (lowerAt(ctx.view, s - 1) !== 'and' || s < 2) return undefined;
  const i = ctx.mentionAt[s - 2];
  const m = i >= 0 ? ctx.mentions[i] : undefined;
  if (!m || m.end !== s - 1 || m.possessive) return undefined;
  const p = PRONOUNS.get(lowerAt(ctx.view, s))!;
  const fits = p.gender === 'male' || p.gender === 'female' ? m.kind === 'person' || m.kind === null : p.number === 'plural' ? m.kind !== 'person' : m.kind === 'place' || m.kind === 'organization';
  if (!fits) return undefined;
  const entity = linkMention(ctx, m);
  ctx.history.add(ctx.view, s, s + 1, entity, true);
  return entity;
}

/** "Brian Fallon, the campaign’s press secretary": a role in the appositive describes the entity. */
function appositive(ctx: ResolveContext, entity: EntityRecord, s: number, e: number): void {
  if (entity.kind !== 'person') return;
  const head = headEnd(ctx, s, e);
  const role = roleHead(ctx, s, head);
  if (!role) return;
  addRole(entity, role.phrase);
  entity.role ??= ctx.view.doc.text.slice(ctx.view.doc.tokens.start[role.start], ctx.view.doc.tokens.end[head - 1]);
}

function trim(ctx: ResolveContext, s: number, e: number): [number, number] {
  const { kind } = ctx.view.doc.tokens;
  while (s < e && (kind[s] === PUNCT || kind[s] === QUOTE) && lowerAt(ctx.view, s) !== '(') s++;
  while (e > s && (kind[e - 1] === PUNCT || kind[e - 1] === QUOTE) && lowerAt(ctx.view, e - 1) !== ')' && lowerAt(ctx.view, e - 1) !== '%') e--;
  return [s, e];
}

/** The first token after articles and approximations: "about half of voters" → "half", "Those surveyed" stays whole. */
function skipArticles(ctx: ResolveContext, s: number, e: number): number {
  while (s < e - 1 && APPROXIMATIONS.has(lowerAt(ctx.view, s))) s++;
  return s;
}

/** Words of degree that may open a description ("only about 4 in 10 voters", "early results"). */
const DEGREE = new Set(['only', 'just', 'nearly', 'roughly', 'almost', 'early', 'fully', 'barely']);
const APPROXIMATIONS = new Set(['a', 'an', 'the', 'about', 'nearly', 'almost', 'roughly', 'around', 'some', 'over', 'just', 'only']);

/** "most of whom", "many of whom". */
function isQuantifiedRelative(ctx: ResolveContext, s: number, e: number): boolean {
  return e - s === 3 && lowerAt(ctx.view, s + 1) === 'of' && (lowerAt(ctx.view, e - 1) === 'whom' || lowerAt(ctx.view, e - 1) === 'which');
}

function topLevelComma(ctx: ResolveContext, s: number, e: number): number {
  let depth = 0;
  for (let t = s; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    if (w === '(') depth++;
    else if (w === ')') depth--;
    else if (w === ',' && depth === 0 && t > s) return t;
  }
  return e;
}
