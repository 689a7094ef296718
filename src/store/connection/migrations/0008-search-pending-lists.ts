/**
 * @module Bounds the pending lists of search_doc's two GIN indexes. With fastupdate (PostgreSQL's
 * default) new rows wait in a pending list of up to 4 MB that every search scans in full until a vacuum
 * or an insert past the limit merges it. After a 100k-item bulk load the title index held 33,700 rows
 * there (279 pages), and its scan took 4-16 ms of each search, more than the index's own work; a
 * server without autovacuum never merges it.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Limits in kB. Titles are a few words a row, so 64 kB still batches a thousand rows per merge; a full
  // vector is hundreds of words, so its list keeps 1 MB (about 300 rows) to keep bulk loads batched.
  await runStatements(
    db,
    `
    alter index search_doc_title set (gin_pending_list_limit = 64);
    alter index search_doc_vector set (gin_pending_list_limit = 1024);
  `,
  );
}
