/** @module Runs a block of DDL one statement at a time (PGlite's extended protocol takes one per call). */
import { type Kysely, sql } from "kysely";

/** Splits on semicolons at line ends; migrations keep semicolons out of string literals for this. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against an untyped database.
export async function runStatements(db: Kysely<any>, block: string): Promise<void> {
  for (const statement of block.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
