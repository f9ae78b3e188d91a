import { decodeCursor, encodeCursor } from '../cursor.js';
import { weeklyCounts } from '../iso-week.js';
import { normalizeName } from '../name-matcher.js';
import { speakerSummary, type EntityRow } from '../sqlite/rows.js';
import { StoreQueryError, type Page, type SpeakerDetail, type SpeakerSummary } from '../store.js';
import { run, type Queryable } from './connection.js';
import type { PgAttributionSearch } from './search.js';
import { nameTsQuery } from './ts-query.js';

/**
 * Speakers of the PostgreSQL store: the list (most quoted first, optionally filtered by the
 * start of any word of a name) and one speaker in detail, as the SQLite store gives them.
 * @example (await new PgSpeakerQueries(pool, search).list({q: 'oka'})).items[0].name // 'Maria Okafor'
 */
export class PgSpeakerQueries {
  constructor(private readonly db: Queryable, private readonly search: PgAttributionSearch) {}

  /**
   * One page of speakers, most attributions first.
   * @example await speakers.list({q: 'okaf'}) // {items: [{name: 'Maria Okafor', …}], nextCursor: null}
   */
  async list(query: { q?: string; limit?: number; cursor?: string }): Promise<Page<SpeakerSummary>> {
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new StoreQueryError(`limit must be a whole number from 1 to 1000, got ${limit}`);
    const where = ['e.attributions > 0'];
    const params: unknown[] = [];
    if (query.q !== undefined && query.q.trim()) {
      const words = normalizeName(query.q).split(' ').filter(Boolean);
      if (!words.length) return { items: [], nextCursor: null };
      where.push(`e.id IN (SELECT entity_id FROM entity_names WHERE name_tsv @@ to_tsquery('simple', $${params.push(nameTsQuery(words, true))}))`);
    }
    if (query.cursor) {
      const [count, id] = decodeCursor(query.cursor, ['number', 'number']) as number[];
      if (!Number.isSafeInteger(count) || !Number.isSafeInteger(id)) throw new StoreQueryError(`invalid cursor "${query.cursor}": pass back the nextCursor of a previous page`);
      const [c, i] = [`$${params.push(count)}`, `$${params.push(id)}`];
      where.push(`(e.attributions < ${c} OR (e.attributions = ${c} AND e.id > ${i}))`);
    }
    const rows = await run<EntityRow>(this.db, `SELECT id, name, kind, role, affiliation, attributions FROM entities e
      WHERE ${where.join(' AND ')} ORDER BY e.attributions DESC, e.id LIMIT $${params.push(limit + 1)}`, params);
    const page = rows.slice(0, limit);
    const names = await this.names(page.map((r) => r.id));
    const last = page[page.length - 1];
    return { items: page.map((r) => speakerSummary(r, names.get(r.id) ?? [])), nextCursor: rows.length > limit && last ? encodeCursor([last.attributions, last.id]) : null };
  }

  /**
   * A speaker with their names, counts, statements per week, outlets and latest statements.
   * @example (await speakers.get('12'))?.statementsPerWeek // [{week: '2025-W11', count: 3}]
   */
  async get(id: string): Promise<SpeakerDetail | null> {
    const n = Number(id);
    if (!/^\d+$/.test(id.trim()) || !Number.isSafeInteger(n)) return null;
    const row = (await run<EntityRow>(this.db, 'SELECT id, name, kind, role, affiliation, attributions FROM entities WHERE id = $1', [n]))[0];
    if (!row) return null;
    const [days, outlets, documents, names, latest] = await Promise.all([
      run<{ date: string; count: number }>(this.db, 'SELECT said_on AS date, count(*) AS count FROM attributions WHERE speaker_id = $1 GROUP BY said_on', [n]),
      run<{ outlet: string; count: number }>(this.db, `SELECT coalesce(d.outlet, '') AS outlet, count(*) AS count FROM attributions a
        JOIN documents d ON d.id = a.document_id WHERE a.speaker_id = $1 GROUP BY 1 ORDER BY 2 DESC, coalesce(d.outlet, '') COLLATE "C"`, [n]),
      run<{ n: number }>(this.db, 'SELECT count(DISTINCT document_id) AS n FROM attributions WHERE speaker_id = $1', [n]),
      this.names([n]),
      this.search.run({ speakerId: String(n), limit: 5 }),
    ]);
    return {
      ...speakerSummary(row, names.get(n) ?? []),
      role: row.role,
      affiliation: row.affiliation,
      documents: documents[0].n,
      statementsPerWeek: weeklyCounts(days),
      outlets: outlets.filter((o) => o.outlet),
      latest: latest.items,
    };
  }

  private async names(ids: number[]): Promise<Map<number, Array<{ name: string; how: string }>>> {
    const out = new Map<number, Array<{ name: string; how: string }>>();
    if (!ids.length) return out;
    const rows = await run<{ entity_id: number; name: string; how: string }>(this.db,
      "SELECT entity_id, name, how FROM entity_names WHERE entity_id = ANY($1::bigint[]) AND how <> 'name' ORDER BY id", [ids]);
    for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r]);
    return out;
  }
}
