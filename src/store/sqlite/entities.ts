import type Database from 'better-sqlite3';
import type { DocEntity } from '../document-rows.js';
import { areNameVariants, normalizeName, variantBlock } from '../name-matcher.js';

/** How many same-block names the variant matcher compares a new name with, at most. */
const MAX_CANDIDATES = 200;

/**
 * Merges each document's entities into the corpus's: a name (or a proper-name alias) already
 * known joins that entity; else a spelling variant of a known name joins it (when the
 * name-variant matcher is available); else the entity is new. Descriptive aliases ("the
 * Russian leader") are kept for display but never merged on.
 */
export class EntityIndex {
  private readonly byNorm: Database.Statement<[string], { entity_id: number }>;
  private readonly byBlock: Database.Statement<[string, number], { entity_id: number; name: string }>;
  private readonly insertEntity: Database.Statement<[string, string, string | null, string | null, string | null]>;
  private readonly insertName: Database.Statement<[number, string, string, string, string]>;
  private readonly fillIn: Database.Statement<[string | null, string | null, string | null, number]>;

  constructor(db: Database.Database) {
    this.byNorm = db.prepare(`SELECT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id
      WHERE n.norm = ? AND n.how <> 'description' ORDER BY e.attributions DESC, e.id LIMIT 1`);
    this.byBlock = db.prepare(`SELECT entity_id, name FROM entity_names WHERE block = ? AND how IN ('name', 'alias') LIMIT ?`);
    this.insertEntity = db.prepare('INSERT INTO entities (name, norm, kind, role, affiliation) VALUES (?, ?, ?, ?, ?)');
    this.insertName = db.prepare('INSERT OR IGNORE INTO entity_names (entity_id, norm, name, how, block) VALUES (?, ?, ?, ?, ?)');
    this.fillIn = db.prepare('UPDATE entities SET kind = coalesce(kind, ?), role = coalesce(role, ?), affiliation = coalesce(affiliation, ?) WHERE id = ?');
  }

  /**
   * The corpus entity for a document's entity, created or merged; null for an empty name.
   * @example index.resolve({name: 'Maria Okafor', …}) // 12
   */
  resolve(entity: DocEntity): number | null {
    const norm = normalizeName(entity.name);
    if (!norm) return null;
    let id = this.byNorm.get(norm)?.entity_id;
    if (id === undefined) {
      id = this.variantOf(entity.name, norm);
      if (id !== undefined) this.insertName.run(id, norm, entity.name, 'variant', variantBlock(norm));
    }
    if (id === undefined) {
      id = Number(this.insertEntity.run(entity.name, norm, entity.kind, entity.role, entity.affiliation).lastInsertRowid);
      this.insertName.run(id, norm, entity.name, 'name', variantBlock(norm));
    } else if (entity.kind || entity.role || entity.affiliation) {
      this.fillIn.run(entity.kind, entity.role, entity.affiliation, id);
    }
    for (const alias of entity.aliases) this.addAlias(id, alias);
    return id;
  }

  private variantOf(name: string, norm: string): number | undefined {
    const matcher = areNameVariants;
    if (!matcher) return undefined;
    return this.byBlock.all(variantBlock(norm), MAX_CANDIDATES).find((c) => matcher(name, c.name))?.entity_id;
  }

  private addAlias(id: number, alias: string): void {
    const norm = normalizeName(alias);
    if (!norm) return;
    // "Putin" names someone; "the Russian leader" only describes them.
    const how = /^\p{Lu}/u.test(alias.trim()) && !/^the\s/i.test(alias.trim()) ? 'alias' : 'description';
    this.insertName.run(id, norm, alias.trim(), how, variantBlock(norm));
  }
}
