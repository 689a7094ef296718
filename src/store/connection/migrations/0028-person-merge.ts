/**
 * @module Merging near-duplicate persons (issue 16): a merged person's row stays, marked deleted and
 * pointing at the person it was merged into, so its name and municipality (the import's natural key)
 * are the kept person's alias: /person/{old id} answers with a redirect, and a later import of the old
 * spelling finds the kept person. Beside it the pairs the secretariat answered "Ikke samme person" to, so
 * Rådsinfo stops suggesting them. Touches only person and a new table: independent of 0027.
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
    alter table person add column merged_into_person_id integer references person(id);
    create index person_merged_into on person (merged_into_person_id) where merged_into_person_id is not null;
    create table person_merge_dismissal (
      person_id integer not null references person(id),
      other_person_id integer not null references person(id),
      dismissed_by_user_id integer references app_user(id),
      created timestamptz not null default now(),
      primary key (person_id, other_person_id),
      check (person_id < other_person_id)
    )
  `,
  );
}
