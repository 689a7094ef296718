/**
 * @module Keeps the "Mente du" trigram index current. With fastupdate, words added by a refresh waited in
 * the index's pending list until a vacuum merged them; on a server without autovacuum the whole index
 * ended up there (259 pages at 100k items), the planner priced the index above reading every word, and
 * a suggestion took 30 ms instead of 0.4 ms. Words arrive in batches at refresh time, where writing
 * them into the index directly costs little.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    alter index search_word_trgm set (fastupdate = off);
    select gin_clean_pending_list('search_word_trgm'::regclass);
  `,
  );
}
