/**
 * @module A partial index over closed items by the file they were read from. Whether an imported file may
 * be downloaded asks "was a closed item read from this file?" on every meeting and item page; without it
 * PostgreSQL walked every closed item of the corpus per request (3,940 at 100k items, 3,300 buffers).
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create index agenda_item_closed_source on agenda_item (source_file_id) where not public;
  `,
  );
}
