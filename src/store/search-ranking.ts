/**
 * @module The ranking statement of a search: one statement that finds the hits, ranks a page of them,
 * keeps each annex once at its best page, damps one meeting's run of results, and counts totals and facets. Built from named
 * steps (hits, title hits, counted, ranked, the final select), each a CTE or two of the statement.
 */
import { type RawBuilder, sql } from "kysely";
import { type FacetColumns, facetSelects } from "./search-facets.js";
import { andAll } from "./search-filters.js";
import type { SearchIndexQuery, SearchKind } from "./search-index-types.js";
import type { SearchScope } from "./search-scope.js";
import { tsQuery } from "./search-tsquery.js";

/**
 * A compound-only match ("klimaplan" for "klima") counts this much of an exact one. Below 1 so exact
 * words rank first; not 0, so among compound-only hits the stronger field still wins.
 */
const PREFIX_WEIGHT = 0.3;
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

/** What the statement's steps share: the query, who searches, the filters, and the bounds they imply. */
export interface RankingPlan {
  readonly query: SearchIndexQuery;
  readonly scope: SearchScope;
  /** The filters as " and ..." conditions on `d`, nothing when none. */
  readonly filters: RawBuilder<unknown>;
  readonly filtered: boolean;
  /** A quoted phrase in the query: hits are checked for it in the rows with all its words. */
  readonly phrase: boolean;
  /** Hits read before counting stops. */
  readonly cap: number;
  /** Hits ranked one by one (besides title hits). */
  readonly candidates: number;
  readonly coverage: readonly string[];
  readonly facetLimit: number;
}

/** The plan of a query searched in `scope` with `filters` (filterConditions). */
export function rankingPlan(
  query: SearchIndexQuery,
  scope: SearchScope,
  filters: readonly RawBuilder<unknown>[],
): RankingPlan {
  const phrase = query.match.includes("<->");
  const coverage = query.coverage ?? [];
  return {
    query,
    scope,
    filters: andAll(filters),
    filtered: filters.length > 0,
    phrase,
    cap: query.hitCap ?? (phrase || coverage.length > 0 ? VECTOR_HIT_CAP : HIT_CAP),
    candidates: Math.max(MIN_CANDIDATES, (query.offset + query.limit) * 3),
    coverage,
    facetLimit: query.facetLimit ?? 10,
  };
}

export interface PageRow {
  kind: SearchKind;
  item_id: number | null;
  file_id: number | null;
  /** An annex's best matching page (its other matching pages are read with the details). */
  page: number | null;
  score: number;
}

/** The statement's one result row. */
export interface RankingRow extends FacetColumns {
  total: number;
  capped: boolean;
  page_rows: PageRow[] | null;
}

/** How many of the coverage groups a hit `d` has (0 without coverage). */
function covered(plan: RankingPlan): RawBuilder<unknown> {
  return plan.coverage.length === 0
    ? sql`0`
    : sql.join(
        plan.coverage.map((_, i) => sql`(d.vector @@ q.groups[${sql.lit(i + 1)}])::int`),
        sql` + `,
      );
}

/** The narrow columns of a hit, and its coverage. */
const hitColumns = (plan: RankingPlan) => sql`d.id, d.item_id, d.file_id, d.page, d.meeting_id, d.body_id,
             d.date, d.kind, d.municipalities, d.vector, ${covered(plan)} as hit_cover`;

/**
 * Rows matching `tsquery`, at most cap + 1, narrow columns only (a toasted title_vector read per hit cost
 * three buffers) and the vector as stored: a pointer, read only when a candidate is ranked, so ranking
 * needs no second lookup by id. The scope's condition is the partial index's predicate for the public:
 * closed and deleted things are not in the index. querytree 'T': nothing positive is left once stop words
 * are dropped ("meget -x" is "!x"), which would match nearly everything through a full index scan.
 */
function hitsOf(
  plan: RankingPlan,
  tsquery: RawBuilder<unknown>,
  when: RawBuilder<unknown> = sql`true`,
  from: RawBuilder<unknown> = plan.scope.docs,
): RawBuilder<unknown> {
  return sql`
      select ${hitColumns(plan)}
      from q, ${from} d
      where ${when} and ${plan.scope.seen("d")} and d.vector @@ ${tsquery} and querytree(${tsquery}) <> 'T' ${plan.filters}
      limit ${sql.lit(plan.cap + 1)}`;
}

