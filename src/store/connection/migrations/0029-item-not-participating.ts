/**
 * @module Who did not take part in an item's treatment ("deltog ikke i behandlingen af punkt 6", issue 15's
 * items[].notParticipating), kept on the item as a JSON list of names in the record's order.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    "alter table agenda_item add column not_participating jsonb not null default '[]'::jsonb",
  );
}
