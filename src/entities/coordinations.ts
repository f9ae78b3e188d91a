import type { ResolveContext } from './context.js';
import type { EntityRecord } from './registry.js';
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
    let j = k;
    let joined = false;
    while (j + 1 < mentions.length && isPerson(entityOf[j]) && isPerson(entityOf[j + 1]) && !mentions[j].possessive) {
      const gap = separator(ctx, mentions[j].end, mentions[j + 1].start);
      if (!gap) break;
      joined = gap === 'and';
      j++;
      if (joined) break;
    }
    if (j > k && joined) out.add(group(ctx, k, j));
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
    if (w === 'and' || w === '&') found = 'and';
    else if (w === ',') found ??= ',';
    else if (w !== '(' && w !== ')' && !/^[rdi]-/.test(w)) return undefined;
  }
  return found;
}

function group(ctx: ResolveContext, k: number, j: number): EntityRecord {
  const names = ctx.mentions.slice(k, j + 1).map((m) => ctx.entityOf[m.index]!.name);
  const name = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const s = ctx.mentions[k].start;
  const e = ctx.mentions[j].end;
  const entity = ctx.registry.describe('group', name, s, e);
  ctx.history.add(ctx.view, s, e, entity, ctx.mentions[j].possessive);
  return entity;
}
