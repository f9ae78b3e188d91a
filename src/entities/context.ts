import { makeSpan } from '../core/span.js';
import type { Span } from '../core/types.js';
import { History } from './history.js';
import { linkCoordinations } from './coordinations.js';
import { fullestForm } from './fullest-name.js';
import { findNameMentions, type NameMention } from './mentions.js';
import { Registry, type EntityRecord } from './registry.js';
import { WORD } from '../text/tokens.js';
import { DEMONYMS, GROUP_NOUNS, NON_AGENTS, ORG_HEADS, PLURAL_ROLES, ROLES, TITLE_MODIFIERS } from './lexicon.js';
import { keyAt, lowerAt, type DocView } from './view.js';

/** Everything the resolution steps share for one document. */
export interface ResolveContext {
  view: DocView;
  registry: Registry;
  history: History;
  mentions: NameMention[];
  /** Per token: index into `mentions` of the name mention holding it, or -1. */
  mentionAt: Int32Array;
  /** Entity of each name mention (undefined when it names nothing worth tracking). */
  entityOf: Array<EntityRecord | undefined>;
  /** Entities that speak: sources resolved to them. */
  speakers: Set<EntityRecord>;
  /** Every name mention linked up front: entities linked from now on are new to the text's names. */
  ready: boolean;
  /** Groups of people named side by side ("Ana Ruiz and Paul Eder"), see {@link linkCoordinations}. */
  coordinations: Set<EntityRecord>;
}

/**
 * Finds the name mentions of a document and links each to an entity, in text order. A lone
 * capitalised word that nothing identifies ("Shortly") is kept only when it names a known entity.
 * `near` flags the sentences where sources look for antecedents (see {@link findNameMentions}).
 * @example buildContext(view).registry.entities.map((e) => e.name)
 */
export function buildResolveContext(view: DocView, near?: Uint8Array): ResolveContext {
  const mentions = findNameMentions(view, near);
  const ctx: ResolveContext = {
    view, registry: new Registry(), history: new History(), mentions,
    mentionAt: new Int32Array(view.cap.length).fill(-1), entityOf: [], speakers: new Set(), ready: false, coordinations: new Set(),
  };
  // Full names first, so that a surname before its full name ("Trump, who …" … "Donald Trump") still links.
  for (const m of mentions) for (let t = m.start; t < m.end; t++) ctx.mentionAt[t] = m.index;
  for (const m of mentions) {
    if (m.kind !== 'place' && m.key.norm && !(m.kind === null && m.nameEnd - m.nameStart === 1)) linkMention(ctx, m); // places are linked when they speak
  }
  for (const m of mentions) {
    const known = m.kind === null && m.nameEnd - m.nameStart === 1 && m.key.norm ? ctx.registry.find(null, m.key) : undefined;
    if (known) linkMention(ctx, m, known);
  }
  for (const e of ctx.registry.entities) lengthen(ctx, e);
  ctx.ready = true;
  ctx.coordinations = linkCoordinations(ctx);
  return ctx;
}

/** Links a name mention to its entity (`found` when the caller has looked it up already) and records the reference. */
export function linkMention(ctx: ResolveContext, m: NameMention, found?: EntityRecord): EntityRecord {
  const i = m.index;
  const known = ctx.entityOf[i];
  if (known) return known;
  const e = ctx.registry.link(m, m.key.norm ? m.key : undefined, found);
  ctx.entityOf[i] = e;
  if (ctx.ready) lengthen(ctx, e);
  ctx.history.add(ctx.view, m.start, m.end, e, m.possessive || modifiesNoun(ctx, m, ctx.view.cap.length));
  return e;
}

/** Once per person: the fullest form of the name the text writes anywhere ({@link fullestForm}). */
function lengthen(ctx: ResolveContext, e: EntityRecord): void {
  if (e.lengthened || e.kind !== 'person') return;
  e.lengthened = true;
  const full = fullestForm(ctx.view, e);
  if (full) ctx.registry.lengthen(e, full.name);
}

/** The character span of tokens `[s, e)`. */
export function spanOf(ctx: ResolveContext, s: number, e: number): Span {
  const { tokens, text } = ctx.view.doc;
  return makeSpan(text, tokens.start[s], tokens.end[e - 1]);
}

const ARTICLES = new Set(['the', 'a', 'an', 'one', 'another']);
/** Nouns a name before them modifies: group nouns, organisation heads, non-agents, roles. */
const NOUN_HEADS: ReadonlySet<string> = new Set([...GROUP_NOUNS, ...ORG_HEADS, ...NON_AGENTS, ...ROLES.keys()]);
const GOES_ON = new Set(['and', 'or', '&', ',', 'of', 'for', 'at', 'from', 'with', 'on', 'in', 'by', 'to']);

/**
 * "Senate leaders", "Clinton aides", "the Trump campaign", "Clinton communication director
 * Jennifer Palmieri", "one Democratic source": the name (ending before `limit`) modifies a noun
 * after it, so it is neither the speaker nor an antecedent for "she".
 */
export function modifiesNoun(ctx: ResolveContext, m: NameMention, limit: number): boolean {
  const { view } = ctx;
  const k = keyAt(view, m.start);
  if (m.end - m.start === 1 && m.kind === null && (TITLE_MODIFIERS.has(k) || DEMONYMS.has(k))) return true;
  if (m.end >= limit) return false;
  const next = keyAt(view, m.end);
  // "a New York Times/CBS News poll": names joined by a slash modify the noun the last one modifies
  const joined = next === '/' ? ctx.mentionAt[m.end + 1] : -1;
  if (joined >= 0) return modifiesNoun(ctx, ctx.mentions[joined], limit);
  if (NOUN_HEADS.has(next)) return true;
  if (view.doc.tokens.kind[m.end] !== WORD || view.cap[m.end] || GOES_ON.has(next)) return false;
  const after = keyAt(view, m.end + 1);
  return ARTICLES.has(lowerAt(view, m.start - 1)) || (ROLES.has(after) && !PLURAL_ROLES.has(after)); // not "Putin told reporters", "Palmieri said Trump"
}
