import { run, runPlanned, type Queryable } from './connection.js';
import { EntityWorkingSet, UNSTORED, type EntityRow, type NameRow } from './entity-set.js';
import { nameSearchText } from './text-fold.js';

const ENTITY = 'id, name, norm, kind, role, affiliation, attributions, block';
const NAME = 'id, entity_id, norm, name, how, seen';

const SQL = {
  /**
   * $1 the document's norms, $2 those and its aliases' norms, $3 its name buckets, $4 how many
   * entities of each bucket, oldest first. The entities known by a name under $1 come complete.
   */
  load: `WITH hits AS (SELECT DISTINCT entity_id AS id FROM entity_names WHERE norm = ANY($1::text[]) AND how <> 'description'),
      bucket AS (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY block ORDER BY id) AS r FROM entities WHERE block = ANY($3::text[])) b
        WHERE r <= $4)
    SELECT (SELECT coalesce(json_agg(e), '[]') FROM (SELECT ${ENTITY} FROM entities
        WHERE id = ANY(ARRAY(SELECT id FROM hits UNION SELECT id FROM bucket))) e) AS entities,
      (SELECT coalesce(json_agg(n), '[]') FROM (SELECT ${NAME} FROM entity_names
        WHERE entity_id = ANY(ARRAY(SELECT id FROM hits)) AND (how <> 'description' OR norm = ANY($2::text[]))) n) AS names,
      (SELECT coalesce(json_agg(id), '[]') FROM hits) AS complete`,
  names: `SELECT ${NAME} FROM entity_names WHERE entity_id = ANY($1::bigint[]) AND (how <> 'description' OR norm = ANY($2::text[]))`,
  /**
   * New rows take ids from the tables' own sequences, handed out in the order the rows were
   * made (the k-th smallest id to the k-th row), so ORDER BY id keeps meaning "older first".
   */
  save: `WITH entity_ids AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS k
        FROM (SELECT nextval(pg_get_serial_sequence('entities', 'id')) AS id FROM generate_series(1, cardinality($1::text[]))) s),
      name_ids AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS k
        FROM (SELECT nextval(pg_get_serial_sequence('entity_names', 'id')) AS id FROM generate_series(1, cardinality($7::text[]))) s),
      new_entities AS (INSERT INTO entities (id, name, norm, kind, role, affiliation, block)
        SELECT i.id, u.name, u.norm, u.kind, u.role, u.affiliation, u.block
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(name, norm, kind, role, affiliation, block, k)
        JOIN entity_ids i USING (k)),
      new_names AS (INSERT INTO entity_names (id, entity_id, norm, name, how, seen, name_tsv)
        SELECT i.id, coalesce(u.entity_id, e.id), u.norm, u.name, u.how, u.seen, to_tsvector('simple', u.words)
        FROM unnest($7::text[], $8::bigint[], $9::int[], $10::text[], $11::text[], $12::int[], $13::text[]) WITH ORDINALITY
          AS u(norm, entity_id, new_entity, name, how, seen, words, k)
        JOIN name_ids i USING (k) LEFT JOIN entity_ids e ON e.k = u.new_entity),
      changed_entities AS (UPDATE entities e SET name = u.name, norm = u.norm, block = u.block, kind = coalesce(e.kind, u.kind),
          role = coalesce(e.role, u.role), affiliation = coalesce(e.affiliation, u.affiliation)
        FROM unnest($14::bigint[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[]) AS u(id, name, norm, block, kind, role, affiliation)
        WHERE e.id = ANY($14::bigint[]) AND e.id = u.id),
      changed_names AS (UPDATE entity_names n SET how = u.how, seen = n.seen + u.seen_by
        FROM unnest($21::bigint[], $22::text[], $23::int[]) AS u(id, how, seen_by) WHERE n.id = ANY($21::bigint[]) AND n.id = u.id)
    SELECT coalesce(array_agg(id ORDER BY k), '{}') AS ids FROM entity_ids`,
};

/** What the working set is loaded for: each speaker's norm (null for none) and name, and every norm the document writes. */
export interface EntityWants {
  speakers: Array<{ norm: string; name: string; descriptive: boolean } | null>;
  blocks: string[];
  norms: string[];
}

/**
 * Loads what a document's speakers can reach, in one round trip: the entities known by their
 * names, complete, and the first `perBlock` entities of their name buckets.
 * @example const set = await loadEntitySet(client, wants, 500 + wants.speakers.length)
 */
export async function loadEntitySet(db: Queryable, wants: EntityWants, perBlock: number): Promise<EntityWorkingSet> {
  const set = new EntityWorkingSet(wants.norms);
  const own = wants.speakers.flatMap((s) => (s ? [s.norm] : []));
  const row = (await runPlanned<{ entities: EntityRow[]; names: NameRow[]; complete: number[] }>(db, SQL.load, [own, wants.norms, wants.blocks, perBlock]))[0];
  set.addStored(row.entities, row.names, row.complete);
  return set;
}

/**
 * Loads the names of entities not complete yet, in one round trip.
 * @example await completeEntities(client, set, [12, 40])
 */
export async function completeEntities(db: Queryable, set: EntityWorkingSet, ids: number[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !set.isComplete(id));
  if (missing.length) set.addStored([], await runPlanned<NameRow>(db, SQL.names, [missing, set.norms]), missing);
}

/**
 * Writes the working set's changes in one statement (none when nothing changed) and returns
 * the stored id of each of its entities.
 * @example const storedId = await saveEntitySet(client, set); storedId(id)
 */
export async function saveEntitySet(db: Queryable, set: EntityWorkingSet): Promise<(id: number) => number> {
  const c = set.changes();
  if (!c.newEntities.length && !c.changedEntities.length && !c.newNames.length && !c.changedNames.length) return (id) => id;
  const position = new Map(c.newEntities.map((e, i) => [e.id, i + 1]));
  const cols = <T>(rows: T[], ...fields: Array<(row: T) => unknown>): unknown[][] => fields.map((f) => rows.map(f));
  const params = [
    ...cols(c.newEntities, (e) => e.name, (e) => e.norm, (e) => e.kind, (e) => e.role, (e) => e.affiliation, (e) => e.block),
    ...cols(c.newNames, (n) => n.norm, (n) => (n.entity_id < UNSTORED ? n.entity_id : null), (n) => position.get(n.entity_id) ?? null,
      (n) => n.name, (n) => n.how, (n) => n.seen, (n) => nameSearchText(n.name)),
    ...cols(c.changedEntities, (e) => e.id, (e) => e.name, (e) => e.norm, (e) => e.block, (e) => e.kind, (e) => e.role, (e) => e.affiliation),
    ...cols(c.changedNames, (n) => n.id, (n) => n.how, (n) => n.seenBy),
  ];
  const ids = (await run<{ ids: string[] }>(db, SQL.save, params))[0].ids.map(Number);
  return (id) => (id < UNSTORED ? id : ids[(position.get(id) as number) - 1]);
}
