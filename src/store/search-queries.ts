/**
 * @module Full-text search over public items and annex pages: ranking, grouping, facet counts and
 * snippets, in two statements per search. Every search reads search_doc (migration 0004) through its
 * partial GIN index `where visible`: `visible` is the public's visibility rule (migration 0012: nothing
 * withheld, nothing deleted), so closed items, their annexes, unlinked annexes and CPR pages are not in it.
 * Search is the public's for now: a signed-in viewer's search must add what they may see at query time.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { PUBLIC_VIEWER } from "../domain/index.js";
import { fileVisible, itemVisible, pageVisible } from "./read/visibility.js";
import type { Database } from "./schema.js";
import { commonTerm, newestHits } from "./search-common-words.js";

import {
  type SearchFacetCounts,
  type SearchFacetValue,
  type SearchIndexFilters,
  type SearchIndexHit,
  type SearchIndexQuery,
  type SearchIndexResult,
  type SearchKind,
  SearchTimeoutError,
  SNIPPET_END,
  SNIPPET_START,
} from "./search-index-types.js";

export * from "./search-index-types.js";

/** SQLSTATE 57014 query_canceled: what PostgreSQL raises when statement_timeout fires. */
function isStatementTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "57014";
}

/**
 * STATEMENT_TIMEOUT_NOTE: PGlite does not honour statement_timeout. It runs PostgreSQL single-user in
 * WebAssembly on the caller's thread, with no timer signal to cancel a statement (checked with PGlite
 * 0.3: `set local statement_timeout = 50` then pg_sleep(0.5) sleeps 0.5 s; a 30-million-row count ran
 * 32 s). On the embedded store a search's time is bounded by its bounds alone: MAX_QUERY_WORDS and
 * MAX_QUERY_LENGTH (parse-query.ts), HIT_CAP, VECTOR_HIT_CAP and PHRASE_ROWS here, and the page size.
 */

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

/**
 * Hits beyond this many are not ranked one by one: the ones whose title matches and then the newest are
 * ranked, and the rest only counted. Ranking reads each hit's vector; counting reads only narrow rows,
 * which keeps a word found in most of 100,000 items fast. Below this, every hit is ranked.
 */
const MIN_CANDIDATES = 120;
/**
 * Hits read per search. Past this, total is a lower bound (the results these hits make) and facets count
 * them: reading every one of 100k hits took seconds, and a person reads the first pages (the approach of
 * search engines that report "more than 10,000"). Items whose title matches are read beyond it. The
 * planner's estimate was shown here before; for a compound prefix it was 4x too high (5,724 for 1,408).
 * 500, not 1,000: reading, counting and facets grow with the hits read, and at 100k items the half cost
 * 6 ms of a search's p50 of 25 ms; fifty pages of results are still more than anyone pages through.
 */
const HIT_CAP = 500;
/**
 * A phrase is checked against each hit's word positions, and an any-word search counts each hit's words:
 * both read every hit's whole vector, so they read fewer hits before counting stops.
 */
const VECTOR_HIT_CAP = 300;
/**
 * Rows a phrase search checks for the phrase. The GIN index finds rows with all the words without reading
 * a vector, but only a share of them have the words together (301 of 5,449 for "sætter mål" at 100k
 * items), and each check reads the row's whole vector: so the rows with all the words are read up to
 * this many, the phrase checked in those, and past it the total is a lower bound.
 */
const PHRASE_ROWS = 1000;
/**
 * A search's statement timeout on a PostgreSQL server when the caller sets none. The slowest searches of
 * the 100k-item benchmark take a few hundred milliseconds; one that needs seconds is hostile or broken.
 */
export const DEFAULT_SEARCH_TIMEOUT_MS = 3000;

/**
 * Shortest stem that keeps its prefix mark. ts-query.ts marks words of four letters or more, but the
 * Danish stemmer cuts endings first: "kommer" became 'kom':*, which matched every "kommune", and "samme"
 * 'sam':*, 146,000 of 176,000 rows at 100k items (and cost a GIN scan of all of them). A shorter stem is
 * matched as a whole word.
 */
const MIN_PREFIX_STEM = 4;
const SHORT_PREFIX = `'([^']{1,${MIN_PREFIX_STEM - 1}})':\\*`;