/** The q CTE: the query's tsqueries, inlined, so the planner takes them to the GIN index as constants. */
function queryCte(plan: RankingPlan): RawBuilder<unknown> {
  const { query, coverage } = plan;
  return sql`q as not materialized (
      select ${tsQuery(query.match)} as mq, ${tsQuery(query.exact)} as eq,
        array[${sql.join([...coverage.map((g) => tsQuery(g)), sql`null::tsquery`])}] as groups
    )`;
}

/** The hits CTE, and those it needs, for a search whose hits are the `newest` ids (common-word search). */
function newestHitsCte(plan: RankingPlan, newest: readonly number[]): RawBuilder<unknown> {
  return sql`hits as materialized (
      select ${hitColumns(plan)}
      from q, search_doc d where d.id = any(${sql.val([...newest])}::int[])),`;
}

/** The rows with all the words of a phrase search (its positive part, phrases as "and"), vectors unread. */
function phraseHitsCte(plan: RankingPlan): RawBuilder<unknown> {
  return sql`phrase_rows as materialized (
      select d.* from q, ${plan.scope.docs} d
      where ${plan.scope.seen("d")} and d.vector @@ regexp_replace(querytree(q.mq), '<[0-9-]+>', '&', 'g')::tsquery
        and querytree(q.mq) <> 'T' ${plan.filters}
      limit ${sql.lit(PHRASE_ROWS + 1)}
    ),
    hits as materialized (${hitsOf(plan, sql`q.mq`, sql`true`, sql`phrase_rows`)}),`;
}

/**
 * A word found more than the cap as written is not widened to its compounds: past the cap they would
 * only be counted, and a prefix scan of the GIN index costs about three times an exact one (50 ms for
 * "lokale" at 100k items, 87,000 hits). Compounds in titles stay candidates (title_hits). Counted without
 * filters, so a filter does not change what the words match; one scan runs, and without filters the
 * count's own rows are the hits.
 */
function widenedHitsCte(plan: RankingPlan): RawBuilder<unknown> {
  const { cap, scope } = plan;
  if (plan.filtered) {
    return sql`common as materialized (
      select count(*) > ${sql.lit(cap)} as yes from (
        select 1 from q, ${scope.docs} d
        where ${scope.seen("d")} and d.vector @@ q.eq and querytree(q.eq) <> 'T' limit ${sql.lit(cap + 1)}) e
    ),
    hits as materialized (
      (${hitsOf(plan, sql`q.eq`, sql`(select yes from common)`)})
      union all
      (${hitsOf(plan, sql`q.mq`, sql`not (select yes from common)`)})
    ),`;
  }
  return sql`exact_hits as materialized (${hitsOf(plan, sql`q.eq`)}),
    common as materialized (select count(*) > ${sql.lit(cap)} as yes from exact_hits),
    hits as materialized (
      select * from exact_hits where (select yes from common)
      union all
      (${hitsOf(plan, sql`q.mq`, sql`not (select yes from common)`)})
    ),`;
}

/** The hits CTE: every matching row the search reads (at most cap + 1), by the way the query asks. */
function hitsCte(plan: RankingPlan, newest: readonly number[] | null): RawBuilder<unknown> {
  if (newest) return newestHitsCte(plan, newest);
  if (plan.phrase) return phraseHitsCte(plan);
  if (plan.query.match === plan.query.exact) return sql`hits as materialized (${hitsOf(plan, sql`q.mq`)}),`;
  return widenedHitsCte(plan);
}

/** Items whose title matches are the likeliest answers: always candidates, even past the cap. */
function titleHitsCte(plan: RankingPlan): RawBuilder<unknown> {
  const { query, scope } = plan;
  return sql`title_hits as (
      select ${hitColumns(plan)}
      from q, ${scope.docs} d
      -- The vector holds the title's words, so a title match is a match, unless an excluded word is in
      -- the rest: only then is the whole vector read.
      where ${scope.seen("d")} and d.file_id is null and d.title_vector @@ q.mq
        ${query.match.includes("!") ? sql`and d.vector @@ q.mq` : sql``}
        and querytree(q.mq) <> 'T' ${plan.filters}
      limit ${sql.lit(MIN_CANDIDATES)}
    )`;
}

/**
 * The results the hits make (total and facets): every item, and each annex once, however many of its
 * pages match. An annex counts under the municipalities any of its matching pages names; its body, date
 * and meeting are its meeting's (migration 0012's PAGE_DOC), the same on every page.
 */
