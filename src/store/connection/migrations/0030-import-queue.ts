/**
 * @module Imports through the job queue (issue 17): a file to import is staged in `import_upload` (its
 * bytes, so that a worker on another machine can read it) and one `import-file` job per file is queued.
 * The jobs of one `raadsinfo import` or one upload share a `batch`, by which the importer follows them.
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
    alter table job add column batch text;
    create index job_batch on job (batch, id) where batch is not null;
    create table import_upload (
      id integer generated always as identity primary key,
      file_name text not null,
      sha256 text not null,
      content bytea not null,
      created timestamptz not null default now()
    )
  `,
  );
}
