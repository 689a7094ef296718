/**
 * @module The planner settings a search's ranking statement runs under, local to its transaction, and the
 * query's stemmed tsquery texts, read in the same round trip.
 */
import { sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";
import type { SearchIndexQuery } from "./search-index-types.js";
import { tsQuery } from "./search-tsquery.js";

/**
 * Sets the search's planner settings and statement timeout for the rest of `tx`, and returns the query's
 * tsqueries as text ('biokul':*), for the common-word check.
 *
 * The planner prices "@@" per row as if vectors were at hand: on a common word it picks a sequential
 * scan, and under LIMIT a btree index scan, that each detoast every vector they pass (2.3 s for 100k
 * hits). The GIN bitmap finds hits without reading a vector; these two settings leave it the only way.
 * Those settings make every plan look astronomically costly, which would start JIT compilation (5 s).
 * One statement for the three (set_config with is_local is SET LOCAL): a round trip each cost 1-3 ms of
 * a search on a busy server. The timeout too, local to this transaction, so it ends with the search
 * (STATEMENT_TIMEOUT_NOTE in search-queries.ts).
 *
 * `genericPlans`: the transaction's statements take their prepared generic plan (search-prepared.ts)
 * instead of being planned anew per search. Only for a search without filters: a filter's values (a year,
 * a body's ids) are what a custom plan can read to choose the btree bitmaps it ANDs with the GIN one;
 * the words are to_tsquery() calls, which no plan reads.
 */
export async function stemmedQueries(
  tx: Transaction<Database>,
  query: Pick<SearchIndexQuery, "match" | "exact">,
  timeoutMs: number,
  genericPlans = false,
): Promise<{ match: string; exact: string } | undefined> {
  const settings = await sql<{ match: string; exact: string }>`
      select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
             set_config('jit', 'off', true),
             set_config('statement_timeout', ${String(timeoutMs)}, true),
             set_config('plan_cache_mode', ${genericPlans ? "force_generic_plan" : "auto"}, true),
             ${tsQuery(query.match)}::text as match, ${tsQuery(query.exact)}::text as exact`.execute(tx);
  return settings.rows[0];
}
