/**
 * @module The job queue (issue 13): long work (mail now; rendering and packs later) as rows that workers
 * take with `for update skip locked`, so any number of `raadsinfo worker` processes on a server never take
 * the same job, and the embedded store runs the same table inside `serve`. A job is queued, running (leased
 * to one worker until `locked_until`; a worker that dies loses it when the lease runs out), done or failed.
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
    create table job (
      id integer generated always as identity primary key,
      kind text not null,
      payload jsonb not null,
      state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
      attempts integer not null default 0,
      max_attempts integer not null check (max_attempts >= 1),
      run_after timestamptz not null default now(),
      locked_by text,
      locked_until timestamptz,
      progress_done integer,
      progress_total integer,
      progress_step text,
      error text,
      result jsonb,
      created timestamptz not null default now(),
      started timestamptz,
      finished timestamptz,
      check ((state = 'running') = (locked_by is not null and locked_until is not null))
    );
    create index job_ready on job (run_after, id) where state = 'queued';
    create index job_leased on job (locked_until) where state = 'running'
  `,
  );
}
