/**
 * @module One narrow row per searchable thing (an item, or a page of an annex) with what search filters,
 * counts and ranks by: the 100k-item benchmark showed that counting hits in agenda_item reads its wide
 * rows (85 MB for 100k items) and took over 100 ms for a common word. Here the vector lives out of line,
 * so counting and facets read a few MB; triggers keep the rows in step with items, pages, files and
 * meetings, and `visible` says whether the public may see a row at all.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

const ITEM_DOC = `
  select ai.id, null::integer, null::integer, ai.meeting_id, m.body_id, m.date,
    case when coalesce(ai.beslutning, '') <> '' then 'decision' else 'item' end,
    ai.public and not ai.deleted and not m.deleted,
    ai.search_municipalities, to_tsvector('danish'::regconfig, ai.title), ai.search_vector
  from agenda_item ai join meeting m on m.id = ai.meeting_id`;

// The annex of a closed item is as closed as the item.
const PAGE_DOC = `
  select f.agenda_item_id, f.id, fp.page, f.meeting_id, m.body_id, m.date, 'annex',
    f.role = 'annex' and not f.deleted and coalesce(not m.deleted, true)
      and coalesce(ai.public and not ai.deleted, f.agenda_item_id is null),
    fp.search_municipalities, to_tsvector('danish'::regconfig, f.title), fp.search_vector
  from file_page fp join file f on f.id = fp.file_id
    left join meeting m on m.id = f.meeting_id
    left join agenda_item ai on ai.id = f.agenda_item_id`;

const COLUMNS =
  "item_id, file_id, page, meeting_id, body_id, date, kind, visible, municipalities, title_vector, vector";

export async function up(db: AnyDb): Promise<void> {
  const statements = [
    // toast_tuple_target 128: every wide value leaves the row, so a scan of hits reads narrow rows.
    `create table search_doc (
       id bigint generated always as identity primary key,
       item_id integer,
       file_id integer,
       page integer,
       meeting_id integer,
       body_id integer,
       date date,
       kind text not null,
       visible boolean not null,
       municipalities text[] not null default '{}',
       title_vector tsvector not null,
       vector tsvector not null
     ) with (toast_tuple_target = 128)`,
    // Uncompressed out of line: ranking a few hundred candidates detoasts without decompressing.
    "alter table search_doc alter column vector set storage external",
    "create unique index search_doc_item on search_doc (item_id) where file_id is null",
    "create unique index search_doc_page on search_doc (file_id, page) where file_id is not null",
    // Only what the public may see is in the index: a closed item cannot be found through it at all.
    "create index search_doc_vector on search_doc using gin (vector) where visible",
    "create index search_doc_meeting on search_doc (meeting_id)",
    `create function raadsinfo_sync_item_doc(wanted integer) returns void language sql as $fn$
       delete from search_doc where file_id is null and item_id = wanted;
       insert into search_doc (${COLUMNS}) ${ITEM_DOC} where ai.id = wanted;
     $fn$`,
    `create function raadsinfo_sync_file_docs(wanted integer) returns void language sql as $fn$
       delete from search_doc where file_id = wanted;
       insert into search_doc (${COLUMNS}) ${PAGE_DOC} where f.id = wanted;
     $fn$`,
    `create function raadsinfo_sync_page_doc(wanted_file integer, wanted_page integer) returns void
       language sql as $fn$
       delete from search_doc where file_id = wanted_file and page = wanted_page;
       insert into search_doc (${COLUMNS}) ${PAGE_DOC} where fp.file_id = wanted_file and fp.page = wanted_page;
     $fn$`,
    `create function raadsinfo_item_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         if tg_op = 'DELETE' then
           delete from search_doc where file_id is null and item_id = old.id;
           return null;
         end if;
         perform raadsinfo_sync_item_doc(new.id);
         if tg_op = 'UPDATE' and (old.public, old.deleted) is distinct from (new.public, new.deleted) then
           perform raadsinfo_sync_file_docs(f.id) from file f where f.agenda_item_id = new.id;
         end if;
         return null;
       end $fn$`,
    `create function raadsinfo_page_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         if tg_op = 'DELETE' then
           delete from search_doc where file_id = old.file_id and page = old.page;
           return null;
         end if;
         if tg_op = 'UPDATE' and (old.file_id, old.page) is distinct from (new.file_id, new.page) then
           delete from search_doc where file_id = old.file_id and page = old.page;
         end if;
         perform raadsinfo_sync_page_doc(new.file_id, new.page);
         return null;
       end $fn$`,
    `create function raadsinfo_file_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         perform raadsinfo_sync_file_docs(new.id);
         return null;
       end $fn$`,
    `create function raadsinfo_meeting_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         perform raadsinfo_sync_item_doc(ai.id) from agenda_item ai where ai.meeting_id = new.id;
         perform raadsinfo_sync_file_docs(f.id) from file f where f.meeting_id = new.id;
         return null;
       end $fn$`,
    `create trigger agenda_item_search_doc after insert or update or delete on agenda_item
       for each row execute function raadsinfo_item_doc_trigger()`,
    `create trigger file_page_search_doc after insert or update or delete on file_page
       for each row execute function raadsinfo_page_doc_trigger()`,
    `create trigger file_search_doc after update on file for each row
       when ((old.deleted, old.role, old.meeting_id, old.agenda_item_id, old.title)
             is distinct from (new.deleted, new.role, new.meeting_id, new.agenda_item_id, new.title))
       execute function raadsinfo_file_doc_trigger()`,
    `create trigger meeting_search_doc after update on meeting for each row
       when ((old.deleted, old.date, old.body_id) is distinct from (new.deleted, new.date, new.body_id))
       execute function raadsinfo_meeting_doc_trigger()`,
    // Rows written before this migration.
    `insert into search_doc (${COLUMNS}) ${ITEM_DOC}`,
    `insert into search_doc (${COLUMNS}) ${PAGE_DOC}`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
