/**
 * @module Full-text search over public items and annex pages: ranking, grouping, facet counts and
 * snippets, in two statements per search. Closed items (public = false), annexes of closed items and
 * deleted rows are excluded in the one place every search passes through: the `hits` CTE below.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "./schema.js";

export const SEARCH_KINDS = ["item", "decision", "annex"] as const;
/** item: an agenda item without a decision; decision: an item with a Beslutning; annex: a page of a bilag. */
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const isSearchKind = (value: string): value is SearchKind =>
  (SEARCH_KINDS as readonly string[]).includes(value);

export const SEARCH_FACETS = ["body", "year", "kind", "municipality", "person"] as const;
export type SearchFacetName = (typeof SEARCH_FACETS)[number];

export interface SearchIndexFilters {
  /** Body name or short name, case-insensitive ("KKR Nordjylland"). */
  readonly body?: string | undefined;
  readonly year?: number | undefined;
  readonly kind?: SearchKind | undefined;
  /** A municipality the text mentions ("Aalborg"). */
  readonly municipality?: string | undefined;
  /** Id of a person present at the meeting. */
  readonly personId?: number | undefined;
}

export interface SearchIndexQuery {
  /** to_tsquery text that selects the hits (words may carry :* to match compounds). */
  readonly match: string;
  /** The same without prefixes: hits that match it exactly rank above compound-only hits. */
  readonly exact: string;
  readonly filters?: SearchIndexFilters;
  readonly sort?: "relevance" | "date";
  readonly limit: number;
  readonly offset: number;
  /** Values listed per facet (the most frequent). */
  readonly facetLimit?: number;
  /**
   * to_tsquery texts of the words asked for, one per word or group. When given, a hit with more of them
   * ranks above one with fewer, whatever its weights: the order an any-word search needs.
   */
  readonly coverage?: readonly string[];
}

export interface SearchFacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export type SearchFacetCounts = Readonly<Record<SearchFacetName, readonly SearchFacetValue[]>>;

/** One result: an item, or one page of an annex. */
export interface SearchIndexHit {
  readonly kind: SearchKind;
  readonly score: number;
  readonly itemId: number | null;
  readonly fileId: number | null;
  readonly title: string;
  readonly itemNumber: string | null;
  readonly meetingId: number | null;
  readonly meetingDate: string | null;
  readonly bodyName: string | null;
  readonly fileName: string | null;
  readonly sha256: string | null;
  readonly page: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
  /** ts_headline output with SNIPPET_START / SNIPPET_END around matches; not HTML-escaped. */
  readonly snippet: string;
  /** Other matching pages of the same annex, collapsed under its best page. */
  readonly morePages: readonly number[];
}

export interface SearchIndexResult {
  readonly total: number;
  readonly facets: SearchFacetCounts;
  readonly hits: readonly SearchIndexHit[];
}

/** Control characters that cannot occur in cleaned text, so they mark matches unambiguously. */
export const SNIPPET_START = "\u0002";
export const SNIPPET_END = "\u0003";

/**
 * A compound-only match ("klimaplan" for "klima") counts this much of an exact one. Below 1 so exact
 * words rank first; not 0, so among compound-only hits the stronger field still wins.
 */
const PREFIX_WEIGHT = 0.3;
/** Pages of one annex shown as results; the rest are listed under the best page. */
const PAGES_PER_ANNEX = 2;
/** Results from one meeting before each further one is damped, so one meeting does not fill a page. */
const HITS_PER_MEETING = 3;
const MEETING_DAMPING = 0.75;
/**
 * ts_rank weights for D, C, B, A (annex text, other fields, Indstilling/Beslutning, title). The default
 * {0.1, 0.2, 0.4, 1.0} is kept except annex text, raised a little: an annex page is often the only place
 * a detail is written, and its pages are short beside a whole item.
 */
const RANK_WEIGHTS = "{0.15, 0.25, 0.5, 1.0}";
/** ts_rank normalisation 1: divide by 1 + log(length), so a long item does not win by length alone. */
const RANK_NORMALISATION = 1;