const COUNTED_CTE = sql`counted as materialized (
      select h.id, h.item_id, h.file_id, h.page, h.meeting_id, h.body_id, h.date, h.kind, h.municipalities
      from hits h where h.file_id is null
      union all
      select min(h.id), min(h.item_id), h.file_id, min(h.page), min(h.meeting_id), min(h.body_id), min(h.date),
             min(h.kind), coalesce(named.municipalities, '{}')
      from hits h
        -- One pass over the pages for all annexes (a subquery per annex read the hits once per annex).
        left join (select p.file_id, array_agg(distinct m) as municipalities
                   from hits p, unnest(p.municipalities) m where p.file_id is not null group by p.file_id) named
          on named.file_id = h.file_id
      where h.file_id is not null group by h.file_id, named.municipalities
    )`;

/**
 * The ts_rank score of a vector for the query's exact words `eq` and its prefixes `mq`: what ranks the
 * results, and the pages of one annex under its result.
 * @example sql`select ${rankScore(sql`d.vector`, sql`q.eq`, sql`q.mq`)} from q, search_doc d`
 */
export function rankScore(
  vector: RawBuilder<unknown>,
  eq: RawBuilder<unknown>,
  mq: RawBuilder<unknown>,
): RawBuilder<number> {
  const rank = (tsquery: RawBuilder<unknown>) =>
    sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], ${vector}, ${tsquery}, ${sql.lit(RANK_NORMALISATION)})`;
  return sql<number>`(${rank(eq)} + ${sql.lit(PREFIX_WEIGHT)} * ${rank(mq)})`;
}

/**
 * The candidates (all hits, or the best `candidates` by coverage and date, and the title hits) scored
 * with ts_rank, an annex kept once at its best page, damped past a meeting's first hits: ranked,
 * grouped, shown.
 */
function rankedCtes(plan: RankingPlan): RawBuilder<unknown> {
  return sql`ranked as (
      select c.id, c.item_id, c.file_id, c.page, c.meeting_id, c.date, c.kind,
             ${rankScore(sql`c.vector`, sql`q.eq`, sql`q.mq`)} as score,
             c.hit_cover as covered
      -- In an any-word search, hits with more of the words are the candidates first; then the newest.
      -- Deduplicated by id alone: comparing whole rows would read every vector.
      from q, (select distinct on (u.id) u.* from (
                 (select h.* from hits h
                  order by h.hit_cover desc, h.date desc nulls last, h.id limit ${plan.candidates})
                 union all select * from title_hits) u
               order by u.id) c
    ),
    grouped as (
      select r.*,
        row_number() over (partition by coalesce(r.file_id, -r.item_id) order by r.covered desc, r.score desc, r.page) as n_in_file
      from ranked r
    ),
    visible as (
      select g.*,
        -- Coverage first (10 is above any rank), then the score, damped past a meeting's first hits.
        g.covered * 10 + g.score * power(${sql.lit(MEETING_DAMPING)}, greatest(0, row_number() over (
          partition by coalesce(g.meeting_id, -g.file_id), g.covered order by g.score desc) - ${sql.lit(HITS_PER_MEETING)})) as adjusted
      from grouped g
      -- One result per annex, at its best page.
      where g.n_in_file = 1
    )`;
}

/** The result row: total, whether counting stopped at the cap, the page of results, the facets. */
function resultSelect(plan: RankingPlan): RawBuilder<unknown> {
  const { query, cap } = plan;
  const order =
    query.sort === "date"
      ? sql`v.covered desc, v.date desc nulls last, v.adjusted desc, v.id`
      : sql`v.adjusted desc, v.date desc nulls last, v.id`;
  return sql`select
      (select count(*)::int from counted) as total,
      (select count(*)::int from hits) > ${sql.lit(cap)}
        ${plan.phrase ? sql`or (select count(*) from phrase_rows) > ${sql.lit(PHRASE_ROWS)}` : sql``} as capped,
      (select json_agg(p) from (
         select v.kind, v.item_id, v.file_id, v.page, v.adjusted as score
         from visible v order by ${order} limit ${query.limit} offset ${query.offset}) p) as page_rows,
      ${facetSelects(plan.facetLimit)}`;
}

/**
 * The statement: `hits` is every matching row the viewer may see (narrow columns only); `counted` keeps
 * each annex once, and total and facets are read from it. The page of results comes from
 * `ranked`. `newest`: the hits of a common word, read by date beforehand (search-common-words.ts).
 */
export function rankingStatement(
  plan: RankingPlan,
  newest: readonly number[] | null,
): RawBuilder<RankingRow> {
  return sql<RankingRow>`
    -- Not materialized: inlined, the tsqueries become constants the planner can take to the GIN index.
    with ${queryCte(plan)},
    ${hitsCte(plan, newest)}
    ${titleHitsCte(plan)},
    ${COUNTED_CTE},
    ${rankedCtes(plan)}
    ${resultSelect(plan)}
  `;
}
