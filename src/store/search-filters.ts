/**
 * @module A search's filters (body, year, kind, municipality, person) as conditions on search_doc rows
 * `d`: names and persons looked up as ids first, so the planner sees literal lists.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "./schema.js";
import type { SearchIndexFilters } from "./search-index-types.js";

/** Body and person filters as ids, looked up first (see filterConditions). */
export interface ResolvedFilters {
  readonly bodyIds?: readonly number[];
  readonly meetingIds?: readonly number[];
}

/**
 * Turns a body name and a person into the ids they stand for, in small queries of their own: as literal
 * lists the planner can AND the btree bitmaps on body_id and meeting_id with the GIN bitmap, where a
 * subquery left it walking common-word hits until enough passed (365 ms at 100k items).
 */
export async function resolveFilters(
  db: Kysely<Database>,
  filters: SearchIndexFilters,
): Promise<ResolvedFilters> {
  const resolved: { bodyIds?: number[]; meetingIds?: number[] } = {};
  if (filters.body !== undefined) {
    const rows = await sql<{ id: number }>`
      select id from body where lower(name) = lower(${filters.body}) or lower(short_name) = lower(${filters.body})
        or id::text = ${filters.body}`.execute(db);
    resolved.bodyIds = rows.rows.map((r) => r.id);
  }
  if (filters.personId !== undefined) {
    const rows = await sql<{ meeting_id: number }>`
      select meeting_id from attendance
      where person_id = ${filters.personId} and status = 'present' and not deleted`.execute(db);
    resolved.meetingIds = rows.rows.map((r) => r.meeting_id);
  }
  return resolved;
}

/** True when a filter names nothing that exists (an unknown body, a person at no meeting). */
export function matchesNothing(resolved: ResolvedFilters): boolean {
  return resolved.bodyIds?.length === 0 || resolved.meetingIds?.length === 0;
}

/** The filters as conditions on search_doc rows `d`, none when nothing is filtered. */
export function filterConditions(
  filters: SearchIndexFilters,
  resolved: ResolvedFilters,
): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (resolved.bodyIds !== undefined)
    parts.push(sql`d.body_id = any(${sql.val([...resolved.bodyIds])}::int[])`);
  if (filters.year !== undefined) {
    parts.push(
      sql`d.date >= make_date(${filters.year}::int, 1, 1) and d.date < make_date(${filters.year}::int + 1, 1, 1)`,
    );
  }
  if (filters.kind !== undefined) parts.push(sql`d.kind = ${filters.kind}`);
  if (filters.municipality !== undefined)
    parts.push(sql`${filters.municipality}::text = any(d.municipalities)`);
  if (resolved.meetingIds !== undefined) {
    parts.push(sql`d.meeting_id = any(${sql.val([...resolved.meetingIds])}::int[])`);
  }
  return parts;
}

/** " and a and b" for conditions to append to a where clause; nothing for none. */
export function andAll(parts: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`;
}
