import { variantBlock } from '../name-matcher.js';

export type NameHow = 'name' | 'alias' | 'variant' | 'description';

/** An `entities` row as the working set holds it. */
export interface EntityRow {
  id: number;
  name: string;
  norm: string;
  kind: string | null;
  role: string | null;
  affiliation: string | null;
  attributions: number;
  block: string | null;
}

/** An `entity_names` row as the working set holds it. */
export interface NameRow {
  id: number;
  entity_id: number;
  norm: string;
  name: string;
  how: NameHow;
  seen: number;
}

/** Ids from here up belong to rows made in the working set and not stored yet: above every stored id, in the order made. */
export const UNSTORED = 2 ** 52;

/** What a working set changed, to be written back. */
export interface EntityChanges {
  newEntities: EntityRow[];
  changedEntities: EntityRow[];
  newNames: NameRow[];
  changedNames: Array<{ id: number; how: NameHow; seenBy: number }>;
}

/**
 * The rows of `entities` and `entity_names` that one document's speakers can reach, loaded once,
 * with the index's statements played on them in memory: each method does what the SQL statement
 * of the same name did (same filters, same ORDER BY), so a document's entities merge as they
 * would one statement at a time, and the changes are written back in one go.
 * An entity is *complete* when all its names that matter are loaded: every name that is not a
 * description, and every name under one of the document's norms (for `ON CONFLICT` and `see`).
 * @example set.byNorm('maria okafor') // 12
 */
export class EntityWorkingSet {
  private readonly entities = new Map<number, EntityRow>();
  private readonly stored = new Map<number, EntityRow>();
  private readonly storedNames = new Map<number, NameRow>();
  private readonly byEntity = new Map<number, NameRow[]>();
  private readonly byNormIndex = new Map<string, NameRow[]>();
  private readonly complete = new Set<number>();
  private made = 0;

  /** `norms`: the document's names and aliases, normalised (see *complete*). */
  constructor(readonly norms: readonly string[]) {}

  /** Adds stored rows (each once; repeats are ignored) and marks entities whose names are all loaded. */
  addStored(entities: EntityRow[], names: NameRow[], complete: Iterable<number>): void {
    for (const e of entities) {
      if (this.stored.has(e.id)) continue;
      this.stored.set(e.id, { ...e });
      this.entities.set(e.id, e);
    }
    for (const n of names) if (!this.storedNames.has(n.id)) this.addName({ ...n }, true);
    for (const id of complete) this.complete.add(id);
  }

  isComplete(id: number): boolean {
    return id >= UNSTORED || this.complete.has(id);
  }

  entity(id: number): EntityRow {
    const e = this.entities.get(id);
    if (!e) throw new Error(`entity ${id} is not in the working set`);
    return e;
  }

  /** `byNorm`: the entity a name (not a description) is most seen under, then the most quoted, then the oldest. */
  byNorm(norm: string): number | undefined {
    const rows = (this.byNormIndex.get(norm) ?? []).filter((n) => n.how !== 'description');
    rows.sort((a, b) => b.seen - a.seen || this.entity(b.entity_id).attributions - this.entity(a.entity_id).attributions || a.entity_id - b.entity_id);
    return rows[0]?.entity_id;
  }

  /** `byBlock`: the first `limit` entities of a name bucket, oldest first. */
  inBlock(block: string, limit: number): EntityRow[] {
    return [...this.entities.values()].filter((e) => e.block === block).sort((a, b) => a.id - b.id).slice(0, limit);
  }

  /** `insertEntity … RETURNING id`. */
  insertEntity(row: Omit<EntityRow, 'id' | 'attributions'>): number {
    const id = UNSTORED + this.made++;
    this.entities.set(id, { id, ...row, attributions: 0 });
    return id;
  }

  /** `insertName … ON CONFLICT (entity_id, norm) DO NOTHING`. */
  insertName(entityId: number, norm: string, name: string, how: NameHow): void {
    if (!this.isComplete(entityId)) throw new Error(`entity ${entityId}: names not loaded`);
    if (this.namesOf(entityId).some((n) => n.norm === norm)) return;
    this.addName({ id: UNSTORED + this.made++, entity_id: entityId, norm, name, how, seen: 0 }, false);
  }

  /** `fillIn`: kind, role and affiliation where the entity has none. */
  fillIn(id: number, kind: string | null, role: string | null, affiliation: string | null): void {
    const e = this.entity(id);
    e.kind ??= kind;
    e.role ??= role;
    e.affiliation ??= affiliation;
  }

  /** `see`: one more document calls the entity by this name. */
  see(id: number, norm: string): void {
    const row = this.namesOf(id).find((n) => n.norm === norm);
    if (row) row.seen++;
  }

  /** `mostSeen` then `rename`: names the entity by its most seen name (the fuller one on a tie). */
  showMostSeen(id: number): void {
    const spaces = (norm: string): number => norm.split(' ').length - 1;
    const best = this.namesOf(id).filter((n) => n.how !== 'description')
      .sort((a, b) => b.seen - a.seen || spaces(b.norm) - spaces(a.norm) || a.id - b.id)[0];
    const e = this.entity(id);
    if (!best || e.name === best.name) return;
    for (const n of this.namesOf(id)) if (n.how === 'name' || n.norm === best.norm) n.how = n.norm === best.norm ? 'name' : 'alias';
    Object.assign(e, { name: best.name, norm: best.norm, block: variantBlock(best.norm) });
  }

  /** The rows to insert and update, new ones in the order they were made. */
  changes(): EntityChanges {
    const entities = [...this.entities.values()];
    const names = [...this.byEntity.values()].flat();
    const changed = (e: EntityRow, s: EntityRow): boolean =>
      e.name !== s.name || e.norm !== s.norm || e.block !== s.block || e.kind !== s.kind || e.role !== s.role || e.affiliation !== s.affiliation;
    return {
      newEntities: entities.filter((e) => e.id >= UNSTORED).sort((a, b) => a.id - b.id),
      changedEntities: entities.filter((e) => e.id < UNSTORED && changed(e, this.stored.get(e.id) as EntityRow)),
      newNames: names.filter((n) => n.id >= UNSTORED).sort((a, b) => a.id - b.id),
      changedNames: names.flatMap((n) => {
        const s = this.storedNames.get(n.id);
        return s && (s.how !== n.how || s.seen !== n.seen) ? [{ id: n.id, how: n.how, seenBy: n.seen - s.seen }] : [];
      }),
    };
  }

  private namesOf(id: number): NameRow[] {
    return this.byEntity.get(id) ?? [];
  }

  private addName(row: NameRow, stored: boolean): void {
    if (stored) this.storedNames.set(row.id, { ...row });
    listAt(this.byEntity, row.entity_id).push(row);
    listAt(this.byNormIndex, row.norm).push(row);
  }
}

function listAt<K>(index: Map<K, NameRow[]>, key: K): NameRow[] {
  let list = index.get(key);
  if (!list) index.set(key, (list = []));
  return list;
}
