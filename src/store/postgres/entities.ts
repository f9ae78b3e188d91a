import type { DocEntity } from '../document-rows.js';
import { areNameVariants, normalizeDescription, normalizeName, variantBlock } from '../name-matcher.js';
import type { Queryable } from './connection.js';
import type { EntityRow, EntityWorkingSet } from './entity-set.js';
import { completeEntities, loadEntitySet, saveEntitySet, type EntityWants } from './entity-set-io.js';
import { pgText } from './text-fold.js';

/** How many same-bucket speakers the variant matcher compares a new name with, at most. */
const MAX_CANDIDATES = 500;

type Speaker = NonNullable<EntityWants['speakers'][number]>;

/**
 * The PostgreSQL twin of the SQLite store's entity index: merges each document's entities into
 * the corpus's by name, alias or spelling variant (see `src/store/sqlite/entities.ts` for the
 * rules, which are the same). The rows a document's speakers can reach are read once, the rules
 * run on them in memory (`EntityWorkingSet`), in the document's order, and the changes go back in
 * one statement: one to three round trips a document instead of six to eight an entity. Runs
 * inside the writer's transaction, under its name-bucket locks, so nothing else moves those rows.
 * @example await new PgEntityIndex(client).resolveAll([{key: 'e1', name: 'Steve Witkov', …}]) // [the id of Steve Witkoff]
 */
export class PgEntityIndex {
  constructor(private readonly db: Queryable) {}

  /**
   * The corpus entity for each of a document's entities, created or merged; null for an empty name.
   * @example await index.resolveAll([{name: 'Maria Okafor', …}, {name: '', …}]) // [12, null]
   */
  async resolveAll(entities: DocEntity[]): Promise<Array<number | null>> {
    const wants = entityWants(entities);
    if (!wants.norms.length) return entities.map(() => null);
    // Each speaker renames at most one entity out of a bucket, so 500 + n per bucket keep its first 500 right to the end.
    const set = await loadEntitySet(this.db, wants, MAX_CANDIDATES + entities.length);
    // The entities speakers will likely join as a spelling variant: their names too, in one more round trip. Any
    // other entity a speaker joins (the document's own merges can change the picture) is completed when it is joined.
    await completeEntities(this.db, set, wants.speakers.flatMap((s) => (s && !s.descriptive && set.byNorm(s.norm) === undefined ? variantOf(set, s)?.id ?? [] : [])));
    const ids: Array<number | null> = [];
    for (const [i, s] of wants.speakers.entries()) ids.push(s ? await this.resolve(set, entities[i], s) : null);
    const storedId = await saveEntitySet(this.db, set);
    return ids.map((id) => (id === null ? null : storedId(id)));
  }

  private async resolve(set: EntityWorkingSet, entity: DocEntity, speaker: Speaker): Promise<number> {
    const { norm, name } = speaker;
    let id = set.byNorm(norm);
    // A lone surname known as one speaker's short form ("Okafor") is ambiguous once another full name fits it.
    if (id !== undefined && !entity.descriptive && words(norm) === 1 && variants(set, speaker).size > 1) id = undefined;
    else if (id === undefined && !entity.descriptive) {
      const match = variantOf(set, speaker);
      if (match) {
        await completeEntities(this.db, set, [match.id]);
        set.insertName(match.id, norm, name, words(norm) === words(match.norm) ? 'variant' : 'alias');
      }
      id = match?.id;
    }
    if (id === undefined) {
      const block = entity.descriptive ? null : variantBlock(norm);
      id = set.insertEntity({ name, norm, kind: entity.kind, role: entity.role, affiliation: entity.affiliation, block });
      set.insertName(id, norm, name, 'name');
    } else {
      await completeEntities(this.db, set, [id]);
      if (entity.kind || entity.role || entity.affiliation) set.fillIn(id, entity.kind, entity.role, entity.affiliation);
    }
    set.see(id, norm);
    set.showMostSeen(id);
    for (const alias of entity.aliases) addAlias(set, id, alias);
    return id;
  }
}

/** The norms, names and buckets a document's entities look up. */
function entityWants(entities: DocEntity[]): EntityWants {
  const norms = new Set<string>();
  const blocks = new Set<string>();
  const speakers = entities.map((entity) => {
    const norm = entity.descriptive ? `d:${normalizeDescription(entity.name)}` : normalizeName(entity.name);
    if (!norm || norm === 'd:') return null;
    norms.add(norm);
    if (!entity.descriptive) blocks.add(variantBlock(norm));
    for (const alias of entity.aliases) if (normalizeName(alias)) norms.add(normalizeName(alias));
    return { norm, name: pgText(entity.name), descriptive: entity.descriptive ?? false };
  });
  return { speakers, blocks: [...blocks], norms: [...norms] };
}

/** The one entity whose full name this name is a variant of; none when it matches several. */
function variantOf(set: EntityWorkingSet, speaker: Speaker): EntityRow | undefined {
  const n = words(speaker.norm);
  let found = [...variants(set, speaker).values()];
  // A speaker known by a lone surname ("Trump") is no rival for a full name ("Donald J. Trump").
  if (found.length > 1 && n > 1) found = found.filter((c) => words(c.norm) > 1);
  if (found.length > 1) found = found.filter((c) => words(c.norm) === n);
  return found.length === 1 ? found[0] : undefined;
}

/** The entities whose full names this name is a variant of. */
function variants(set: EntityWorkingSet, { name, norm }: Speaker): Map<number, EntityRow> {
  const byEntity = new Map<number, EntityRow>();
  for (const c of set.inBlock(variantBlock(norm), MAX_CANDIDATES)) if (!byEntity.has(c.id) && areNameVariants(name, c.name)) byEntity.set(c.id, c);
  return byEntity;
}

function addAlias(set: EntityWorkingSet, id: number, alias: string): void {
  const norm = normalizeName(alias);
  if (!norm) return;
  // "Putin" names someone; "the Russian leader" only describes them.
  const how = /^\p{Lu}/u.test(alias.trim()) && !/^the\s/i.test(alias.trim()) ? 'alias' : 'description';
  set.insertName(id, norm, pgText(alias.trim()), how);
}

function words(norm: string): number {
  return norm.split(' ').length;
}
