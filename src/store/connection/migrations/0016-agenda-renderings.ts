/**
 * @module The PDFs rendered from a meeting's agenda (issue 13): the agenda and the annex pack, each in the
 * internal edition (the secretariat's and the members': closed items in full) and the public one (closed
 * items as "Lukket punkt", no closed or CPR-marked annexes). The render jobs keep the latest of each; the
 * public edition is only served once the agenda is sent. agenda_version.pdf (0015) gets the public agenda
 * of the version it was rendered for.
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
    create table agenda_rendering (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      kind text not null check (kind in ('agenda', 'annex-pack')),
      edition text not null check (edition in ('internal', 'public')),
      version_number integer,
      pdf bytea not null,
      page_count integer not null,
      byte_size integer not null,
      rendered_at timestamptz not null default now(),
      unique (meeting_id, kind, edition)
    )
  `,
  );
}
