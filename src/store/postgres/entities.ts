import type { DocEntity } from '../document-rows.js';
import { areNameVariants, normalizeDescription, normalizeName, variantBlock } from '../name-matcher.js';
import { run, type Queryable } from './connection.js';
import { nameSearchText, pgText } from './text-fold.js';

/** How many same-bucket speakers the variant matcher compares a new name with, at most. */
const MAX_CANDIDATES = 500;

interface Candidate {
  entity_id: number;
  name: string;
  norm: string;
}

const SQL = {
  byNorm: `SELECT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id
    WHERE n.norm = $1 AND n.how <> 'description' ORDER BY n.seen DESC, e.attributions DESC, e.id LIMIT 1`,
  byBlock: 'SELECT id AS entity_id, name, norm FROM entities WHERE block = $1 ORDER BY id LIMIT $2',
  insertEntity: 'INSERT INTO entities (name, norm, kind, role, affiliation, block) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
  insertName: `INSERT INTO entity_names (entity_id, norm, name, how, name_tsv) VALUES ($1, $2, $3, $4, to_tsvector('simple', $5))
    ON CONFLICT (entity_id, norm) DO NOTHING`,
  fillIn: 'UPDATE entities SET kind = coalesce(kind, $1), role = coalesce(role, $2), affiliation = coalesce(affiliation, $3) WHERE id = $4',
  see: 'UPDATE entity_names SET seen = seen + 1 WHERE entity_id = $1 AND norm = $2',
  mostSeen: `SELECT n.name, n.norm, e.name AS current FROM entity_names n JOIN entities e ON e.id = n.entity_id
    WHERE n.entity_id = $1 AND n.how <> 'description'
    ORDER BY n.seen DESC, length(n.norm) - length(replace(n.norm, ' ', '')) DESC, n.id LIMIT 1`,
  rename: `WITH demoted AS (UPDATE entity_names SET how = CASE WHEN norm = $2 THEN 'name' ELSE 'alias' END
      WHERE entity_id = $4 AND (how = 'name' OR norm = $2))
    UPDATE entities SET name = $1, norm = $2, block = $3 WHERE id = $4`,
};

/**
 * The PostgreSQL twin of the SQLite store's entity index: merges each document's entities into
 * the corpus's by name, alias or spelling variant (see `src/store/sqlite/entities.ts` for the
 * rules, which are the same). Runs inside the writer's transaction, under its name-bucket locks.
 * @example await new PgEntityIndex(client).resolve({key: 'e1', name: 'Steve Witkov', …}) // the id of Steve Witkoff
 */
export class PgEntityIndex {
  constructor(private readonly db: Queryable) {}

  /**
   * The corpus entity for a document's entity, created or merged; null for an empty name.
   * @example await index.resolve({name: 'Maria Okafor', …}) // 12
   */
  async resolve(entity: DocEntity): Promise<number | null> {
    const norm = entity.descriptive ? `d:${normalizeDescription(entity.name)}` : normalizeName(entity.name);
    if (!norm || norm === 'd:') return null;
    const name = pgText(entity.name);
    let id: number | undefined = (await run<{ entity_id: number }>(this.db, SQL.byNorm, [norm]))[0]?.entity_id;
    // A lone surname known as one speaker's short form ("Okafor") is ambiguous once another full name fits it.
    if (id !== undefined && !entity.descriptive && words(norm) === 1 && (await this.variants(name, norm)).size > 1) id = undefined;
    else if (id === undefined && !entity.descriptive) {
      const match = await this.variantOf(name, norm);
      if (match) await this.addName(match.entity_id, norm, name, words(norm) === words(match.norm) ? 'variant' : 'alias');
      id = match?.entity_id;
    }
    if (id === undefined) {
      const block = entity.descriptive ? null : variantBlock(norm);
      id = (await run<{ id: number }>(this.db, SQL.insertEntity, [name, norm, entity.kind, entity.role, entity.affiliation, block]))[0].id;
      await this.addName(id, norm, name, 'name');
    } else if (entity.kind || entity.role || entity.affiliation) {
      await run(this.db, SQL.fillIn, [entity.kind, entity.role, entity.affiliation, id]);
    }
    await run(this.db, SQL.see, [id, norm]);
    await this.showMostSeen(id);
    for (const alias of entity.aliases) await this.addAlias(id, alias);
    return id;
  }

  /** Names the entity by the name documents use most (the fuller one on a tie). */
  private async showMostSeen(id: number): Promise<void> {
    const best = (await run<{ name: string; norm: string; current: string }>(this.db, SQL.mostSeen, [id]))[0];
    if (!best || best.current === best.name) return;
    await run(this.db, SQL.rename, [best.name, best.norm, variantBlock(best.norm), id]);
  }

  /** The one entity whose full name this name is a variant of; none when it matches several. */
  private async variantOf(name: string, norm: string): Promise<Candidate | undefined> {
    let found = [...(await this.variants(name, norm)).values()];
    // A speaker known by a lone surname ("Trump") is no rival for a full name ("Donald J. Trump").
    if (found.length > 1 && words(norm) > 1) found = found.filter((c) => words(c.norm) > 1);
    if (found.length > 1) found = found.filter((c) => words(c.norm) === words(norm));
    return found.length === 1 ? found[0] : undefined;
  }

  /** The entities whose full names this name is a variant of. */
  private async variants(name: string, norm: string): Promise<Map<number, Candidate>> {
    const byEntity = new Map<number, Candidate>();
    for (const c of await run<Candidate>(this.db, SQL.byBlock, [variantBlock(norm), MAX_CANDIDATES])) {
      if (!byEntity.has(c.entity_id) && areNameVariants(name, c.name)) byEntity.set(c.entity_id, c);
    }
    return byEntity;
  }

  private async addAlias(id: number, alias: string): Promise<void> {
    const norm = normalizeName(alias);
    if (!norm) return;
    // "Putin" names someone; "the Russian leader" only describes them.
    const how = /^\p{Lu}/u.test(alias.trim()) && !/^the\s/i.test(alias.trim()) ? 'alias' : 'description';
    await this.addName(id, norm, pgText(alias.trim()), how);
  }

  private async addName(id: number, norm: string, name: string, how: string): Promise<void> {
    await run(this.db, SQL.insertName, [id, norm, name, how, nameSearchText(name)]);
  }
}

function words(norm: string): number {
  return norm.split(' ').length;
}
