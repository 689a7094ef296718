/**
 * @module Matters across meetings (issue 14), beside 0017's matter and matter_item: the pairs of items
 * the secretariat answered "not one matter" to, so Rådsinfo stops suggesting them, and a trigram index
 * over item titles without their numbers ("Socialtilsyn Nords budget for 2025" and "… for 2026" meet),
 * from which the suggestion's candidates are fetched (store/read/matter-queries.ts).
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create table matter_suggestion_dismissal (
      item_id integer not null references agenda_item(id),
      other_item_id integer not null references agenda_item(id),
      dismissed_by_user_id integer references app_user(id),
      created timestamptz not null default now(),
      primary key (item_id, other_item_id),
      check (item_id < other_item_id)
    );
    create index agenda_item_matter_title on agenda_item
      using gin ((regexp_replace(lower(title), '[0-9]', '', 'g')) public.gin_trgm_ops)
  `,
  );
}
