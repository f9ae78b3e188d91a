import { NUMBER, WORD } from '../text/tokens.js';
import { linkMention, type ResolveContext } from './context.js';
import type { NameMention } from './mentions.js';
import { COLLECTIVES, GROUP_NOUNS, NON_AGENTS, ORG_HEADS, STOPWORDS, THINGS, type PronounEntry } from './lexicon.js';
import { headsShare } from './nominals.js';
import type { Reference } from './history.js';
import type { EntityRecord } from './registry.js';
import { keyAt, lowerAt, type DocView } from './view.js';

/** How many tokens back a relative pronoun looks for its noun: "Hugh Hewitt, who". */
const RELATIVE_REACH = 12;

/**
 * The entity a third-person pronoun at token `t` refers to: the nearest compatible subject
 * (gender and number agree; the leftmost of its sentence, same sentence first, then earlier
 * ones), or for "who"/"which" the name just before it. First and second person are left to
 * the caller (the speaker of an enclosing quote), so they give undefined here.
 * @example resolvePronoun(ctx, t, PRONOUNS.get('she')!)?.name // 'Dosa Jabari'
 */
export function resolvePronoun(ctx: ResolveContext, t: number, p: PronounEntry): EntityRecord | undefined {
  if (p.person !== 3) return undefined;
  const found = p.relative
    ? (restrictsNoun(ctx, t) ? phraseBefore(ctx, personalNounEnd(ctx, t)) : undefined) ?? relativeAntecedent(ctx, t, p) ?? appositiveNames(ctx, t) ?? phraseBefore(ctx, t)
    : personalAntecedent(ctx, t, p);
  if (!found) return undefined;
  if (found.kind === 'person' && (p.gender === 'male' || p.gender === 'female')) {
    found.gender ??= p.gender;
    found.confirmed = true;
  }
  ctx.registry.refer(found, t, t + 1);
  ctx.history.add(ctx.view, t, t + 1, found, !!p.possessive);
  return found;
}

/** The nearest compatible reference, a subject rather than an object or possessive ({@link History.antecedent}). */
function personalAntecedent(ctx: ResolveContext, t: number, p: PronounEntry): EntityRecord | undefined {
  if (p.number === 'plural') {
    const people = ctx.history.antecedent(ctx.view, t, (e) => e.plural || e.kind === 'group', 2);
    if (people) return namedExamples(ctx, people) ?? people.entity;
  }
  return ctx.history.antecedent(ctx.view, t, (e) => agrees(e, p), 12, p.gender === 'male' || p.gender === 'female' ? p.gender : undefined)?.entity;
}

const EXAMPLE_MARKERS = new Set(['like', 'including']);

/**
 * "Critics of the program, like Senators Ana Ruiz and Paul Eder, see …. They sent a letter":
 * when "they" lands on a bare plural ("Critics") whose own phrase names people by example, the
 * named people, who can act, are meant rather than the class.
 */
function namedExamples(ctx: ResolveContext, r: Reference): EntityRecord | undefined {
  const { view, history, coordinations } = ctx;
  if (r.entity.kind !== 'group' || coordinations.has(r.entity) || ARTICLES.has(lowerAt(view, r.pos - 1)) || r.end - r.pos !== 1) return undefined;
  for (let i = history.before(r.end + 12); i >= 0 && history.refs[i].pos >= r.end; i--) {
    const x = history.refs[i];
    if (x.sentence === r.sentence && coordinations.has(x.entity) && EXAMPLE_MARKERS.has(lowerAt(view, x.pos - 1))) return x.entity;
  }
  return undefined;
}

/** Gender and number agreement between a pronoun and an entity. */
function agrees(e: EntityRecord, p: PronounEntry): boolean {
  if (p.gender === 'male' || p.gender === 'female') {
    return e.kind === 'person' && !e.plural && (e.gender === undefined || e.gender === p.gender) && (e.confirmed || e.name.includes(' '));
  }
  if (p.number === 'plural') return e.plural || e.kind === 'group' || e.kind === 'organization';
  return (e.kind === 'organization' || e.kind === 'place') && !e.plural; // "it"
}

/**
 * "Hugh Hewitt, who had pressed him"; "Heather Samuelson, a … legal assistant who made": the
 * nearest earlier reference in the sentence, within {@link RELATIVE_REACH} tokens, that can be
 * a "who" (a person or group) or a "which" (anything but a person).
 */
function relativeAntecedent(ctx: ResolveContext, t: number, p: PronounEntry): EntityRecord | undefined {
  const { refs } = ctx.history;
  const sentence = ctx.view.doc.sentenceOf[t];
  for (let i = ctx.history.before(t); i >= 0; i--) {
    const r = refs[i];
    if (t - r.end > RELATIVE_REACH || r.sentence !== sentence) return undefined;
    if (r.possessive) continue;
    const kind = r.entity.kind;
    if (p.gender === 'neuter' ? kind !== 'person' : kind === 'person' || kind === 'group' || r.end === t || lowerAt(ctx.view, r.end) === ',') return r.entity;
  }
  return undefined;
}

/**
 * "an architect who said", "one of three members who voted": a relative right after a common
 * noun restricts that noun, not a name earlier in the sentence — unless the noun phrase is an
 * appositive to a name ("Ana Ruiz, a city clerk who …").
 */
function restrictsNoun(ctx: ResolveContext, t: number): boolean {
  const { view } = ctx;
  const n = t - 1;
  if (n < 0 || view.doc.tokens.kind[n] !== WORD || view.cap[n] || ctx.mentionAt[n] >= 0 || STOPWORDS.has(lowerAt(view, n))) return false;
  let s = n;
  while (s > 0 && n - s < 6 && view.doc.tokens.kind[s - 1] === WORD && !STOPWORDS.has(lowerAt(view, s - 1))) s--;
  while (s > 0 && ARTICLES.has(lowerAt(view, s - 1))) s--;
  return !(s > 1 && lowerAt(view, s - 1) === ',' && ctx.mentionAt[s - 2] >= 0);
}