function filterSql(filters: SearchIndexFilters, meeting: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.body !== undefined) {
    parts.push(
      sql`${meeting}.body_id in (select id from body where lower(name) = lower(${filters.body}) or lower(short_name) = lower(${filters.body}))`,
    );
  }
  if (filters.year !== undefined) {
    parts.push(
      sql`${meeting}.date >= make_date(${filters.year}::int, 1, 1) and ${meeting}.date < make_date(${filters.year}::int + 1, 1, 1)`,
    );
  }
  if (filters.personId !== undefined) {
    parts.push(
      sql`${meeting}.id in (select meeting_id from attendance where person_id = ${filters.personId} and status = 'present' and not deleted)`,
    );
  }
  return parts;
}

function and(parts: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`;
}

/** The hits CTE: every public item and annex page that matches, with its score. */
function hitsSql(query: SearchIndexQuery): RawBuilder<unknown> {
  const filters = query.filters ?? {};
  const branches: RawBuilder<unknown>[] = [];
  const municipality = (column: RawBuilder<unknown>) =>
    filters.municipality !== undefined ? [sql`${filters.municipality}::text = any(${column})`] : [];
  const coverage = query.coverage ?? [];
  const covered = (vector: RawBuilder<unknown>) =>
    coverage.length === 0
      ? sql`0`
      : sql.join(
          coverage.map((_, i) => sql`(${vector} @@ q.groups[${sql.lit(i + 1)}])::int`),
          sql` + `,
        );
  const score = (vector: RawBuilder<unknown>) =>
    sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], ${vector}, q.eq, ${sql.lit(RANK_NORMALISATION)})
        + ${sql.lit(PREFIX_WEIGHT)} * ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], ${vector}, q.mq, ${sql.lit(RANK_NORMALISATION)})`;
  if (filters.kind !== "annex") {
    const kindFilter =
      filters.kind === "decision"
        ? [sql`coalesce(ai.beslutning, '') <> ''`]
        : filters.kind === "item"
          ? [sql`coalesce(ai.beslutning, '') = ''`]
          : [];
    branches.push(sql`
      select ai.id as item_id, null::integer as file_id, null::integer as page, ai.meeting_id, m.body_id, m.date,
             case when coalesce(ai.beslutning, '') <> '' then 'decision' else 'item' end as kind,
             ai.search_municipalities as municipalities,
             ${score(sql`ai.search_vector`)} as score, ${covered(sql`ai.search_vector`)} as covered
      from q, agenda_item ai join meeting m on m.id = ai.meeting_id
      where ai.search_vector @@ q.mq and ai.public and not ai.deleted and not m.deleted
        ${and([...kindFilter, ...municipality(sql`ai.search_municipalities`), ...filterSql(filters, sql`m`)])}`);
  }
  if (filters.kind === undefined || filters.kind === "annex") {
    // An annex without a meeting (a pack with no date) has no body or year, so those filters drop it.
    const meetingFilters = filterSql(filters, sql`m`);
    branches.push(sql`
      select f.agenda_item_id as item_id, f.id as file_id, fp.page, f.meeting_id, m.body_id, m.date,
             'annex' as kind, fp.search_municipalities as municipalities,
             ${score(sql`fp.search_vector`)} as score, ${covered(sql`fp.search_vector`)} as covered
      from q, file_page fp join file f on f.id = fp.file_id
        left join meeting m on m.id = f.meeting_id
        left join agenda_item ai on ai.id = f.agenda_item_id
      where fp.search_vector @@ q.mq and f.role = 'annex' and not f.deleted
        and (m.id is null or not m.deleted)
        -- The annex of a closed item is as closed as the item.
        and (f.agenda_item_id is null or ai.public)
        ${and([...municipality(sql`fp.search_municipalities`), ...meetingFilters])}`);
  }
  return sql.join(branches, sql` union all `);
}

/**
 * Searches the index. `visible` is every hit after grouping: at most PAGES_PER_ANNEX pages per annex,
 * and a damped score for a meeting's fourth hit and on. Total, facets and the page of results are all
 * read from it, in one statement, so they always agree.
 * @example await searchIndex(db, { match: "'biokul':*", exact: "'biokul'", limit: 10, offset: 0 })
 */
