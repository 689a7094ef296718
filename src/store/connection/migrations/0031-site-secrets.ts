/**
 * @module Secrets every web process of one site must share (issue 17): the key that signs anonymous CSRF
 * tokens was random per process, so a sign-in form served by one process behind a proxy was refused by
 * the next. Each secret is made once, by whichever process asks first, and read by the rest.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `create table site_secret (
      name text primary key,
      value text not null,
      created timestamptz not null default now()
    )`,
  );
}
