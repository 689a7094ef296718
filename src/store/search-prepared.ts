/**
 * @module A search statement whose SQL text is fixed for its shape (every word, id and bound a query
 * parameter) runs on the server as a named prepared statement (connection/prepared-statements.ts), so
 * PostgreSQL parses it once per connection instead of per search. The ranking statement of a search
 * without filters also takes its generic plan (search-settings.ts, plan_cache_mode): planned once per
 * connection and shape, where planning it cost 1.2-1.5 ms of every search at 100k items (0.05 ms with
 * the generic plan). That plan reads what the custom one read: the tsqueries are to_tsquery() calls,
 * which the planner never folds into constants, so a custom plan knew no more about the words (checked
 * with EXPLAIN on the 100k corpus: the same scans and joins, the same rows).
 */
import type { Kysely, QueryResult, RawBuilder } from "kysely";
import { prepareOnServer } from "./connection/prepared-statements.js";
import type { Database } from "./schema.js";

/**
 * Runs `statement`, as a named prepared statement on the server when `fixed`: its text depends only on
 * the shape of the search, from a bounded set (the public's, without coverage groups), since every name
 * lives as long as its connection. PGlite runs it as any other statement.
 * @example await executeSearchStatement(db, detailStatement(...), viewer.kind === "public")
 */
export function executeSearchStatement<R>(
  db: Kysely<Database>,
  statement: RawBuilder<R>,
  fixed: boolean,
): Promise<QueryResult<R>> {
  if (!fixed) return statement.execute(db);
  const compiled = statement.compile(db);
  prepareOnServer(compiled.sql);
  return db.executeQuery(compiled);
}
