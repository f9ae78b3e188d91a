import type { EntityKind } from '../core/types.js';
import { PUNCT, QUOTE } from '../text/tokens.js';
import { linkMention, type ResolveContext } from './context.js';
import { GROUP_NOUNS, NON_AGENTS, ORG_HEADS, PRONOUNS, ROLES } from './lexicon.js';
import { keyOf, type NameMention } from './mentions.js';
import { roleHead, skipDeterminers, supportedNominal } from './nominals.js';
import { resolvePronoun } from './pronouns.js';
import { addRole, type EntityRecord } from './registry.js';
import { lowerAt } from './view.js';

const AFFILIATION_PREPS = new Set(['of', 'for', 'at', 'from', 'with', 'on', 'in', 'by']);
const COORDINATION = new Set([',', 'and', '&', '(', ')', 'both', 'all', 'also']);
const POST_MODIFIERS = new Set(['of', 'for', 'in', 'on', 'at', 'from', 'who', 'that', 'which', 'with', 'to', '(', ',', 'like', 'including', 'such']);
const GROUPED_NAME = new Set(['campaign', 'administration', 'team', 'camp']);

/**
 * The entity a source mention names or refers to: a name ("Al Jazeera’s Dosa Jabari" → Dosa
 * Jabari, affiliation Al Jazeera), coordinated names (a group), a pronoun or a description
 * (resolved back through the text), or a new entity named by the description ("analysts").
 * @example resolveSource(ctx, s, e)?.name // 'Vladimir Putin'
 */
export function resolveSource(ctx: ResolveContext, s: number, e: number): EntityRecord | undefined {
  [s, e] = trim(ctx, s, e);
  if (s >= e) return undefined;
  if (e - s === 1 || isQuantifiedRelative(ctx, s, e)) {
    const p = PRONOUNS.get(lowerAt(ctx.view, e - 1));
    if (p) return resolvePronoun(ctx, e - 1, p);
  }
  const whole = named(ctx, s, e, true);
  if (whole) return whole;
  const comma = topLevelComma(ctx, s, e);
  const entity = named(ctx, s, comma) ?? (comma < e ? named(ctx, comma + 1, e) : undefined) ?? described(ctx, s, comma);
  if (entity && comma < e) appositive(ctx, entity, comma + 1, e);
  return entity;
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
    else if (!AFFILIATION_PREPS.has(lowerAt(ctx.view, m.start - 1)) && !isBareRole(ctx, m)) heads.push(m);
    else if (heads.length) affiliate(ctx, heads[heads.length - 1], m);
  }
  if (!heads.length || !endsWithName(ctx, heads[heads.length - 1], e)) return undefined;
  if (heads.length > 1 && coordinated(ctx, heads)) return coordination(ctx, heads, s, e);
  if (onlyCoordination) return undefined;
  const head = heads[0];
  const entity = linkMention(ctx, head);
  if (owner && owner.kind === 'organization') entity.affiliation ??= linkMention(ctx, owner).name;
  if (entity.kind === 'person') entity.confirmed = true;
  return entity;
}

/** "Jabari of Al Jazeera": an organisation after the name is its affiliation. */
function affiliate(ctx: ResolveContext, head: NameMention, m: NameMention): void {
  if (m.kind !== 'organization') return;
  const e = linkMention(ctx, head);
  if (e.kind === 'person') e.affiliation ??= linkMention(ctx, m).name;
}

/** The name is the last thing in the chunk (a party label or "himself" may follow), not a modifier ("Clinton aides"). */
function endsWithName(ctx: ResolveContext, m: NameMention, e: number): boolean {
  for (let t = m.end; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    if (ctx.mentionAt[t] >= 0 || COORDINATION.has(w) || /^[rdi]-/.test(w) || w === 'himself' || w === 'herself' || w === 'jr.' || w === 'sr.') continue;
    if (AFFILIATION_PREPS.has(w)) return true; // "Jabari of Al Jazeera", "Scott (D-Va.) of Virginia"
    return false;
  }
  return true;
}

