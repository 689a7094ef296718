/** @module The domain schema: bodies, people, meetings, items, cases, annexes, follow-ups, provenance. */
import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    create table body (
      id integer generated always as identity primary key,
      name text not null unique,
      short_name text,
      classification text not null default 'KKR',
      website text,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create table organization (
      id integer generated always as identity primary key,
      body_id integer not null references body(id),
      name text not null,
      classification text not null,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (body_id, name)
    );
    create table legislative_term (
      id integer generated always as identity primary key,
      body_id integer not null references body(id),
      name text not null,
      start_date date,
      end_date date,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (body_id, name)
    );
    create table person (
      id integer generated always as identity primary key,
      name text not null,
      party text,
      municipality text,
      private_note text,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create unique index person_name_municipality on person (name, coalesce(municipality, ''));
    create table person_link (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      other_person_id integer not null references person(id),
      reason text not null,
      created timestamptz not null default now(),
      unique (person_id, other_person_id)
    );
    create table membership (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      organization_id integer not null references organization(id),
      role text not null default 'member',
      party text,
      start_date date,
      end_date date,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (person_id, organization_id, role)
    );
    create table source_file (
      id integer generated always as identity primary key,
      file_name text not null,
      sha256 text not null unique,
      format text not null,
      mime text not null,
      byte_size integer not null,
      pages integer not null,
      kind text not null,
      body_name text,
      content bytea,
      text text not null,
      warnings jsonb not null default '[]',
      parsed jsonb not null,
      imported timestamptz not null default now(),
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index source_file_name on source_file (file_name);
    create table meeting (
      id integer generated always as identity primary key,
      body_id integer not null references body(id),
      organization_id integer references organization(id),
      name text not null,
      date date not null,
      start_time text,
      end_time text,
      location text,
      state text not null default 'planned',
      previous_meeting_date date,
      next_meeting_date date,
      source_file_id integer references source_file(id),
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (body_id, date)
    );
    create table attendance (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      person_id integer not null references person(id),
      status text not null,
      substitute_for_person_id integer references person(id),
      substitute_for_name text,
      source_file_id integer references source_file(id),
      page integer,
      line_start integer,
      line_end integer,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (meeting_id, person_id)
    );
    create table case_file (
      id integer generated always as identity primary key,
      number text not null unique,
      initials jsonb not null default '[]',
      title text,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create table agenda_item (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      number text not null,
      position integer not null,
      section_number text,
      section_title text,
      title text not null,
      public boolean not null default true,
      case_id integer references case_file(id),
      resume text,
      baggrund text,
      indstilling text,
      sagsforloeb text,
      sagsfremstilling text,
      beslutning text,
      notes text,
      annex_markers integer not null default 0,
      source_file_id integer references source_file(id),
      page integer,
      line_start integer,
      line_end integer,
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false,
      unique (meeting_id, number)
    );
    create index agenda_item_case on agenda_item (case_id);
    create table file (
      id integer generated always as identity primary key,
      source_file_id integer references source_file(id),
      meeting_id integer references meeting(id),
      agenda_item_id integer references agenda_item(id),
      item_number text,
      annex_number integer,
      title text not null,
      file_name text not null,
      mime text not null,
      sha256 text not null,
      byte_size integer not null,
      page_start integer,
      page_end integer,
      line_start integer,
      line_end integer,
      text text not null,
      position integer not null default 0,
      role text not null default 'annex',
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index file_source on file (source_file_id);
    create index file_meeting on file (meeting_id);
    create index file_item on file (agenda_item_id);
    create table file_page (
      id integer generated always as identity primary key,
      file_id integer not null references file(id) on delete cascade,
      page integer not null,
      line_start integer,
      line_end integer,
      text text not null,
      unique (file_id, page)
    );
    create table follow_up (
      id integer generated always as identity primary key,
      agenda_item_id integer not null references agenda_item(id),
      description text not null,
      responsible text,
      due_date date,
      status text not null default 'open',
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index meeting_modified on meeting (modified);
    create index agenda_item_modified on agenda_item (modified);
  `,
  );
}
