/**
 * @module The structure inside an item's fields (issue 15's blocks: sub-headings, lists, tables), kept
 * beside the plain text so the portal can render a table as a table.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(db, "alter table agenda_item add column blocks jsonb");
}