function coordinated(ctx: ResolveContext, heads: NameMention[]): boolean {
  for (let k = 1; k < heads.length; k++) {
    for (let t = heads[k - 1].end; t < heads[k].start; t++) {
      const w = lowerAt(ctx.view, t);
      if (!COORDINATION.has(w) && !/^[rdi]-/.test(w)) return false;
    }
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

/** A name that is only a title ("Senator from Texas") is a description, not a name. */
function isBareRole(ctx: ResolveContext, m: NameMention): boolean {
  return m.nameEnd - m.nameStart === 1 && m.kind === null && ROLES.has(keyOf(ctx.view, m.nameStart));
}

/**
 * A description: a role that an earlier title supports ("the Russian leader"), a definite
 * reference to an organisation already named ("the campaign"), or a new entity named by the
 * description without its determiners ("analysts", "source", "Donald Trump's operatives").
 */
function described(ctx: ResolveContext, s: number, e: number): EntityRecord | undefined {
  const head = headEnd(ctx, s, e);
  const supported = supportedNominal(ctx, s, head);
  if (supported) return refer(ctx, supported, s, e);
  const headWord = keyOf(ctx.view, head - 1);
  const kind = kindOfHead(ctx, s, head, headWord);
  if (lowerAt(ctx.view, s) === 'the' && head - s === 2 && kind === 'organization') {
    const earlier = lastOrganization(ctx, s, headWord);
    if (earlier) return refer(ctx, earlier, s, e);
  }
  const name = descriptionName(ctx, skipDeterminers(ctx, s, e), e, headWord);
  if (!name) return undefined;
  const entity = ctx.registry.describe(kind, name, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

function refer(ctx: ResolveContext, entity: EntityRecord, s: number, e: number): EntityRecord {
  ctx.registry.refer(entity, s, e);
  ctx.history.add(ctx.view, s, e, entity, false);
  return entity;
}

/** End of the description's head: before "of", "who", a comma… ("members of Congress" → members). */
function headEnd(ctx: ResolveContext, s: number, e: number): number {
  for (let t = s + 1; t < e; t++) if (POST_MODIFIERS.has(lowerAt(ctx.view, t))) return t;
  return e;
}

function kindOfHead(ctx: ResolveContext, s: number, head: number, word: string): EntityKind {
  if (ORG_HEADS.has(word) || NON_AGENTS.has(word)) return 'organization';
  if (GROUP_NOUNS.has(word) || (word.endsWith('s') && !word.endsWith('ss') && !roleHead(ctx, s, head))) return 'group';
  return 'person';
}

/** "the campaign" → the last organisation named "… campaign" before `pos`. */
function lastOrganization(ctx: ResolveContext, pos: number, head: string): EntityRecord | undefined {
  const { refs } = ctx.history;
  for (let i = ctx.history.before(pos); i >= 0; i--) {
    const x = refs[i].entity;
    if (x.kind === 'organization' && x.norm.endsWith(head)) return x;
  }
  return undefined;
}

/** The description without determiners; a possessor is resolved: "his operatives" → "Donald Trump's operatives". */
function descriptionName(ctx: ResolveContext, s: number, e: number, headWord: string): string {
  const text = ctx.view.doc.text;
  const { start, end } = ctx.view.doc.tokens;
  let owner: string | undefined;
  let from = s;
  const p = PRONOUNS.get(lowerAt(ctx.view, s));
  if (p?.possessive && p.person === 3 && s + 1 < e) {
    owner = resolvePronoun(ctx, s, p)?.name;
    from = s + 1;
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
  while (e > s && (kind[e - 1] === PUNCT || kind[e - 1] === QUOTE) && lowerAt(ctx.view, e - 1) !== ')') e--;
  return [s, e];
}

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
