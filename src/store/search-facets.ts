/**
 * @module A search's facet counts (body, year, kind, municipality, person), read in the ranking statement
 * from its `counted` rows, so they count what the viewer's results count and nothing else.
 */
import { type RawBuilder, sql } from "kysely";
import type { SearchFacetCounts, SearchFacetValue } from "./search-index-types.js";

export interface FacetRow {
  value: string;
  label: string;
  count: number;
}

/** The facet columns of the ranking statement's result row. */
export interface FacetColumns {
  body_facet: FacetRow[] | null;
  year_facet: FacetRow[] | null;
  kind_facet: FacetRow[] | null;
  municipality_facet: FacetRow[] | null;
  person_facet: FacetRow[] | null;
}

/**
 * Of (id, n) rows, those whose count is among the `limit` highest counts: the only ones that can be
 * listed, so only they are joined to their names (a common word's hits named 4,000 persons).
 * Persons are never deleted by any write today; a deleted leader would leave the list one short.
 */
function leaders(counts: RawBuilder<unknown>, limit: number): RawBuilder<unknown> {
  return sql`(select l.id, l.n from (select c.id, c.n, dense_rank() over (order by c.n desc) as r from (${counts}) c) l
         where l.r <= ${sql.lit(limit)})`;
}

/**
 * The select-list entries (FacetColumns) counting the statement's `counted` rows, `limit` values a facet.
 * @example sql`select ${facetSelects(10)} ...`
 */
export function facetSelects(limit: number): RawBuilder<unknown> {
  return sql`
      (select json_agg(x) from (
         select b.name as value, b.name as label, c.n as count
         from ${leaders(sql`select body_id as id, count(*)::int as n from counted where body_id is not null group by 1`, limit)} c
         join body b on b.id = c.id order by c.n desc, b.name limit ${limit}) x) as body_facet,
      (select json_agg(x) from (
         select y::text as value, y::text as label, n as count
         from (select extract(year from date)::int as y, count(*)::int as n from counted
               where date is not null group by 1) c order by y desc limit ${limit}) x) as year_facet,
      (select json_agg(x) from (
         select kind as value, kind as label, count(*)::int as count from counted group by kind
         order by count desc) x) as kind_facet,
      (select json_agg(x) from (
         select name as value, name as label, count(*)::int as count
         from counted, unnest(municipalities) as name group by name
         order by count desc, name limit ${limit}) x) as municipality_facet,
      (select json_agg(x) from (
         select p.id::text as value,
                p.name || coalesce(' (' || concat_ws(', ', p.party, p.municipality) || ')', '') as label,
                c.n as count
         -- Hits per meeting first: a meeting's attendees are joined once, not once per hit.
         from ${leaders(
           sql`select a.person_id as id, sum(m.n)::int as n
               from (select meeting_id, count(*) as n from counted where meeting_id is not null group by 1) m
               join attendance a on a.meeting_id = m.meeting_id and a.status = 'present' and not a.deleted
               group by a.person_id`,
           limit,
         )} c
         join person p on p.id = c.id and not p.deleted
         order by c.n desc, p.name limit ${limit}) x) as person_facet`;
}

function facetValues(rows: FacetRow[] | null): SearchFacetValue[] {
  return (rows ?? []).map((r) => ({
    value: String(r.value),
    label: String(r.label),
    count: Number(r.count),
  }));
}

/** The facet counts of the statement's result row. */
export function readFacets(row: FacetColumns): SearchFacetCounts {
  return {
    body: facetValues(row.body_facet),
    year: facetValues(row.year_facet),
    kind: facetValues(row.kind_facet),
    municipality: facetValues(row.municipality_facet),
    person: facetValues(row.person_facet),
  };
}

export function emptyFacets(): SearchFacetCounts {
  return { body: [], year: [], kind: [], municipality: [], person: [] };
}
