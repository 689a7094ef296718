/**
 * @module A partial index over closed items (lukkede punkter): the open data surfaces look them up on every
 * file list to withhold what carries them, and there are few of them among many items.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create index agenda_item_closed on agenda_item (id) include (meeting_id, number, source_file_id)
      where not public;
  `,
  );
}
