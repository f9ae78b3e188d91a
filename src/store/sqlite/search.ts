import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { normalizeName } from '../name-matcher.js';
import { checkSearchQuery } from '../query-check.js';
import { StoreQueryError, type AttributionHit, type Page, type SearchQuery } from '../store.js';
import { FIRST_DATED_ID, firstIdAfter, firstIdOn } from './attribution-ids.js';
import { toFtsQuery } from './fts-query.js';
import { HIT_COLUMNS, HIT_FROM, toHit, type HitRow } from './rows.js';
import { outletTag } from './tags.js';

/** A name query that matches more speakers than this is cut to the most quoted ones. */
const MAX_SPEAKERS = 200;

/**
 * Attribution search for the SQLite store, newest first. Attribution ids sort by date (see
 * attribution-ids.ts) and speaker, kind and outlet are tokens in the full-text index, so every
 * query is one FTS5 query in descending rowid order that stops when the page is full; dates
 * and the cursor are rowid bounds.
 * @example new AttributionSearch(db).run({q: 'harbour', speaker: 'Okafor'}).items[0].content
 */
export class AttributionSearch {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /**
   * One page of attributions matching the query.
   * @example search.run({q: 'harbour', speaker: 'Okafor', limit: 10}) // {items: […], nextCursor: '…'}
   */
  run(query: SearchQuery): Page<AttributionHit> {
    const limit = checkSearchQuery(query);
    const speakers = query.speakerId !== undefined ? [Number(query.speakerId)].filter(Number.isInteger)
      : query.speaker !== undefined ? this.speakerIds(query.speaker) : null;
    if (speakers && !speakers.length) return { items: [], nextCursor: null };
    const terms: string[] = [];
    if (query.q !== undefined) terms.push(toFtsQuery(query.q, 'content'));
    if (speakers) terms.push(`tags : (${speakers.map((s) => `s${s}`).join(' OR ')})`);
    if (query.kind) terms.push(`tags : k${query.kind}`);
    if (query.outlet) terms.push(`tags : ${outletTag(query.outlet)}`);
    const { where, params } = idRange(query);
    const sql = terms.length
      ? `SELECT rowid AS id FROM attributions_fts WHERE attributions_fts MATCH @match${where.map((w) => ` AND rowid ${w}`).join('')} ORDER BY rowid DESC LIMIT @n`
      : `SELECT id FROM attributions WHERE 1${where.map((w) => ` AND id ${w}`).join('')} ORDER BY id DESC LIMIT @n`;
    const ids = (this.prepare(sql).all({ ...params, match: terms.join(' AND '), n: limit + 1 }) as Array<{ id: number }>).map((r) => r.id);
    const page = ids.slice(0, limit);
    return { items: this.hits(page), nextCursor: ids.length > limit ? encodeCursor([page[page.length - 1]]) : null };
  }

  /** Ids of the speakers whose names, aliases or variants hold every word of `name`. */
  speakerIds(name: string): number[] {
    const words = normalizeName(name).split(' ').filter(Boolean);
    if (!words.length) throw new StoreQueryError(`the speaker "${name}" has no letters to match`);
    const match = words.map((w) => `"${w}"`).join(' ');
    return (this.prepare(`SELECT DISTINCT n.entity_id AS id, e.attributions FROM entity_names_fts f JOIN entity_names n ON n.id = f.rowid
      JOIN entities e ON e.id = n.entity_id WHERE entity_names_fts MATCH ? AND e.attributions > 0 ORDER BY e.attributions DESC LIMIT ?`)
      .all(match, MAX_SPEAKERS) as Array<{ id: number }>).map((r) => r.id);
  }

  private hits(ids: number[]): AttributionHit[] {
    if (!ids.length) return [];
    const rows = this.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as HitRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => toHit(byId.get(id) as HitRow));
  }

  private prepare(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) this.cache.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }
}

/** The dates and the cursor as bounds on attribution ids. */
function idRange(query: SearchQuery): { where: string[]; params: Record<string, number> } {
  const where: string[] = [];
  const params: Record<string, number> = {};
  if (query.from) (where.push('>= @from'), (params.from = firstIdOn(query.from)));
  if (query.to) (where.push('< @to'), (params.to = firstIdAfter(query.to)));
  // Unknown dates have the lowest ids, but they are not "before" anything.
  if (query.to && !query.from) (where.push('>= @dated'), (params.dated = FIRST_DATED_ID));
  if (query.cursor) (where.push('< @cursor'), (params.cursor = decodeCursor(query.cursor, ['number'])[0] as number));
  return { where, params };
}