const ARTICLES = new Set(['a', 'an', 'the']);
const NOUN_PREPOSITIONS = new Set(['to', 'of', 'for', 'at', 'on', 'in', 'with', 'from']);

/**
 * "listeners to his radio program who said": "who" takes a person, not the organisation or
 * thing right before it, so it skips back over the prepositional phrase to the noun that phrase
 * modifies. Returns where the antecedent phrase ends (`t` when nothing is skipped).
 */
function personalNounEnd(ctx: ResolveContext, t: number): number {
  const { view } = ctx;
  const w = lowerAt(view, t);
  const before = keyAt(view, t - 1);
  if ((w !== 'who' && w !== 'whom') || !(ORG_HEADS.has(before) || NON_AGENTS.has(before))) return t;
  const from = Math.max(view.doc.sentences[view.doc.sentenceOf[t]].start + 1, t - 10);
  for (let k = t - 2; k >= from; k--) {
    if (!NOUN_PREPOSITIONS.has(lowerAt(view, k))) continue;
    const n = keyAt(view, k - 1);
    return view.doc.tokens.kind[k - 1] === WORD && !view.cap[k - 1] && !STOPWORDS.has(n) && !ORG_HEADS.has(n) && !NON_AGENTS.has(n) ? k : t;
  }
  return t;
}

/**
 * "China and the United States, the world's two biggest polluters, which …": a relative after
 * an appositive (", the …," or ", a …,") refers to the names the appositive describes — one
 * name, or names joined by "and" (a group).
 */
function appositiveNames(ctx: ResolveContext, t: number): EntityRecord | undefined {
  const { view } = ctx;
  if (lowerAt(view, t - 1) !== ',') return undefined;
  const sentence = view.doc.sentences[view.doc.sentenceOf[t]];
  let c = t - 2;
  while (c > sentence.start && t - c < 10 && lowerAt(view, c) !== ',') c--;
  if (lowerAt(view, c) !== ',' || !ARTICLES.has(lowerAt(view, c + 1))) return undefined;
  const names: NameMention[] = [];
  for (let k = c - 1; k >= sentence.start && ctx.mentionAt[k] >= 0;) {
    const m = ctx.mentions[ctx.mentionAt[k]];
    names.unshift(m);
    k = m.start - 1;
    if (lowerAt(view, k) === 'the') k--;
    if (lowerAt(view, k) !== 'and' && !(lowerAt(view, k) === ',' && names.length === 1 && lowerAt(view, c - 1) !== ',')) break;
    k--;
    if (lowerAt(view, k) === 'the') k--;
  }
  if (!names.length) return undefined;
  if (names.length === 1) return linkMention(ctx, names[0]);
  const list = names.map((m) => ctx.entityOf[m.index]?.name ?? m.name); // the group speaks, not each place in it
  const entity = ctx.registry.describe('group', `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`, names[0].start, c);
  ctx.history.add(view, names[0].start, c, entity, false);
  return entity;
}

/** A number or the slash inside one: "family members of 9/11 victims". */
function inNumber(view: DocView, t: number): boolean {
  const { kind } = view.doc.tokens;
  return kind[t] === NUMBER || (lowerAt(view, t) === '/' && kind[t - 1] === NUMBER && kind[t + 1] === NUMBER);
}

/**
 * "wealthy Chinese citizens, who", "95 retired generals and admirals — most of whom", "the
 * Saudi government, which": with no name in reach, the noun phrase right before the relative
 * pronoun names the antecedent (without determiners and numbers).
 */
function phraseBefore(ctx: ResolveContext, t: number): EntityRecord | undefined {
  const { view } = ctx;
  let e = t;
  while (e > 0 && (lowerAt(view, e - 1) === ',' || /^[—–-]+$/.test(lowerAt(view, e - 1)) || /^(?:most|many|some|all|both|none|each|one|several) of$/.test(`${lowerAt(view, e - 2)} ${lowerAt(view, e - 1)}`))) {
    e -= lowerAt(view, e - 1) === 'of' ? 2 : 1;
  }
  let s = e;
  for (let words = 0; s > 0 && words < 6 && (inNumber(view, s - 1) || (view.doc.tokens.kind[s - 1] === WORD && (!STOPWORDS.has(lowerAt(view, s - 1)) || lowerAt(view, s - 1) === 'and' || lowerAt(view, s - 1) === 'of'))); s--) {
    if (lowerAt(view, s - 1) !== '/' && lowerAt(view, s - 2) !== '/') words++; // "9/11" is one word
  }
  // a share keeps its number ("9 percent who"), a noun does not ("95 retired generals, who")
  const share = headsShare(view, e - 1);
  while (s < e && (lowerAt(view, s) === 'and' || lowerAt(view, s) === 'of' || (inNumber(view, s) && !share))) s++;
  if (s >= e) return undefined;
  const head = keyAt(view, e - 1);
  const kind = ORG_HEADS.has(head) || NON_AGENTS.has(head) || THINGS.has(head) ? 'organization'
    : head.endsWith('s') || GROUP_NOUNS.has(head) || COLLECTIVES.has(head) || share ? 'group' : 'person';
  const { start, end } = view.doc.tokens;
  const entity = ctx.registry.describe(kind, view.doc.text.slice(start[s], end[e - 1]), s, e);
  ctx.history.add(view, s, e, entity, false);
  return entity;
}
