import type Database from 'better-sqlite3';
import type { DocEntity } from '../document-rows.js';
import { areNameVariants, normalizeDescription, normalizeName, variantBlock } from '../name-matcher.js';

/** How many same-bucket speakers the variant matcher compares a new name with, at most. */
const MAX_CANDIDATES = 500;

interface Candidate {
  entity_id: number;
  name: string;
  norm: string;
}

/**
 * Merges each document's entities into the corpus's: a name (or a proper-name alias) already
 * known joins that entity; else a variant of a known name ("Jabbari" for "Jabari", "Okafor" for
 * "Maria Okafor") joins it when it matches one entity only; else the entity is new.
 * Descriptive aliases ("the Russian leader") are kept for display but never merged on, and
 * descriptions standing in for names ("officials") merge only with the same words.
 * @example new EntityIndex(db).resolve({key: 'e1', name: 'Steve Witkov', …}) // the id of Steve Witkoff
 */
export class EntityIndex {
  private readonly s: Record<string, Database.Statement>;

  constructor(db: Database.Database) {
    const p = (sql: string): Database.Statement => db.prepare(sql);
    this.s = {
      byNorm: p(`SELECT n.entity_id, n.how FROM entity_names n JOIN entities e ON e.id = n.entity_id
        WHERE n.norm = ? AND n.how <> 'description' ORDER BY n.seen DESC, e.attributions DESC, e.id LIMIT 1`),
      byBlock: p('SELECT id AS entity_id, name, norm FROM entities WHERE block = ? LIMIT ?'),
      entity: p('SELECT name FROM entities WHERE id = ?'),
      see: p('UPDATE entity_names SET seen = seen + 1 WHERE entity_id = ? AND norm = ?'),
      mostSeen: p(`SELECT name, norm FROM entity_names WHERE entity_id = ? AND how <> 'description'
        ORDER BY seen DESC, length(norm) - length(replace(norm, ' ', '')) DESC, id LIMIT 1`),
      promote: p("UPDATE entity_names SET how = 'name' WHERE entity_id = ? AND norm = ?"),
      insertEntity: p('INSERT INTO entities (name, norm, kind, role, affiliation, block) VALUES (?, ?, ?, ?, ?, ?)'),
      insertName: p('INSERT OR IGNORE INTO entity_names (entity_id, norm, name, how) VALUES (?, ?, ?, ?)'),
      rename: p('UPDATE entities SET name = ?, norm = ?, block = ? WHERE id = ?'),
      demoteName: p("UPDATE entity_names SET how = 'alias' WHERE entity_id = ? AND how = 'name'"),
      fillIn: p('UPDATE entities SET kind = coalesce(kind, ?), role = coalesce(role, ?), affiliation = coalesce(affiliation, ?) WHERE id = ?'),
    };
  }

  /**
   * The corpus entity for a document's entity, created or merged; null for an empty name.
   * @example index.resolve({name: 'Maria Okafor', …}) // 12
   */
  resolve(entity: DocEntity): number | null {
    const norm = entity.descriptive ? `d:${normalizeDescription(entity.name)}` : normalizeName(entity.name);
    if (!norm || norm === 'd:') return null;
    const exact = this.s.byNorm.get(norm) as { entity_id: number; how: string } | undefined;
    let id = exact?.entity_id;
    // A lone surname known as one speaker's short form ("Okafor") is ambiguous once another full name fits it.
    if (exact && !entity.descriptive && words(norm) === 1 && this.variants(entity.name, norm).size > 1) id = undefined;
    else if (id === undefined && !entity.descriptive) {
      const match = this.variantOf(entity.name, norm);
      if (match) this.join(match, entity.name, norm);
      id = match?.entity_id;
    }
    if (id === undefined) {
      const block = entity.descriptive ? null : variantBlock(norm);
      id = Number(this.s.insertEntity.run(entity.name, norm, entity.kind, entity.role, entity.affiliation, block).lastInsertRowid);
      this.s.insertName.run(id, norm, entity.name, 'name');
    } else if (entity.kind || entity.role || entity.affiliation) {
      this.s.fillIn.run(entity.kind, entity.role, entity.affiliation, id);
    }
    this.s.see.run(id, norm);
    this.showMostSeen(id);
    for (const alias of entity.aliases) this.addAlias(id, alias);
    return id;
  }

  /**
   * Names the entity by the name documents use most (the fuller one on a tie), so one
   * article's odd form ("Crooked Hillary Clinton") does not rename a speaker.
   */
  private showMostSeen(id: number): void {
    const best = this.s.mostSeen.get(id) as { name: string; norm: string };
    if ((this.s.entity.get(id) as { name: string }).name === best.name) return;
    this.s.demoteName.run(id);
    this.s.promote.run(id, best.norm);
    this.s.rename.run(best.name, best.norm, variantBlock(best.norm), id);
  }

  /**
   * The one entity whose full name this name is a variant of; none when it matches several
   * ("Okafor" with two Okafors). Comparing with the full name, not with every name the entity
   * goes by, keeps "Chidi Okafor" from joining Maria Okafor through her short form "Okafor".
   */
  private variantOf(name: string, norm: string): Candidate | undefined {
    let found = [...this.variants(name, norm).values()];
    // A speaker known by a lone surname ("Trump") is no rival for a full name ("Donald J. Trump").
    if (found.length > 1 && words(norm) > 1) found = found.filter((c) => words(c.norm) > 1);
    if (found.length > 1) found = found.filter((c) => words(c.norm) === words(norm));
    return found.length === 1 ? found[0] : undefined;
  }

  /** The entities whose full names this name is a variant of. */
  private variants(name: string, norm: string): Map<number, Candidate> {
    const byEntity = new Map<number, Candidate>();
    for (const c of this.s.byBlock.all(variantBlock(norm), MAX_CANDIDATES) as Candidate[]) {
      if (!byEntity.has(c.entity_id) && areNameVariants(name, c.name)) byEntity.set(c.entity_id, c);
    }
    return byEntity;
  }

  /** Adds a name to an entity: a spelling variant of its name, or a shorter or longer form of it. */
  private join(match: Candidate, name: string, norm: string): void {
    this.s.insertName.run(match.entity_id, norm, name, words(norm) === words(match.norm) ? 'variant' : 'alias');
  }

  private addAlias(id: number, alias: string): void {
    const norm = normalizeName(alias);
    if (!norm) return;
    // "Putin" names someone; "the Russian leader" only describes them.
    const how = /^\p{Lu}/u.test(alias.trim()) && !/^the\s/i.test(alias.trim()) ? 'alias' : 'description';
    this.s.insertName.run(id, norm, alias.trim(), how);
  }
}

function words(norm: string): number {
  return norm.split(' ').length;
}
