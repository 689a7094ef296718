/**
 * @module The whole meeting as one PDF (issue 16): the public record followed by every public annex,
 * kept per meeting with the fingerprint of the public files it was made from, so that a change to the
 * record (a new annex, a release, a re-import) is seen as a stale copy and the PDF is made again.
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
    create table meeting_whole_pdf (
      meeting_id integer primary key references meeting(id),
      fingerprint text not null,
      pdf bytea not null,
      page_count integer not null,
      byte_size integer not null,
      rendered_at timestamptz not null default now()
    )
  `,
  );
}
