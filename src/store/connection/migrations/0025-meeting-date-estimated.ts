/**
 * @module A meeting known only from an annex pack has a date estimated from the pack's text
 * (domain/pack-date.ts): `date_estimated` says so, until an agenda or minutes give the real date.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(db, "alter table meeting add column date_estimated boolean not null default false");
}
