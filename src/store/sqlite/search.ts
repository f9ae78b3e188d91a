import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { normalizeName } from '../name-matcher.js';
import { StoreQueryError, type AttributionHit, type Page, type SearchQuery } from '../store.js';
import { toFtsQuery } from './fts-query.js';
import { HIT_COLUMNS, HIT_FROM, toHit, type HitRow } from './rows.js';

/** Below this many full-text hits, fetching them all and sorting beats walking an index. */
const SMALL_MATCH = 2000;
/** A name query that matches more speakers than this is cut to the most quoted ones. */
const MAX_SPEAKERS = 200;
const KINDS = new Set(['direct', 'indirect', 'mixed']);

interface Key {
  id: number;
  said_on: string;
}

/**
 * Attribution search for the SQLite store, newest first with keyset cursors. A word query with
 * few hits is answered from the full-text index (speaker included, as an indexed token); a
 * common one by walking the date or speaker index and checking each row against the text
 * index, which stops as soon as the page is full.
 */
export class AttributionSearch {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /**
   * One page of attributions matching the query.
   * @example search.run({q: 'harbour', speaker: 'Okafor', limit: 10}) // {items: […], nextCursor: '…'}
   */
  run(query: SearchQuery): Page<AttributionHit> {
    const limit = checkQuery(query);
    const speakers = query.speakerId !== undefined ? [Number(query.speakerId)].filter(Number.isInteger) : query.speaker !== undefined ? this.speakerIds(query.speaker) : null;
    if (speakers && !speakers.length) return { items: [], nextCursor: null };
    const { where, params } = filters(query);
    const text = query.q !== undefined ? toFtsQuery(query.q, 'content') : null;
    let keys: Key[];
    if (text) {
      const match = speakers ? `${text} AND speaker_token : (${speakers.map((s) => `s${s}`).join(' OR ')})` : text;
      const hits = this.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM attributions_fts WHERE attributions_fts MATCH ? LIMIT ?)').get(match, SMALL_MATCH) as { n: number };
      keys = hits.n < SMALL_MATCH ? this.fromText(match, where, params, limit + 1) : this.walk(speakers, [...where, PROBE], { ...params, match: text }, limit + 1);
    } else {
      keys = this.walk(speakers, where, params, limit + 1);
    }
    const page = keys.slice(0, limit);
    const items = this.hits(page.map((k) => k.id));
    const last = page[page.length - 1];
    return { items, nextCursor: keys.length > limit && last ? encodeCursor([last.said_on, last.id]) : null };
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

  private fromText(match: string, where: string[], params: Record<string, unknown>, n: number): Key[] {
    const sql = `SELECT a.id, a.said_on FROM attributions_fts f JOIN attributions a ON a.id = f.rowid${needsDocuments(where) ? ' JOIN documents d ON d.id = a.document_id' : ''}
      WHERE attributions_fts MATCH @fts${where.map((w) => ` AND ${w}`).join('')} ORDER BY a.said_on DESC, a.id DESC LIMIT @n`;
    return this.prepare(sql).all({ ...params, fts: match, n }) as Key[];
  }

  /** Walks the speaker index (one walk per speaker, merged) or the date index, newest first. */
  private walk(speakers: number[] | null, where: string[], params: Record<string, unknown>, n: number): Key[] {
    const join = needsDocuments(where) ? ' JOIN documents d ON d.id = a.document_id' : '';
    const conditions = where.map((w) => ` AND ${w}`).join('');
    if (!speakers) {
      const sql = `SELECT a.id, a.said_on FROM attributions a INDEXED BY attributions_said_on${join} WHERE 1${conditions} ORDER BY a.said_on DESC, a.id DESC LIMIT @n`;
      return this.prepare(sql).all({ ...params, n }) as Key[];
    }
    const stmt = this.prepare(`SELECT a.id, a.said_on FROM attributions a INDEXED BY attributions_speaker${join}
      WHERE a.speaker_id = @speaker${conditions} ORDER BY a.said_on DESC, a.id DESC LIMIT @n`);
    const merged = speakers.flatMap((speaker) => stmt.all({ ...params, speaker, n }) as Key[]);
    return merged.sort(newestFirst).slice(0, n);
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

/** Checks a row against the word query without leaving the index walk. */
const PROBE = 'EXISTS (SELECT 1 FROM attributions_fts WHERE attributions_fts MATCH @match AND rowid = a.id)';

function newestFirst(a: Key, b: Key): number {
  return a.said_on < b.said_on ? 1 : a.said_on > b.said_on ? -1 : b.id - a.id;
}

function needsDocuments(where: string[]): boolean {
  return where.some((w) => w.includes('d.'));
}

function filters(query: SearchQuery): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.kind) (where.push('a.kind = @kind'), (params.kind = query.kind));
  if (query.outlet) (where.push('d.outlet = @outlet COLLATE NOCASE'), (params.outlet = query.outlet));
  if (query.from) (where.push('a.said_on >= @from'), (params.from = query.from));
  if (query.to) (where.push("a.said_on <= @to AND a.said_on <> ''"), (params.to = query.to));
  if (query.cursor) {
    const [saidOn, id] = decodeCursor(query.cursor, ['string', 'number']);
    where.push('(a.said_on, a.id) < (@cursorDate, @cursorId)');
    Object.assign(params, { cursorDate: saidOn, cursorId: id });
  }
  return { where, params };
}

/** Validates the query's filters; returns the page size. */
function checkQuery(query: SearchQuery): number {
  if (query.kind !== undefined && !KINDS.has(query.kind)) throw new StoreQueryError(`unknown kind "${query.kind}": use direct, indirect or mixed`);
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new StoreQueryError(`--${name} "${value}" is not a YYYY-MM-DD date`);
  }
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new StoreQueryError(`limit must be a whole number from 1 to 1000, got ${limit}`);
  return limit;
}
