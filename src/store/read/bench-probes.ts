/**
 * @module Queries the benchmarks need and the product does not: the size of a schema, the raw full-text
 * query that is the floor under the search layer, and dropping a benchmark's schema. SQL lives in the store.
 * In read/ since nearly all of it reads; dropSchema and analyze are the benchmarks' housekeeping.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

/** Bytes on disk of every table and index in the current schema (search_path's first entry). */
export async function schemaSizeBytes(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ bytes: number }>`
    select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'm')`.execute(db);
  return Number(result.rows[0]?.bytes ?? 0);
}

/** Items, meetings and annex pages in the store, to report what a size figure is per. */
export async function corpusCounts(
  db: Kysely<Database>,
): Promise<{ items: number; meetings: number; pages: number }> {
  const result = await sql<{ items: number; meetings: number; pages: number }>`
    select (select count(*) from agenda_item)::int as items, (select count(*) from meeting)::int as meetings,
           (select count(*) from file_page)::int as pages`.execute(db);
  return result.rows[0] ?? { items: 0, meetings: 0, pages: 0 };
}

/**
 * The floor under search: one raw query over search_doc, the table and partial GIN index search reads
 * (migration 0004), ranking every visible item and annex page that matches, top 10, no snippets, grouping
 * or facets.
 */
export async function rawSearchFloor(db: Kysely<Database>, query: string): Promise<number> {
  const result = await sql<{ id: number }>`
    with q as (select websearch_to_tsquery('danish', ${query}) as q)
    select d.id from search_doc d, q
    where d.visible and d.vector @@ q.q order by ts_rank(d.vector, q.q) desc limit 10`.execute(db);
  return result.rows.length;
}

/** Drops a benchmark's schema on the server, with everything in it. */
export async function dropSchema(db: Kysely<Database>, schema: string): Promise<void> {
  await sql.raw(`drop schema if exists "${schema.replace(/"/g, "")}" cascade`).execute(db);
}

/** Refreshes planner statistics of the corpus tables after a bulk load, as autovacuum would later. */
export async function analyze(db: Kysely<Database>): Promise<void> {
  // Named tables only: a bare ANALYZE would walk every schema on the server, other suites' too.
  await sql`analyze body, person, meeting, attendance, case_file, agenda_item, file, file_page, source_file,
              search_doc, search_word`.execute(db);
}

export interface SamplePages {
  readonly bodyId: number | null;
  /** The meeting with the most public items: the heaviest meeting page. */
  readonly meetingId: number | null;
  /** The public item with the most text. */
  readonly itemId: number | null;
  /** The person with the most attendance rows. */
  readonly personId: number | null;
  /** The annex with the most pages. */
  readonly annexId: number | null;
}

/** Ids of the heaviest page of each type, so page figures are worst cases rather than lucky ones. */
export async function samplePages(db: Kysely<Database>): Promise<SamplePages> {
  const first = async <T>(query: Promise<{ rows: T[] }>) => (await query).rows[0] ?? null;
  const body = await first(sql<{ id: number }>`select id from body order by id limit 1`.execute(db));
  const meeting = await first(
    sql<{ id: number }>`select meeting_id as id from agenda_item where public and not deleted
      group by meeting_id order by count(*) desc, meeting_id limit 1`.execute(db),
  );
  const item = await first(
    sql<{ id: number }>`select id from agenda_item where public and not deleted
      order by length(coalesce(sagsfremstilling, '')) + length(coalesce(baggrund, '')) desc, id limit 1`.execute(
      db,
    ),
  );
  const person = await first(
    sql<{
      id: number;
    }>`select person_id as id from attendance group by person_id order by count(*) desc, person_id limit 1`.execute(
      db,
    ),
  );
  const annex = await first(
    sql<{ id: number }>`select f.id from file f join file_page p on p.file_id = f.id
      where f.role = 'annex' and not f.deleted group by f.id order by count(*) desc, f.id limit 1`.execute(
      db,
    ),
  );
  return {
    bodyId: body?.id ?? null,
    meetingId: meeting?.id ?? null,
    itemId: item?.id ?? null,
    personId: person?.id ?? null,
    annexId: annex?.id ?? null,
  };
}

/** Ids of a spread of meetings (every n-th), for load tests that should not hit one cached row only. */
export async function meetingIds(db: Kysely<Database>, count: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select id from (select id, row_number() over (order by id) as n, count(*) over () as total from meeting) m
    where n % greatest(1, total / ${count}) = 0 order by id limit ${count}`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Ids of a spread of open items (every n-th), for the item page's load test; closed items have a short page. */
export async function openItemIds(db: Kysely<Database>, count: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select id from (select id, row_number() over (order by id) as n, count(*) over () as total
      from agenda_item where public and not deleted) i
    where n % greatest(1, total / ${count}) = 0 order by id limit ${count}`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The server processes serving connections that named themselves `applicationName`. */
export async function backendPids(db: Kysely<Database>, applicationName: string): Promise<number[]> {
  const result = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${applicationName}`.execute(db);
  return result.rows.map((r) => r.pid);
}
