import { WORD } from '../text/tokens.js';
import type { ResolveContext } from './context.js';
import { GROUP_NOUNS, NON_AGENTS, ORG_HEADS, ROLES, STOPWORDS } from './lexicon.js';
import { keyAt, lowerAt } from './view.js';

const DETERMINERS = new Set(['a', 'an', 'the']);

/**
 * "Poll: Voters Turn Away …" over "A Bloomberg poll shows …": a source in a one-sentence
 * headline that ends in a common noun (a role, an organisation or group word) points forward
 * to the first phrase of the lead sentence with the same head — or, for a role, to the first
 * name the lead gives that role ("Retired General …" → "Retired Air Force Gen. Ana Ruiz").
 * Returns the token range of that phrase.
 * @example leadPhrase(ctx, 0, 1) // [12, 15]: "A Bloomberg poll"
 */
export function leadPhrase(ctx: ResolveContext, s: number, e: number): [number, number] | undefined {
  const { paragraphs, paragraphOf, sentences, sentenceOf } = ctx.view.doc;
  if (paragraphOf[s] !== 0 || paragraphs.length < 2 || sentenceOf[paragraphs[0].end - 1] !== sentenceOf[paragraphs[0].start]) return undefined;
  if (namesBodyEntity(ctx, s, e)) return undefined; // "Ana Ruiz Hammers Bank CEO": a name the article goes on to use
  const head = keyAt(ctx.view, e - 1);
  const role = ROLES.get(head);
  if (!role && !ORG_HEADS.has(head) && !NON_AGENTS.has(head) && !GROUP_NOUNS.has(head)) return undefined;
  const lead = sentences[sentenceOf[paragraphs[1].start]];
  for (let t = lead.start; t < lead.end; t++) {
    const i = ctx.mentionAt[t];
    if (role && i >= 0 && ctx.mentions[i].roleEntry === role) return [ctx.mentions[i].start, ctx.mentions[i].end];
    if (keyAt(ctx.view, t) === head && !ctx.view.cap[t]) return [phraseStart(ctx, lead.start, t), t + 1];
  }
  return undefined;
}

/** A name in the source that the text also uses below the headline. */
function namesBodyEntity(ctx: ResolveContext, s: number, e: number): boolean {
  const { paragraphOf } = ctx.view.doc;
  for (let t = s; t < e; t++) {
    const i = ctx.mentionAt[t];
    const entity = i >= 0 ? ctx.entityOf[i] : undefined;
    if (!entity) continue;
    for (let k = 0; k < entity.refs.length; k += 2) if (paragraphOf[entity.refs[k]] > 0) return true;
  }
  return false;
}

/** Where the noun phrase ending in `head` starts: at its determiner, within four words ("A Bloomberg poll"). */
function phraseStart(ctx: ResolveContext, from: number, head: number): number {
  let s = head;
  while (s > from && head - s < 4 && ctx.view.doc.tokens.kind[s - 1] === WORD) {
    const w = lowerAt(ctx.view, s - 1);
    if (DETERMINERS.has(w)) return s - 1;
    if (STOPWORDS.has(w)) break;
    s--;
  }
  return s;
}
