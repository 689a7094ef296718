/**
 * @module How many searches a store can take at once without making pages wait. PGlite runs one statement
 * at a time, on the server process's only thread: four searches in flight put four ranking statements
 * (30 to 60 ms each on the seeds) ahead of every page's one statement. The PostgreSQL server runs them side
 * by side, and only its pool (10 connections, open-store.ts) can run dry.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

/**
 * Searches at once on the PostgreSQL server: four of the pool's ten connections stay free for pages, the
 * API and feeds, however many people search.
 */
export const SERVER_SEARCH_LANES = 6;

const lanes = new WeakMap<Kysely<Database>, Promise<number>>();

/**
 * Searches the store behind `db` should run at once: 1 on PGlite, SERVER_SEARCH_LANES on a server. Asked
 * once per store handle; `version()` names PGlite ("PostgreSQL 18.6 (PGlite 0.5.16) on wasm32...").
 * @example const n = await searchLanes(store.db); // 1 on the embedded store
 */
export function searchLanes(db: Kysely<Database>): Promise<number> {
  let known = lanes.get(db);
  if (!known) {
    known = sql<{ pglite: boolean }>`select version() like '%PGlite%' as pglite`
      .execute(db)
      .then((result) => (result.rows[0]?.pglite ? 1 : SERVER_SEARCH_LANES));
    // A failed probe is asked again next time instead of being kept.
    known.catch(() => lanes.delete(db));
    lanes.set(db, known);
  }
  return known;
}
