/**
 * @module The meeting day and after (issue 14): the secretariat's record of a held meeting (attendance,
 * members who did not take part in an item, decisions with votes, protocol remarks), the minutes' path
 * to publication, decisions sent on to the member municipalities, follow-up tasks and matters across
 * meetings. The record is a working copy, like the agenda's (0015): publishing the minutes copies it into
 * the tables the importer fills (attendance, agenda_item.beslutning and notes), so every public surface
 * reads it as it reads an imported record, and nothing of it is public before.
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
    create table minutes_attendance (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      person_id integer not null references person(id),
      status text not null check (status in ('present', 'absent', 'substitute', 'guest', 'official')),
      substitute_for_person_id integer references person(id),
      note text,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      unique (meeting_id, person_id),
      check ((status = 'substitute') = (substitute_for_person_id is not null))
    );
    create table minutes_recusal (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      agenda_item_id integer not null references agenda_item(id),
      person_id integer not null references person(id),
      reason text,
      created timestamptz not null default now(),
      unique (agenda_item_id, person_id)
    );
    create table minutes_decision (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      agenda_item_id integer not null unique references agenda_item(id),
      decision text not null default '',
      discussion text,
      vote jsonb,
      concerns_municipalities boolean not null default false,
      revision integer not null default 1,
      created timestamptz not null default now(),
      modified timestamptz not null default now()
    );
    create index minutes_decision_meeting on minutes_decision (meeting_id);
    create table protocol_remark (
      id integer generated always as identity primary key,
      agenda_item_id integer not null references agenda_item(id),
      person_id integer not null references person(id),
      text text not null,
      position integer not null,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index protocol_remark_item on protocol_remark (agenda_item_id, position) where not deleted;
    create table minutes (
      meeting_id integer primary key references meeting(id),
      state text not null default 'draft' check (state in ('draft', 'remarks', 'approved', 'published')),
      remarks_sent_at timestamptz,
      approved_at timestamptz,
      approved_by_user_id integer references app_user(id),
      approved_via text check (approved_via in ('chair', 'next-meeting')),
      approved_at_meeting_id integer references meeting(id),
      published_at timestamptz,
      revision integer not null default 1,
      created timestamptz not null default now(),
      modified timestamptz not null default now()
    );
    create table minutes_remark_request (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      user_id integer not null references app_user(id),
      sent_at timestamptz not null default now(),
      sent_by_user_id integer references app_user(id),
      sent_by_token_id integer references api_token(id)
    );
    alter table agenda_rendering drop constraint agenda_rendering_kind_check;
    alter table agenda_rendering add constraint agenda_rendering_kind_check
      check (kind in ('agenda', 'annex-pack', 'minutes'));
    create table municipality_address (
      id integer generated always as identity primary key,
      body_id integer not null references body(id),
      municipality text not null,
      email text not null,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      unique (body_id, municipality)
    );
    create table decision_dispatch (
      id integer generated always as identity primary key,
      agenda_item_id integer not null references agenda_item(id),
      municipality text not null,
      email text not null,
      sent_at timestamptz not null default now(),
      sent_by_user_id integer references app_user(id),
      sent_by_token_id integer references api_token(id),
      job_id integer references job(id),
      letter_pdf bytea
    );
    create index decision_dispatch_item on decision_dispatch (agenda_item_id);
    create index decision_dispatch_municipality on decision_dispatch (municipality, sent_at desc);
    alter table follow_up add column responsible_kind text not null default 'secretariat'
      check (responsible_kind in ('secretariat', 'municipality', 'organisation'));
    alter table follow_up add column municipality text;
    alter table follow_up add column notes text;
    alter table follow_up add column reminder_sent_at timestamptz;
    alter table follow_up add column revision integer not null default 1;
    create index follow_up_due on follow_up (due_date) where not deleted and status <> 'done';
    create index follow_up_item on follow_up (agenda_item_id) where not deleted;
    create table matter (
      id integer generated always as identity primary key,
      title text not null,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create table matter_item (
      matter_id integer not null references matter(id),
      agenda_item_id integer not null references agenda_item(id),
      linked_by_user_id integer references app_user(id),
      created timestamptz not null default now(),
      primary key (matter_id, agenda_item_id)
    );
    create index matter_item_item on matter_item (agenda_item_id)
  `,
  );
}
