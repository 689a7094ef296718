/**
 * @module Full-text search over items and annex pages: ranking, grouping, facet counts and snippets, in
 * two statements per search. The public reads search_doc (migration 0004) through its partial GIN index
 * `where visible`: `visible` is the public's visibility rule (migration 0012: nothing withheld, nothing
 * deleted), so closed items, their annexes, unlinked annexes and CPR pages are not in it. A signed-in
 * viewer also finds, at query time, the rows they may see (search-scope.ts).
 */
import type { Kysely } from "kysely";
import { PUBLIC_VIEWER } from "../domain/index.js";
import type { Database } from "./schema.js";
import { commonTerm, newestHits } from "./search-common-words.js";
import { emptyFacets, readFacets } from "./search-facets.js";
import { filterConditions, matchesNothing, resolveFilters } from "./search-filters.js";
import { hitDetails } from "./search-hit-details.js";
import {
  type SearchIndexHit,
  type SearchIndexQuery,
  type SearchIndexResult,
  SearchTimeoutError,
} from "./search-index-types.js";
import { searchLanes } from "./search-lanes.js";
import { executeSearchStatement } from "./search-prepared.js";
import { type RankingPlan, type RankingRow, rankingPlan, rankingStatement } from "./search-ranking.js";
import { searchScope } from "./search-scope.js";
import { stemmedQueries } from "./search-settings.js";

export * from "./search-index-types.js";
export { emptyFacets };

/**
 * STATEMENT_TIMEOUT_NOTE: PGlite does not honour statement_timeout. It runs PostgreSQL single-user in
 * WebAssembly on the caller's thread, with no timer signal to cancel a statement (checked with PGlite
 * 0.3: `set local statement_timeout = 50` then pg_sleep(0.5) sleeps 0.5 s; a 30-million-row count ran
 * 32 s). On the embedded store a search's time is bounded by its bounds alone: MAX_QUERY_WORDS and
 * MAX_QUERY_LENGTH (parse-query.ts), HIT_CAP, VECTOR_HIT_CAP and PHRASE_ROWS (search-ranking.ts), and
 * the page size.
 */

/**
 * A search's statement timeout on a PostgreSQL server when the caller sets none. The slowest searches of
 * the 100k-item benchmark take a few hundred milliseconds; one that needs seconds is hostile or broken.
 */
export const DEFAULT_SEARCH_TIMEOUT_MS = 3000;

/** SQLSTATE 57014 query_canceled: what PostgreSQL raises when statement_timeout fires. */
function isStatementTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "57014";
}

const NOTHING: SearchIndexResult = { total: 0, totalExact: true, facets: emptyFacets(), hits: [] };

/**
 * Runs the ranking statement in a transaction of its own, with the planner settings a search needs and
 * its statement timeout; a word in most documents has its hits read by date first.
 */
async function rank(
  db: Kysely<Database>,
  plan: RankingPlan,
  timeoutMs: number,
): Promise<RankingRow | undefined> {
  const { query } = plan;
  // On the server, the public's statement without filters or coverage groups has one text per shape of
  // search (hits read by date, phrase, widened or not, sort): prepared once per connection, planned once.
  // PGlite plans every statement anew all the same.
  const fixed =
    plan.scope.isPublic && !plan.filtered && plan.coverage.length === 0 && (await searchLanes(db)) > 1;
  const run = db.transaction().execute(async (tx) => {
    const stemmed = await stemmedQueries(tx, query, timeoutMs, fixed);
    // A word in most documents is read newest first by date instead (search-common-words.ts). Filters,
    // phrases and several words make the share of hits unknown: those keep the bitmap.
    const term =
      stemmed && !plan.filtered && !plan.phrase && plan.coverage.length === 0
        ? await commonTerm(db, tx, stemmed)
        : null;
    const newest = term ? await newestHits(tx, plan.scope, term, plan.cap + 1) : null;
    return executeSearchStatement(tx, rankingStatement(plan, newest), fixed);
  });
  const result = await run.catch((error: unknown) => {
    throw isStatementTimeout(error) ? new SearchTimeoutError(timeoutMs) : error;
  });
  return result.rows[0];
}

/** The details of the page of results, `per` results' snippets a statement. */
async function pageHits(db: Kysely<Database>, plan: RankingPlan, row: RankingRow): Promise<SearchIndexHit[]> {
  const { query, scope } = plan;
  const pageRows = row.page_rows ?? [];
  const per = Math.max(1, query.snippetsPerStatement ?? pageRows.length);
  const hits: SearchIndexHit[] = [];
  for (let at = 0; at < pageRows.length; at += per) {
    const batch = pageRows.slice(at, at + per);
    hits.push(...(await hitDetails(db, query.viewer ?? PUBLIC_VIEWER, scope, query, batch)));
  }
  return hits;
}

/**
 * Searches the index for `query.viewer` (the public unless set): resolves the filters, ranks in one
 * statement (search-ranking.ts), then reads the page of results' details (search-hit-details.ts).
 * @example await searchIndex(db, { match: "'biokul':*", exact: "'biokul'", limit: 10, offset: 0 })
 */
export async function searchIndex(db: Kysely<Database>, query: SearchIndexQuery): Promise<SearchIndexResult> {
  // 0 would turn the timeout off: a search always has one.
  const timeoutMs = Math.max(1, Math.round(query.timeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS));
  const filters = query.filters ?? {};
  const resolved = await resolveFilters(db, filters);
  if (matchesNothing(resolved)) return NOTHING;
  const plan = rankingPlan(
    query,
    searchScope(query.viewer ?? PUBLIC_VIEWER),
    filterConditions(filters, resolved),
  );
  const row = await rank(db, plan, timeoutMs);
  if (!row) return NOTHING;
  return {
    total: row.total,
    totalExact: row.capped !== true,
    facets: readFacets(row),
    hits: await pageHits(db, plan, row),
  };
}

export { knownWords, refreshSearchWords, similarWord } from "./search-words.js";
