import { decodeCursor, encodeCursor } from '../cursor.js';
import { normalizeName } from '../name-matcher.js';
import { FIRST_DATED_ID, firstIdAfter, firstIdOn } from '../sqlite/attribution-ids.js';
import { HIT_COLUMNS, HIT_FROM, toHit, type HitRow } from '../sqlite/rows.js';
import { outletTag } from '../sqlite/tags.js';
import { checkSearchQuery } from '../query-check.js';
import { StoreQueryError, type AttributionHit, type Page, type SearchQuery } from '../store.js';
import { run, type Queryable } from './connection.js';
import { nameTsQuery, toTsQuery } from './ts-query.js';

/** A name query that matches more speakers than this is cut to the most quoted ones. */
const MAX_SPEAKERS = 200;

/**
 * Attribution search for the PostgreSQL store, newest first: words through the GIN index on
 * `content_tsv`, speaker, outlet and kind as columns beside it, and, since attribution ids sort
 * by date (attribution-ids.ts), dates and the cursor as id bounds, so a page is one query in
 * descending id order that stops when the page is full.
 * @example await new PgAttributionSearch(pool).run({q: 'harbour', speaker: 'Okafor'})
 */
export class PgAttributionSearch {
  constructor(private readonly db: Queryable) {}

  /**
   * One page of attributions matching the query.
   * @example await search.run({q: 'harbour', speaker: 'Okafor', limit: 10}) // {items: […], nextCursor: '…'}
   */
  async run(query: SearchQuery): Promise<Page<AttributionHit>> {
    const limit = checkSearchQuery(query);
    const speakers = query.speakerId !== undefined ? [Number(query.speakerId)].filter(Number.isSafeInteger)
      : query.speaker !== undefined ? await this.speakerIds(query.speaker) : null;
    if (speakers && !speakers.length) return { items: [], nextCursor: null };
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => void where.push(sql.replace('?', `$${params.push(value)}`));
    if (query.q !== undefined) add("content_tsv @@ to_tsquery('onrecord_english', ?)", toTsQuery(query.q));
    if (speakers) add('speaker_id = ANY(?::bigint[])', speakers);
    if (query.kind) add('kind = ?', query.kind);
    if (query.outlet) add('outlet_key = ?', outletTag(query.outlet));
    if (query.from) add('id >= ?', firstIdOn(query.from));
    if (query.to) add('id < ?', firstIdAfter(query.to));
    // Unknown dates have the lowest ids, but they are not "before" anything.
    if (query.to && !query.from) add('id >= ?', FIRST_DATED_ID);
    if (query.cursor) add('id < ?', cursorId(query.cursor));
    const sql = `SELECT id FROM attributions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.push(limit + 1)}`;
    const ids = (await run<{ id: number }>(this.db, sql, params)).map((r) => r.id);
    const page = ids.slice(0, limit);
    return { items: await this.hits(page), nextCursor: ids.length > limit ? encodeCursor([page[page.length - 1]]) : null };
  }

  /** Ids of the speakers whose names, aliases or variants hold every word of `name`. */
  async speakerIds(name: string): Promise<number[]> {
    const words = normalizeName(name).split(' ').filter(Boolean);
    if (!words.length) throw new StoreQueryError(`the speaker "${name}" has no letters to match`);
    return (await run<{ id: number }>(this.db, `SELECT DISTINCT n.entity_id AS id, e.attributions FROM entity_names n JOIN entities e ON e.id = n.entity_id
      WHERE n.name_tsv @@ to_tsquery('simple', $1) AND e.attributions > 0 ORDER BY e.attributions DESC, n.entity_id LIMIT $2`, [nameTsQuery(words), MAX_SPEAKERS]))
      .map((r) => r.id);
  }

  private async hits(ids: number[]): Promise<AttributionHit[]> {
    if (!ids.length) return [];
    const rows = await run<HitRow>(this.db, `SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE a.id = ANY($1::bigint[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => toHit(byId.get(id) as HitRow));
  }
}

function cursorId(cursor: string): number {
  const id = decodeCursor(cursor, ['number'])[0] as number;
  if (!Number.isSafeInteger(id)) throw new StoreQueryError(`invalid cursor "${cursor}": pass back the nextCursor of a previous page`);
  return id;
}