export async function searchIndex(db: Kysely<Database>, query: SearchIndexQuery): Promise<SearchIndexResult> {
  const facetLimit = query.facetLimit ?? 10;
  const order =
    query.sort === "date"
      ? sql`v.covered desc, v.date desc nulls last, v.adjusted desc, v.item_id, v.file_id, v.page`
      : sql`v.adjusted desc, v.date desc nulls last, v.item_id, v.file_id, v.page`;
  const result = await sql<{
    total: number;
    page_rows: PageRow[] | null;
    body_facet: FacetRow[] | null;
    year_facet: FacetRow[] | null;
    kind_facet: FacetRow[] | null;
    municipality_facet: FacetRow[] | null;
    person_facet: FacetRow[] | null;
  }>`
    -- Not materialized: inlined, the tsqueries become constants the planner can take to the GIN indexes.
    with q as not materialized (
      select to_tsquery('danish', ${query.match}) as mq, to_tsquery('danish', ${query.exact}) as eq,
        array[${sql.join([...(query.coverage ?? []).map((g) => sql`to_tsquery('danish', ${g})`), sql`null::tsquery`])}] as groups
    ),
    hits as (${hitsSql(query)}),
    grouped as (
      select h.*,
        row_number() over (partition by coalesce(h.file_id, -h.item_id) order by h.covered desc, h.score desc, h.page) as n_in_file,
        count(*) over (partition by h.file_id) as pages_in_file
      from hits h
    ),
    visible as materialized (
      select g.*,
        -- Coverage first (10 is above any rank), then the score, damped past a meeting's first hits.
        g.covered * 10 + g.score * power(${sql.lit(MEETING_DAMPING)}, greatest(0, row_number() over (
          partition by coalesce(g.meeting_id, -g.file_id), g.covered order by g.score desc) - ${sql.lit(HITS_PER_MEETING)})) as adjusted
      from grouped g
      where g.file_id is null or g.n_in_file <= ${sql.lit(PAGES_PER_ANNEX)}
    )
    select
      (select count(*)::int from visible) as total,
      (select json_agg(p) from (
         select v.kind, v.item_id, v.file_id, v.page, v.adjusted as score, v.n_in_file, v.pages_in_file
         from visible v order by ${order} limit ${query.limit} offset ${query.offset}) p) as page_rows,
      (select json_agg(x) from (
         select b.name as value, b.name as label, c.n as count
         from (select body_id, count(*)::int as n from visible where body_id is not null group by body_id) c
         join body b on b.id = c.body_id order by c.n desc, b.name limit ${facetLimit}) x) as body_facet,
      (select json_agg(x) from (
         select y::text as value, y::text as label, n as count
         from (select extract(year from date)::int as y, count(*)::int as n from visible
               where date is not null group by 1) c order by y desc limit ${facetLimit}) x) as year_facet,
      (select json_agg(x) from (
         select kind as value, kind as label, count(*)::int as count from visible group by kind
         order by count desc) x) as kind_facet,
      (select json_agg(x) from (
         select name as value, name as label, count(*)::int as count
         from visible, unnest(municipalities) as name group by name
         order by count desc, name limit ${facetLimit}) x) as municipality_facet,
      (select json_agg(x) from (
         select p.id::text as value,
                p.name || coalesce(' (' || concat_ws(', ', p.party, p.municipality) || ')', '') as label,
                c.n as count
         from (select a.person_id, count(*)::int as n from visible v
               join attendance a on a.meeting_id = v.meeting_id and a.status = 'present' and not a.deleted
               group by a.person_id) c
         join person p on p.id = c.person_id and not p.deleted
         order by c.n desc, p.name limit ${facetLimit}) x) as person_facet
  `.execute(db);
  const row = result.rows[0];
  if (!row) return { total: 0, facets: emptyFacets(), hits: [] };
  const pageRows = row.page_rows ?? [];
  const hits = await hitDetails(db, query.match, pageRows);
  return {
    total: row.total,
    facets: {
      body: facetValues(row.body_facet),
      year: facetValues(row.year_facet),
      kind: facetValues(row.kind_facet),
      municipality: facetValues(row.municipality_facet),
      person: facetValues(row.person_facet),
    },
    hits,
  };
}

interface PageRow {
  kind: SearchKind;
  item_id: number | null;
  file_id: number | null;
  page: number | null;
  score: number;
  n_in_file: number;
  pages_in_file: number;
}

interface FacetRow {
  value: string;
  label: string;
  count: number;
}

