/**
 * @module The secretariat's agenda (issue 13): a body's agenda template, the working copy of a meeting's
 * agenda (sections, items, uploaded annexes), the versions sent and the review copies. The working copy is
 * the secretariat's own: no public surface reads it. Sending publishes it into the tables the importer fills
 * (agenda_item, file, file_page, source_file), which stay the single record the portal, search, OParl and
 * feeds read; those rows say `source = 'authored'`, and a later import never overwrites what the
 * secretariat wrote (the trigger below), whatever the importer's code does.
 */
import { type Kysely, sql } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

const PURPOSE = "check (purpose in ('regular', 'next-meeting', 'other'))";

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    alter table agenda_item add column source text not null default 'import'
      check (source in ('import', 'authored'));
    create table agenda_template_section (
      id integer generated always as identity primary key,
      body_id integer not null references body(id),
      position integer not null,
      title text not null,
      purpose text not null default 'regular' ${PURPOSE},
      created timestamptz not null default now(),
      modified timestamptz not null default now()
    );
    create index agenda_template_section_body on agenda_template_section (body_id, position);
    create table agenda_template_item (
      id integer generated always as identity primary key,
      section_id integer not null references agenda_template_section(id) on delete cascade,
      position integer not null,
      title text not null,
      indstilling text,
      created timestamptz not null default now(),
      modified timestamptz not null default now()
    );
    create index agenda_template_item_section on agenda_template_item (section_id, position);
    create table agenda_section (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      position integer not null,
      title text not null,
      purpose text not null default 'regular' ${PURPOSE},
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index agenda_section_meeting on agenda_section (meeting_id, position);
    create table authored_item (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      section_id integer not null references agenda_section(id),
      position integer not null,
      number text not null,
      title text not null,
      public boolean not null default true,
      case_number text,
      initials jsonb not null default '[]',
      resume text,
      baggrund text,
      indstilling text,
      sagsforloeb text,
      sagsfremstilling text,
      take_up_again boolean not null default false,
      carried_from text,
      revision integer not null default 1,
      published_item_id integer references agenda_item(id),
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index authored_item_meeting on authored_item (meeting_id, section_id, position) where not deleted;
    create index authored_item_take_up_again on authored_item (meeting_id) where take_up_again and not deleted;
    create table authored_annex (
      id integer generated always as identity primary key,
      authored_item_id integer not null references authored_item(id),
      position integer not null,
      title text not null,
      file_name text not null,
      format text not null check (format in ('pdf', 'docx')),
      mime text not null,
      byte_size integer not null,
      sha256 text not null,
      content bytea not null,
      text text not null,
      pages jsonb not null,
      cpr_pages integer[] not null default '{}',
      published_file_id integer references file(id),
      created timestamptz not null default now(),
      modified timestamptz not null default now(),
      deleted boolean not null default false
    );
    create index authored_annex_item on authored_annex (authored_item_id, position) where not deleted;
    create table agenda_version (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      number integer not null,
      change_note text,
      sent_at timestamptz not null,
      sent_by_user_id integer references app_user(id),
      sent_by_token_id integer references api_token(id),
      recipients integer not null default 0,
      snapshot jsonb not null,
      pdf bytea,
      unique (meeting_id, number)
    );
    create table review_copy (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id),
      user_id integer not null references app_user(id),
      sent_at timestamptz not null,
      sent_by_user_id integer references app_user(id),
      sent_by_token_id integer references api_token(id)
    );
    create index review_copy_meeting on review_copy (meeting_id, user_id)
  `,
  );
  // One statement per call: the function body holds semicolons. A write that is not the secretariat's
  // (an import of the minutes, a corrected file) keeps what the secretariat wrote, takes what it left
  // empty (the minutes bring Beslutning), and does not remove the item. Authoring sets
  // raadsinfo.authoring for its own transaction (store/write/agenda-publishing.ts).
  await sql
    .raw(`create or replace function raadsinfo_keep_authored_item() returns trigger language plpgsql as $fn$
      begin
        if coalesce(current_setting('raadsinfo.authoring', true), '') = 'on' then
          return new;
        end if;
        new.source := old.source;
        new.title := old.title;
        new.position := old.position;
        new.section_number := old.section_number;
        new.section_title := old.section_title;
        new.public := old.public;
        new.case_id := coalesce(old.case_id, new.case_id);
        new.resume := coalesce(old.resume, new.resume);
        new.baggrund := coalesce(old.baggrund, new.baggrund);
        new.indstilling := coalesce(old.indstilling, new.indstilling);
        new.sagsforloeb := coalesce(old.sagsforloeb, new.sagsforloeb);
        new.sagsfremstilling := coalesce(old.sagsfremstilling, new.sagsfremstilling);
        new.deleted := old.deleted;
        return new;
      end
    $fn$`)
    .execute(db);
  await sql
    .raw(`create trigger agenda_item_keep_authored before update on agenda_item
      for each row when (old.source = 'authored') execute function raadsinfo_keep_authored_item()`)
    .execute(db);
}
