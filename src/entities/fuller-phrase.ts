import type { ResolveContext } from './context.js';
import type { EntityRecord } from './registry.js';
import { keyAt, lowerAt } from './view.js';

/** How many sentences back "the group" looks for "the group of …". */
const REACH = 3;
const ENDS = new Set([',', ';', ':', '.', '(', ')', '—', '–', 'who', 'which', 'that', 'according']);

/**
 * "… among the group of voters making $100,000 or more, according to …. The group also views":
 * a bare definite description ("the group") takes the fuller phrase an earlier sentence wrote
 * with the same head and an "of" complement, up to a comma or a relative pronoun. `s` is the
 * determiner, `head` the token after the head noun. Returns the phrase text, or undefined.
 * @example fullerPhrase(ctx, s, s + 2) // 'group of voters making $100,000 or more'
 */
export function fullerPhrase(ctx: ResolveContext, s: number, head: number): string | undefined {
  const { view } = ctx;
  const word = keyAt(view, head - 1);
  const { sentences, sentenceOf, tokens, text } = view.doc;
  const from = sentences[Math.max(0, sentenceOf[s] - REACH)].start;
  for (let t = s - 1; t >= from; t--) {
    if (keyAt(view, t) !== word || view.cap[t] || lowerAt(view, t + 1) !== 'of') continue;
    const limit = sentences[sentenceOf[t]].end;
    let end = t + 2;
    while (end < limit && !ENDS.has(lowerAt(view, end))) end++;
    if (end > t + 2) return text.slice(tokens.start[t], tokens.end[end - 1]);
  }
  return undefined;
}

const OWNED_BY = new Set(['to', 'of', 'for']);

/**
 * "advisers to Mr. Obama say … While his advisers have suggested": a possessive pronoun and a
 * noun (`s`, `s + 1`) take the form an earlier sentence wrote with the same noun and the same
 * owner after a preposition ("advisers to Barack Obama"). Returns that name, or undefined.
 * @example ownedPhrase(ctx, s, obama) // 'advisers to Barack Obama'
 */
export function ownedPhrase(ctx: ResolveContext, s: number, owner: EntityRecord): string | undefined {
  const { view } = ctx;
  const word = keyAt(view, s + 1);
  const { sentences, sentenceOf, tokens, text } = view.doc;
  const from = sentences[Math.max(0, sentenceOf[s] - REACH)].start;
  for (let t = s - 1; t >= from; t--) {
    if (keyAt(view, t) !== word || view.cap[t] || !OWNED_BY.has(lowerAt(view, t + 1))) continue;
    const i = ctx.mentionAt[t + 2];
    if (i >= 0 && ctx.entityOf[i] === owner) return `${text.slice(tokens.start[t], tokens.end[t + 1])} ${owner.name}`;
  }
  return undefined;
}
