/**
 * @module The worker deletes finished jobs after a while (done after 14 days, failed after 60): an index
 * on the finished ones by state and time, so that cleanup reads only the rows it deletes.
 */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(db, "create index job_finished on job (state, finished) where finished is not null");
}
