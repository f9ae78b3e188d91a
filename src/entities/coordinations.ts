import type { ResolveContext } from './context.js';
import type { EntityRecord } from './registry.js';
import { PARTIES } from './lexicon.js';
import { lowerAt } from './view.js';

/**
 * "Ana Ruiz and Paul Eder met on Monday. They said …": every two or more people named side by
 * side ("A and B", "A, B and C", party labels allowed) become a group that "they", "each" and
 * "the two senators" can refer back to. Returns the groups; call after the names are linked.
 * @example linkCoordinations(ctx) // Set { group "Ana Ruiz and Paul Eder" }
 */
export function linkCoordinations(ctx: ResolveContext): Set<EntityRecord> {
  const out = new Set<EntityRecord>();
  const { mentions, entityOf } = ctx;
  let k = 0;
  while (k < mentions.length) {
    let members: number[] | undefined; // made only for names that go on: most stand alone
    let j = k;
    let joined = false;
    for (let n = next(ctx, j); n < mentions.length && isPerson(entityOf[j]) && isPerson(entityOf[n]) && !mentions[j].possessive; n = next(ctx, j)) {
      const gap = separator(ctx, mentions[j].end, mentions[n].start);
      if (!gap) break;
      joined = gap === 'and';
      (members ??= [k]).push(j = n);
      if (joined) break;
    }
    if (members && joined) out.add(group(ctx, members));
    k = j + 1;
  }
  return out;
}

function isPerson(e: EntityRecord | undefined): boolean {
  return !!e && e.kind === 'person' && !e.plural;
}

/** 'and' or ',' when tokens `[s, e)` join two names: "and", ",", "(D-Mont.) and"; undefined otherwise. */
function separator(ctx: ResolveContext, s: number, e: number): 'and' | ',' | undefined {
  let found: 'and' | ',' | undefined;
  for (let t = s; t < e; t++) {
    const w = lowerAt(ctx.view, t);
    const label = w === ',' ? partyLabel(ctx, t + 1, e) : 0;
    if (label) t += label; // "Charles Grassley, Republican of Iowa, and Patrick Leahy"
    else if (w === 'and' || w === '&') found = 'and';
    else if (w === ',') found ??= ',';
    else if (w !== '(' && w !== ')' && !/^[rdi]-/.test(w)) return undefined;
  }
  return found;
}

/** Length of a party label at `t` that a comma closes before `e` ("Republican of Iowa"), or 0. */
function partyLabel(ctx: ResolveContext, t: number, e: number): number {
  if (!PARTIES.has(lowerAt(ctx.view, t)) || lowerAt(ctx.view, t + 1) !== 'of') return 0;
  let end = t + 2;
  while (end < e && ctx.view.cap[end]) end++;
  return end > t + 2 && end < e && lowerAt(ctx.view, end) === ',' ? end - t : 0;
}

/** The mention after mention `j`, past the place in a party label after it ("Grassley, Republican of Iowa, and"). */
function next(ctx: ResolveContext, j: number): number {
  const end = ctx.mentions[j].end;
  const label = lowerAt(ctx.view, end) === ',' ? partyLabel(ctx, end + 1, ctx.view.cap.length) : 0;
  let n = j + 1;
  while (label && n < ctx.mentions.length && ctx.mentions[n].start < end + 1 + label) n++;
  return n;
}

function group(ctx: ResolveContext, members: number[]): EntityRecord {
  const k = members[0];
  const j = members[members.length - 1];
  const names = members.map((i) => ctx.entityOf[i]!.name);
  const name = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const s = ctx.mentions[k].start;
  const e = ctx.mentions[j].end;
  const entity = ctx.registry.describe('group', name, s, e);
  ctx.history.add(ctx.view, s, e, entity, ctx.mentions[j].possessive);
  return entity;
}