/**
 * The tsquery of a to_tsquery text, stemmed by the 'danish' configuration, with the prefix mark dropped
 * from stems shorter than MIN_PREFIX_STEM. Words are letters and digits only (ts-query.ts), so a quote
 * in the query's text always delimits a lexeme.
 */
function tsQuery(text: string): RawBuilder<unknown> {
  return sql`regexp_replace(to_tsquery('danish', ${text})::text, ${SHORT_PREFIX}, ${"'\\1'"}, 'g')::tsquery`;
}

/** Body and person filters as ids, looked up first (see filterSql). */
interface ResolvedFilters {
  readonly bodyIds?: readonly number[];
  readonly meetingIds?: readonly number[];
}

/**
 * Turns a body name and a person into the ids they stand for, in small queries of their own: as literal
 * lists the planner can AND the btree bitmaps on body_id and meeting_id with the GIN bitmap, where a
 * subquery left it walking common-word hits until enough passed (365 ms at 100k items).
 */
async function resolveFilters(db: Kysely<Database>, filters: SearchIndexFilters): Promise<ResolvedFilters> {
  const resolved: { bodyIds?: number[]; meetingIds?: number[] } = {};
  if (filters.body !== undefined) {
    const rows = await sql<{ id: number }>`
      select id from body where lower(name) = lower(${filters.body}) or lower(short_name) = lower(${filters.body})`.execute(
      db,
    );
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

function filterSql(filters: SearchIndexFilters, resolved: ResolvedFilters): RawBuilder<unknown>[] {
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

function and(parts: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`;
}

/**
 * Searches the index. `hits` is every visible search_doc row that matches (narrow columns only);
 * `counted` keeps PAGES_PER_ANNEX pages per annex, and total and facets are read from it. The page of
 * results comes from `ranked`: candidates (all hits, or the best MIN_CANDIDATES by title match and date)
 * scored with ts_rank, grouped per annex and damped per meeting.
 * @example await searchIndex(db, { match: "'biokul':*", exact: "'biokul'", limit: 10, offset: 0 })
 */
export async function searchIndex(db: Kysely<Database>, query: SearchIndexQuery): Promise<SearchIndexResult> {
  const facetLimit = query.facetLimit ?? 10;
  // 0 would turn the timeout off: a search always has one.
  const timeoutMs = Math.max(1, Math.round(query.timeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS));
  const candidates = Math.max(MIN_CANDIDATES, (query.offset + query.limit) * 3);
  const coverage = query.coverage ?? [];
  const covered =
    coverage.length === 0
      ? sql`0`
      : sql.join(
          coverage.map((_, i) => sql`(d.vector @@ q.groups[${sql.lit(i + 1)}])::int`),
          sql` + `,
        );
  const rank = (tsquery: RawBuilder<unknown>) =>
    sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], c.vector, ${tsquery}, ${sql.lit(RANK_NORMALISATION)})`;
  const order =
    query.sort === "date"
      ? sql`v.covered desc, v.date desc nulls last, v.adjusted desc, v.id`
      : sql`v.adjusted desc, v.date desc nulls last, v.id`;
  /**
   * Of (id, n) rows, those whose count is among the facetLimit highest counts: the only ones that can be
   * listed, so only they are joined to their names (a common word's hits named 4,000 persons).
   * Persons are never deleted by any write today; a deleted leader would leave the list one short.
   */
  const leaders = (counts: RawBuilder<unknown>) =>
    sql`(select l.id, l.n from (select c.id, c.n, dense_rank() over (order by c.n desc) as r from (${counts}) c) l
         where l.r <= ${sql.lit(facetLimit)})`;
  const resolved = await resolveFilters(db, query.filters ?? {});
  const filterParts = filterSql(query.filters ?? {}, resolved);
  const filtered = filterParts.length > 0;
  const filters = and(filterParts);
  const phrase = query.match.includes("<->");
  const cap = query.hitCap ?? (phrase || (query.coverage ?? []).length > 0 ? VECTOR_HIT_CAP : HIT_CAP);
  /**
   * Visible search_doc rows matching `tsquery`, at most cap + 1, narrow columns only (a toasted
   * title_vector read per hit cost three buffers) and the vector as stored: a pointer, read only when
   * a candidate is ranked, so ranking needs no second lookup by id. "visible" is the partial index's
   * predicate: closed and deleted things are not in the index. querytree 'T': nothing positive is left
   * once stop words are dropped ("meget -x" is "!x"), which would match nearly everything through a full
   * index scan.
   */
  const hitsOf = (
    tsquery: RawBuilder<unknown>,
    when: RawBuilder<unknown> = sql`true`,
    from: RawBuilder<unknown> = sql`search_doc`,
  ) => sql`
      select d.id, d.item_id, d.file_id, d.page, d.meeting_id, d.body_id, d.date, d.kind, d.municipalities,
             d.vector, ${covered} as hit_cover
      from q, ${from} d
      where ${when} and d.visible and d.vector @@ ${tsquery} and querytree(${tsquery}) <> 'T' ${filters}
      limit ${sql.lit(cap + 1)}`;
  // The rows with all the words of a phrase search (its positive part, phrases as "and"), vectors unread.
  const phraseRows = sql`
    phrase_rows as materialized (
      select d.* from q, search_doc d
      where d.visible and d.vector @@ regexp_replace(querytree(q.mq), '<[0-9-]+>', '&', 'g')::tsquery
        and querytree(q.mq) <> 'T' ${filters}
      limit ${sql.lit(PHRASE_ROWS + 1)}
    ),`;
  if (resolved.bodyIds?.length === 0 || resolved.meetingIds?.length === 0) {
    return { total: 0, totalExact: true, facets: emptyFacets(), hits: [] };
  }
  const statement = (newest: readonly number[] | null) => sql<{
    total: number;
    capped: boolean;
    page_rows: PageRow[] | null;
    body_facet: FacetRow[] | null;
    year_facet: FacetRow[] | null;
    kind_facet: FacetRow[] | null;
    municipality_facet: FacetRow[] | null;
    person_facet: FacetRow[] | null;
  }>`
    -- Not materialized: inlined, the tsqueries become constants the planner can take to the GIN index.
    with q as not materialized (
      select ${tsQuery(query.match)} as mq, ${tsQuery(query.exact)} as eq,
        array[${sql.join([...coverage.map((g) => tsQuery(g)), sql`null::tsquery`])}] as groups
    ),
    ${
      newest
        ? sql`hits as materialized (
      select d.id, d.item_id, d.file_id, d.page, d.meeting_id, d.body_id, d.date, d.kind, d.municipalities,
             d.vector, ${covered} as hit_cover
      from q, search_doc d where d.id = any(${sql.val([...newest])}::int[])),`
        : phrase
          ? sql`${phraseRows} hits as materialized (${hitsOf(sql`q.mq`, sql`true`, sql`phrase_rows`)}),`
          : query.match === query.exact
            ? sql`hits as materialized (${hitsOf(sql`q.mq`)}),`
            : sql`
    -- A word found more than the cap as written is not widened to its compounds: past the cap they
    -- would only be counted, and a prefix scan of the GIN index costs about three times an exact one
    -- (50 ms for "lokale" at 100k items, 87,000 hits). Compounds in titles stay candidates (title_hits).
    -- Counted without filters, so a filter does not change what the words match; one scan runs, and
    -- without filters the count's own rows are the hits.
    ${
      filtered
        ? sql`common as materialized (
      select count(*) > ${sql.lit(cap)} as yes from (
        select 1 from q, search_doc d
        where d.visible and d.vector @@ q.eq and querytree(q.eq) <> 'T' limit ${sql.lit(cap + 1)}) e
    ),
    hits as materialized (
      (${hitsOf(sql`q.eq`, sql`(select yes from common)`)})
      union all
      (${hitsOf(sql`q.mq`, sql`not (select yes from common)`)})
    ),`
        : sql`exact_hits as materialized (${hitsOf(sql`q.eq`)}),
    common as materialized (select count(*) > ${sql.lit(cap)} as yes from exact_hits),
    hits as materialized (
      select * from exact_hits where (select yes from common)
      union all
      (${hitsOf(sql`q.mq`, sql`not (select yes from common)`)})
    ),`
    }`
    }
    -- Items whose title matches are the likeliest answers: always candidates, even past the cap.
    title_hits as (
      select d.id, d.item_id, d.file_id, d.page, d.meeting_id, d.body_id, d.date, d.kind, d.municipalities,
             d.vector, ${covered} as hit_cover
      from q, search_doc d
      -- The vector holds the title's words, so a title match is a match, unless an excluded word is in
      -- the rest: only then is the whole vector read.
      where d.visible and d.file_id is null and d.title_vector @@ q.mq
        ${query.match.includes("!") ? sql`and d.vector @@ q.mq` : sql``}
        and querytree(q.mq) <> 'T' ${filters}
      limit ${sql.lit(MIN_CANDIDATES)}
    ),
    counted as materialized (
      select h.* from hits h where h.file_id is null
      union all
      select p.id, p.item_id, p.file_id, p.page, p.meeting_id, p.body_id, p.date, p.kind, p.municipalities,
             p.vector, p.hit_cover
      from (select h.*, row_number() over (partition by h.file_id order by h.page) as n
            from hits h where h.file_id is not null) p
      where p.n <= ${sql.lit(PAGES_PER_ANNEX)}
    ),
    ranked as (
      select c.id, c.item_id, c.file_id, c.page, c.meeting_id, c.date, c.kind,
             ${rank(sql`q.eq`)} + ${sql.lit(PREFIX_WEIGHT)} * ${rank(sql`q.mq`)} as score,
             c.hit_cover as covered
      -- In an any-word search, hits with more of the words are the candidates first; then the newest.
      -- Deduplicated by id alone: comparing whole rows would read every vector.
      from q, (select distinct on (u.id) u.* from (
                 (select h.* from hits h
                  order by h.hit_cover desc, h.date desc nulls last, h.id limit ${candidates})
                 union all select * from title_hits) u
               order by u.id) c
    ),
    grouped as (
      select r.*,
        row_number() over (partition by coalesce(r.file_id, -r.item_id) order by r.covered desc, r.score desc, r.page) as n_in_file,
        count(*) over (partition by r.file_id) as pages_in_file
      from ranked r
    ),
    visible as (
      select g.*,
        -- Coverage first (10 is above any rank), then the score, damped past a meeting's first hits.
        g.covered * 10 + g.score * power(${sql.lit(MEETING_DAMPING)}, greatest(0, row_number() over (
          partition by coalesce(g.meeting_id, -g.file_id), g.covered order by g.score desc) - ${sql.lit(HITS_PER_MEETING)})) as adjusted
      from grouped g
      where g.file_id is null or g.n_in_file <= ${sql.lit(PAGES_PER_ANNEX)}
    )
    select
      (select count(*)::int from counted) as total,
      (select count(*)::int from hits) > ${sql.lit(cap)}
        ${phrase ? sql`or (select count(*) from phrase_rows) > ${sql.lit(PHRASE_ROWS)}` : sql``} as capped,
      (select json_agg(p) from (
         select v.kind, v.item_id, v.file_id, v.page, v.adjusted as score, v.n_in_file, v.pages_in_file
         from visible v order by ${order} limit ${query.limit} offset ${query.offset}) p) as page_rows,
      (select json_agg(x) from (
         select b.name as value, b.name as label, c.n as count
         from ${leaders(sql`select body_id as id, count(*)::int as n from counted where body_id is not null group by 1`)} c
         join body b on b.id = c.id order by c.n desc, b.name limit ${facetLimit}) x) as body_facet,
      (select json_agg(x) from (
         select y::text as value, y::text as label, n as count
         from (select extract(year from date)::int as y, count(*)::int as n from counted
               where date is not null group by 1) c order by y desc limit ${facetLimit}) x) as year_facet,
      (select json_agg(x) from (
         select kind as value, kind as label, count(*)::int as count from counted group by kind
         order by count desc) x) as kind_facet,
      (select json_agg(x) from (
         select name as value, name as label, count(*)::int as count
         from counted, unnest(municipalities) as name group by name
         order by count desc, name limit ${facetLimit}) x) as municipality_facet,
      (select json_agg(x) from (
         select p.id::text as value,
                p.name || coalesce(' (' || concat_ws(', ', p.party, p.municipality) || ')', '') as label,
                c.n as count
         -- Hits per meeting first: a meeting's attendees are joined once, not once per hit.
         from ${leaders(sql`select a.person_id as id, sum(m.n)::int as n
               from (select meeting_id, count(*) as n from counted where meeting_id is not null group by 1) m
               join attendance a on a.meeting_id = m.meeting_id and a.status = 'present' and not a.deleted
               group by a.person_id`)} c
         join person p on p.id = c.id and not p.deleted
         order by c.n desc, p.name limit ${facetLimit}) x) as person_facet
  `;
  const run = db.transaction().execute(async (tx) => {
    // The planner prices "@@" per row as if vectors were at hand: on a common word it picks a sequential
    // scan, and under LIMIT a btree index scan, that each detoast every vector they pass (2.3 s for 100k
    // hits). The GIN bitmap finds hits without reading a vector; these two settings leave it the only way.
    // Those settings make every plan look astronomically costly, which would start JIT compilation (5 s).
    // One statement for the three (set_config with is_local is SET LOCAL): a round trip each cost 1-3 ms
    // of a search on a busy server.
    // The timeout too, local to this transaction, so it ends with the search (STATEMENT_TIMEOUT_NOTE).
    const settings = await sql<{ match: string; exact: string }>`
      select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
             set_config('jit', 'off', true),
             set_config('statement_timeout', ${String(timeoutMs)}, true),
             ${tsQuery(query.match)}::text as match, ${tsQuery(query.exact)}::text as exact`.execute(tx);
    // A word in most documents is read newest first by date instead (search-common-words.ts). Filters,
    // phrases and several words make the share of hits unknown: those keep the bitmap.
    const stemmed = settings.rows[0];
    const term =
      stemmed && !filtered && !phrase && coverage.length === 0 ? await commonTerm(db, tx, stemmed) : null;
    const newest = term ? await newestHits(tx, term, cap + 1) : null;
    return statement(newest).execute(tx);
  });
  const result = await run.catch((error: unknown) => {
    throw isStatementTimeout(error) ? new SearchTimeoutError(timeoutMs) : error;
  });
  const row = result.rows[0];
  if (!row) return { total: 0, totalExact: true, facets: emptyFacets(), hits: [] };
  const pageRows = row.page_rows ?? [];
  const per = Math.max(1, query.snippetsPerStatement ?? pageRows.length);
  const hits: SearchIndexHit[] = [];
  for (let at = 0; at < pageRows.length; at += per) {
    hits.push(...(await hitDetails(db, query.match, pageRows.slice(at, at + per))));
  }
  const capped = row.capped === true;
  return {
    total: row.total,
    totalExact: !capped,
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
    with q as not materialized (select ${tsQuery(match)} as mq)
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
    where ai.id = any(${sql.val(itemIds)}::int[]) and ${itemVisible(PUBLIC_VIEWER, "ai")} and not ai.deleted
    union all
    select 'f' || f.id || ':' || fp.page, f.title, f.item_number, m.id, m.date, b.name, f.file_name, f.sha256,
           fp.page, fp.line_start, fp.line_end,
           ts_headline('danish', fp.text, q.mq, ${HEADLINE_OPTIONS}),
           -- The annex's own pages, each checked: "offset 0" keeps the planner from taking the match to
           -- the GIN index, or "visible" to a partial index, each of which read the whole corpus's hits
           -- or rows per annex (37,000 for a common word, 27 ms), where the annex has a few pages.
           array(select o.page from (select s.page, s.vector, s.visible from search_doc s
                                     where s.file_id = f.id offset 0) o
                 where o.visible and o.vector @@ q.mq order by o.page)
    from q, unnest(${sql.val(fileIds)}::int[], ${sql.val(pageNumbers)}::int[]) as wanted(file_id, page)
      join file f on f.id = wanted.file_id
      join file_page fp on fp.file_id = f.id and fp.page = wanted.page
      left join meeting m on m.id = f.meeting_id
      left join body b on b.id = m.body_id
    -- The index holds only what the public may see; the rows it names are checked again all the same.
    where ${fileVisible(PUBLIC_VIEWER, "f")} and ${pageVisible(PUBLIC_VIEWER, "fp", "f")}
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
