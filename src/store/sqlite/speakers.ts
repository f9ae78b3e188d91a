import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { weeklyCounts } from '../iso-week.js';
import { normalizeName } from '../name-matcher.js';
import { speakerSummary, type EntityRow } from './rows.js';
import { StoreQueryError, type Page, type SpeakerDetail, type SpeakerSummary } from '../store.js';
import type { AttributionSearch } from './search.js';

/**
 * Speakers of the SQLite store: the list (most quoted first, optionally filtered by the start
 * of any word of a name) and one speaker in detail.
 * @example new SpeakerQueries(db, search).list({q: 'oka'}).items[0].name // 'Maria Okafor'
 */
export class SpeakerQueries {
  constructor(private readonly db: Database.Database, private readonly search: AttributionSearch) {}

  /**
   * One page of speakers, most attributions first.
   * @example speakers.list({q: 'okaf'}).items[0].name // 'Maria Okafor'
   */
  list(query: { q?: string; limit?: number; cursor?: string }): Page<SpeakerSummary> {
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new StoreQueryError(`limit must be a whole number from 1 to 1000, got ${limit}`);
    const where = ['e.attributions > 0'];
    const params: Record<string, unknown> = { n: limit + 1 };
    if (query.q !== undefined && query.q.trim()) {
      const words = normalizeName(query.q).split(' ').filter(Boolean);
      if (!words.length) return { items: [], nextCursor: null };
      where.push('e.id IN (SELECT n.entity_id FROM entity_names_fts f JOIN entity_names n ON n.id = f.rowid WHERE entity_names_fts MATCH @match)');
      params.match = words.map((w) => `"${w}"*`).join(' ');
    }
    if (query.cursor) {
      const [count, id] = decodeCursor(query.cursor, ['number', 'number']);
      where.push('(e.attributions < @count OR (e.attributions = @count AND e.id > @id))');
      Object.assign(params, { count, id });
    }
    const rows = this.db.prepare(`SELECT id, name, kind, role, affiliation, attributions FROM entities e
      WHERE ${where.join(' AND ')} ORDER BY e.attributions DESC, e.id LIMIT @n`).all(params) as EntityRow[];
    const page = rows.slice(0, limit);
    const names = this.names(page.map((r) => r.id));
    const items = page.map((r) => speakerSummary(r, names.get(r.id) ?? []));
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.attributions, last.id]) : null };
  }

  /**
   * A speaker with their names, counts, statements per week, outlets and latest statements.
   * @example speakers.get('12')?.statementsPerWeek // [{week: '2025-W11', count: 3}]
   */
  get(id: string): SpeakerDetail | null {
    const n = Number(id);
    if (!Number.isInteger(n)) return null;
    const row = this.db.prepare('SELECT id, name, kind, role, affiliation, attributions FROM entities WHERE id = ?').get(n) as EntityRow | undefined;
    if (!row) return null;
    const days = this.db.prepare('SELECT said_on AS date, count(*) AS count FROM attributions WHERE speaker_id = ? GROUP BY said_on').all(n) as Array<{ date: string; count: number }>;
    const outlets = this.db.prepare(`SELECT coalesce(d.outlet, '') AS outlet, count(*) AS count FROM attributions a JOIN documents d ON d.id = a.document_id
      WHERE a.speaker_id = ? GROUP BY 1 ORDER BY 2 DESC, 1`).all(n) as Array<{ outlet: string; count: number }>;
    const documents = this.db.prepare('SELECT count(DISTINCT document_id) AS n FROM attributions WHERE speaker_id = ?').get(n) as { n: number };
    return {
      ...speakerSummary(row, this.names([n]).get(n) ?? []),
      role: row.role,
      affiliation: row.affiliation,
      documents: documents.n,
      statementsPerWeek: weeklyCounts(days),
      outlets: outlets.filter((o) => o.outlet),
      latest: this.search.run({ speakerId: id, limit: 5 }).items,
    };
  }

  private names(ids: number[]): Map<number, Array<{ name: string; how: string }>> {
    const out = new Map<number, Array<{ name: string; how: string }>>();
    if (!ids.length) return out;
    const rows = this.db.prepare(`SELECT entity_id, name, how FROM entity_names WHERE entity_id IN (SELECT value FROM json_each(?)) AND how <> 'name' ORDER BY id`)
      .all(JSON.stringify(ids)) as Array<{ entity_id: number; name: string; how: string }>;
    for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r]);
    return out;
  }
}
