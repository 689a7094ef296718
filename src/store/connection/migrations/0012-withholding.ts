/**
 * @module Sticky withholding (issue 12, point 1). Whether the public may see an item, an annex or a page
 * was worked out on every read, three ways that disagreed: the portal forgot closed items marked deleted,
 * and the search index trusted only a file's item id, so an annex pack not yet linked to its meeting
 * showed a closed item's text. Now a row carries `withheld` (why: closed-item, cpr-number,
 * unlinked-annex), set when it is written, never cleared by a re-import, cleared only by a release; every
 * read and the search index ask only that column (src/domain/visibility.ts, src/store/read/visibility.ts).
 */
import { type Kysely, sql } from "kysely";
import { runStatements } from "./run-statements.js";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

const ITEM_VECTOR = `
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.title, '')), 'A') ||
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.indstilling, '') || ' ' || coalesce(ai.beslutning, '')), 'B') ||
  setweight(to_tsvector('danish'::regconfig,
    coalesce(ai.resume, '') || ' ' || coalesce(ai.baggrund, '') || ' ' || coalesce(ai.sagsforloeb, '') || ' ' ||
    coalesce(ai.sagsfremstilling, '') || ' ' || coalesce(ai.notes, '') || ' ' || coalesce(ai.section_title, '')), 'C')`;

// Visible to the public: not withheld (a closed item is withheld until released), not deleted; 0006 otherwise.
const ITEM_DOC = `
  select ai.id, null::integer, null::integer, ai.meeting_id, m.body_id, m.date,
    case when coalesce(ai.beslutning, '') <> '' then 'decision' else 'item' end,
    ai.withheld is null and not ai.deleted and not m.deleted,
    ai.search_municipalities, to_tsvector('danish'::regconfig, ai.title), ${ITEM_VECTOR}
  from agenda_item ai join meeting m on m.id = ai.meeting_id`;

const PAGE_DOC = `
  select f.agenda_item_id, f.id, fp.page, f.meeting_id, m.body_id, m.date, 'annex',
    f.role = 'annex' and not f.deleted and f.withheld is null and fp.withheld is null
      and coalesce(not m.deleted, true),
    fp.search_municipalities, to_tsvector('danish'::regconfig, f.title),
    setweight(to_tsvector('danish'::regconfig, fp.text), 'D')
  from file_page fp join file f on f.id = fp.file_id
    left join meeting m on m.id = f.meeting_id`;

const COLUMNS =
  "item_id, file_id, page, meeting_id, body_id, date, kind, visible, municipalities, title_vector, vector";

const ITEM_DOC_SOURCE = [
  "title",
  "resume",
  "baggrund",
  "indstilling",
  "sagsforloeb",
  "sagsfremstilling",
  "beslutning",
  "notes",
  "section_title",
  "public",
  "withheld",
  "deleted",
  "meeting_id",
  "search_municipalities",
];
const sourceOf = (alias: string) => `(${ITEM_DOC_SOURCE.map((c) => `${alias}.${c}`).join(", ")})`;
const ITEM_DOC_CHANGED = `${sourceOf("ai")} is distinct from ${sourceOf("b")}`;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    alter table agenda_item add column withheld text
      check (withheld in ('closed-item', 'cpr-number', 'unlinked-annex'));
    alter table file add column withheld text
      check (withheld in ('closed-item', 'cpr-number', 'unlinked-annex'));
    alter table file_page add column withheld text
      check (withheld in ('closed-item', 'cpr-number', 'unlinked-annex'));
    create index agenda_item_withheld on agenda_item (meeting_id) include (number, source_file_id)
      where withheld is not null;
    create index file_withheld on file (source_file_id) where withheld is not null
  `,
  );
  // One statement per call: the function bodies hold semicolons.
  const statements = [
    `create or replace function raadsinfo_item_docs_inserted() returns trigger language plpgsql as $fn$
       begin
         insert into search_doc (${COLUMNS}) ${ITEM_DOC.replace("from agenda_item ai", "from changed ai")};
         return null;
       end $fn$`,
    `create or replace function raadsinfo_item_docs_updated() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using changed ai join before b on b.id = ai.id
           where d.file_id is null and d.item_id = ai.id and ${ITEM_DOC_CHANGED};
         insert into search_doc (${COLUMNS})
           ${ITEM_DOC.replace("from agenda_item ai", "from changed ai join before b on b.id = ai.id")}
           where ${ITEM_DOC_CHANGED};
         return null;
       end $fn$`,
    `create or replace function raadsinfo_page_docs_inserted() returns trigger language plpgsql as $fn$
       begin
         insert into search_doc (${COLUMNS}) ${PAGE_DOC.replace("from file_page fp", "from changed fp")};
         return null;
       end $fn$`,
    `create or replace function raadsinfo_page_docs_updated() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using before b where d.file_id = b.file_id and d.page = b.page;
         insert into search_doc (${COLUMNS}) ${PAGE_DOC.replace("from file_page fp", "from changed fp")};
         return null;
       end $fn$`,
    `create or replace function raadsinfo_sync_file_docs(wanted integer) returns void language sql as $fn$
       delete from search_doc where file_id = wanted;
       insert into search_doc (${COLUMNS}) ${PAGE_DOC} where f.id = wanted;
     $fn$`,
    `create or replace function raadsinfo_meeting_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc where file_id is null and meeting_id = new.id;
         insert into search_doc (${COLUMNS}) ${ITEM_DOC} where ai.meeting_id = new.id;
         perform raadsinfo_sync_file_docs(f.id) from file f where f.meeting_id = new.id;
         return null;
       end $fn$`,
    "drop trigger file_search_doc on file",
    `create trigger file_search_doc after update on file for each row
       when ((old.deleted, old.role, old.meeting_id, old.agenda_item_id, old.title, old.withheld)
             is distinct from (new.deleted, new.role, new.meeting_id, new.agenda_item_id, new.title, new.withheld))
       execute function raadsinfo_file_doc_trigger()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
  // What was closed before this migration is withheld from now on (store/write/withholding.ts, inlined:
  // a migration keeps the SQL of its day).
  await runStatements(
    db,
    `
    update agenda_item set withheld = 'closed-item' where not public and withheld is null;
    update file f set withheld = 'closed-item' where f.withheld is null and exists (
      select 1 from agenda_item ci where ci.withheld = 'closed-item'
        and (ci.id = f.agenda_item_id or (ci.meeting_id = f.meeting_id and ci.number = f.item_number)));
    update file f set withheld = 'unlinked-annex' where f.withheld is null and f.role = 'annex'
      and f.meeting_id is null and not f.deleted and (f.item_number is not null
        or exists (select 1 from source_file sf where sf.id = f.source_file_id and sf.kind = 'annex-pack'));
    update file o set withheld = coalesce(
        (select s.withheld from file s where s.source_file_id = o.source_file_id and s.withheld is not null
           and s.id <> o.id order by s.id limit 1),
        (select 'closed-item' from agenda_item ci where ci.source_file_id = o.source_file_id
           and ci.withheld is not null limit 1))
      where o.role = 'original' and o.withheld is null and o.source_file_id is not null
  `,
  );
}