function facetValues(rows: FacetRow[] | null): SearchFacetValue[] {
  return (rows ?? []).map((r) => ({
    value: String(r.value),
    label: String(r.label),
    count: Number(r.count),
  }));
}

export function emptyFacets(): SearchFacetCounts {
  return { body: [], year: [], kind: [], municipality: [], person: [] };
}

/** ts_headline settings: two short passages around the matches, joined by an ellipsis. */
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

interface DetailRow {
  key: string;
  title: string;
  item_number: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  body_name: string | null;
  file_name: string | null;
  sha256: string | null;
  page: number | null;
  line_start: number | null;
  line_end: number | null;
  snippet: string | null;
  more_pages: number[] | null;
}

/** Titles, provenance and snippets for one page of results (ts_headline is costly: only these few). */
async function hitDetails(
  db: Kysely<Database>,
  match: string,
  rows: readonly PageRow[],
): Promise<SearchIndexHit[]> {
  if (rows.length === 0) return [];
  const itemIds = rows.filter((r) => r.file_id === null).map((r) => r.item_id ?? 0);
  const pages = rows.filter((r) => r.file_id !== null);
  const fileIds = pages.map((r) => r.file_id ?? 0);
  const pageNumbers = pages.map((r) => r.page ?? 0);
  const details = await sql<DetailRow>`
    with q as not materialized (select to_tsquery('danish', ${match}) as mq)
    select 'i' || ai.id as key, ai.title, ai.number as item_number, m.id as meeting_id, m.date as meeting_date,
           b.name as body_name, sf.file_name, sf.sha256, ai.page, ai.line_start, ai.line_end,
           ts_headline('danish',
             concat_ws(E'\n', ai.indstilling, ai.beslutning, ai.resume, ai.baggrund, ai.sagsforloeb,
                       ai.sagsfremstilling, ai.notes, ai.title),
             q.mq, ${HEADLINE_OPTIONS}) as snippet,
           null::int[] as more_pages
    from q, agenda_item ai
      join meeting m on m.id = ai.meeting_id
      join body b on b.id = m.body_id
      left join source_file sf on sf.id = ai.source_file_id
    where ai.id = any(${sql.val(itemIds)}::int[]) and ai.public and not ai.deleted
    union all
    select 'f' || f.id || ':' || fp.page, f.title, f.item_number, m.id, m.date, b.name, f.file_name, f.sha256,
           fp.page, fp.line_start, fp.line_end,
           ts_headline('danish', fp.text, q.mq, ${HEADLINE_OPTIONS}),
           array(select o.page from file_page o where o.file_id = f.id and o.search_vector @@ q.mq order by o.page)
    from q, unnest(${sql.val(fileIds)}::int[], ${sql.val(pageNumbers)}::int[]) as wanted(file_id, page)
      join file f on f.id = wanted.file_id
      join file_page fp on fp.file_id = f.id and fp.page = wanted.page
      left join meeting m on m.id = f.meeting_id
      left join body b on b.id = m.body_id
      left join agenda_item ai on ai.id = f.agenda_item_id
    where not f.deleted and (f.agenda_item_id is null or ai.public)
  `.execute(db);
  const byKey = new Map(details.rows.map((d) => [d.key, d]));
  const hits: SearchIndexHit[] = [];
  for (const row of rows) {
    const key = row.file_id === null ? `i${row.item_id}` : `f${row.file_id}:${row.page}`;
    const d = byKey.get(key);
    if (!d) continue;
    // The best page of an annex with more matching pages than are shown lists the others.
    const more =
      row.file_id !== null && row.n_in_file === 1 && row.pages_in_file > PAGES_PER_ANNEX
        ? (d.more_pages ?? []).filter((p) => p !== d.page)
        : [];
    hits.push({
      kind: row.kind,
      score: row.score,
      itemId: row.file_id === null ? row.item_id : null,
      fileId: row.file_id,
      title: d.title,
      itemNumber: d.item_number,
      meetingId: d.meeting_id,
      meetingDate: d.meeting_date,
      bodyName: d.body_name,
      fileName: d.file_name,
      sha256: d.sha256,
      page: d.page,
      lineStart: d.line_start,
      lineEnd: d.line_end,
      snippet: d.snippet ?? "",
      morePages: more,
    });
  }
  return hits;
}

export { knownWords, refreshSearchWords, similarWord } from "./search-words.js";
