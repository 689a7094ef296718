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

/**
 * Adds the words of changed rows to the "Mente du" list (0002's search_word) as people write them
 * ('simple': lower case, no stemming). Words are only added here; a suggestion is checked against the
 * visible index before it is shown, so a word of a since-closed item is never suggested.
 */
const addWords = (text: string, condition: string) => `
  insert into search_word (word, doc_count)
  select t.lexeme, count(*) from changed c, unnest(to_tsvector('simple', ${text})) t
  where ${condition} and length(t.lexeme) between 3 and 40 and t.lexeme ~ '^[a-zæøåäöüé]+$'
  group by t.lexeme
  on conflict (word) do update set doc_count = search_word.doc_count + excluded.doc_count`;
const ITEM_WORDS = addWords(
  "concat_ws(' ', c.title, c.resume, c.baggrund, c.indstilling, c.sagsforloeb, c.sagsfremstilling, c.beslutning, c.notes)",
  "c.public and not c.deleted",
);
const PAGE_WORDS = addWords("c.text", "true");

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
    // Items by title words: the first candidates for ranking, found without reading any full vector.
    "create index search_doc_title on search_doc using gin (title_vector) where visible and file_id is null",
    "create index search_doc_meeting on search_doc (meeting_id)",
    // Filters as bitmaps the planner can AND with the GIN bitmap, so a filtered search reads only rows
    // that pass both instead of walking common-word hits until enough pass the filter.
    "create index search_doc_date on search_doc (date) where visible",
    "create index search_doc_body on search_doc (body_id) where visible",
    "create index search_doc_kind on search_doc (kind) where visible",
    // Statement-level triggers over transition tables: the bulk loader's multi-row inserts become one
    // insert ... select here, not one function call per row (which made loading 100k items 4x slower).
    `create function raadsinfo_item_docs_inserted() returns trigger language plpgsql as $fn$
       begin
         insert into search_doc (${COLUMNS}) ${ITEM_DOC.replace("from agenda_item ai", "from changed ai")};
         ${ITEM_WORDS};
         return null;
       end $fn$`,
    `create function raadsinfo_item_docs_updated() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using changed c where d.file_id is null and d.item_id = c.id;
         insert into search_doc (${COLUMNS}) ${ITEM_DOC.replace("from agenda_item ai", "from changed ai")};
         ${ITEM_WORDS};
         -- An item closed or reopened takes its annexes with it.
         perform raadsinfo_sync_file_docs(f.id) from file f
           join changed c on c.id = f.agenda_item_id join before b on b.id = c.id
           where (b.public, b.deleted) is distinct from (c.public, c.deleted);
         return null;
       end $fn$`,
    `create function raadsinfo_item_docs_deleted() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using gone g where d.file_id is null and d.item_id = g.id;
         return null;
       end $fn$`,
    `create function raadsinfo_page_docs_inserted() returns trigger language plpgsql as $fn$
       begin
         insert into search_doc (${COLUMNS}) ${PAGE_DOC.replace("from file_page fp", "from changed fp")};
         ${PAGE_WORDS};
         return null;
       end $fn$`,
    `create function raadsinfo_page_docs_updated() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using before b where d.file_id = b.file_id and d.page = b.page;
         insert into search_doc (${COLUMNS}) ${PAGE_DOC.replace("from file_page fp", "from changed fp")};
         ${PAGE_WORDS};
         return null;
       end $fn$`,
    `create function raadsinfo_page_docs_deleted() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc d using gone g where d.file_id = g.file_id and d.page = g.page;
         return null;
       end $fn$`,
    `create function raadsinfo_sync_file_docs(wanted integer) returns void language sql as $fn$
       delete from search_doc where file_id = wanted;
       insert into search_doc (${COLUMNS}) ${PAGE_DOC} where f.id = wanted;
     $fn$`,
    `create function raadsinfo_file_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         perform raadsinfo_sync_file_docs(new.id);
         return null;
       end $fn$`,
    `create function raadsinfo_meeting_doc_trigger() returns trigger language plpgsql as $fn$
       begin
         delete from search_doc where file_id is null and meeting_id = new.id;
         insert into search_doc (${COLUMNS}) ${ITEM_DOC} where ai.meeting_id = new.id;
         perform raadsinfo_sync_file_docs(f.id) from file f where f.meeting_id = new.id;
         return null;
       end $fn$`,
    `create trigger agenda_item_docs_inserted after insert on agenda_item
       referencing new table as changed for each statement execute function raadsinfo_item_docs_inserted()`,
    `create trigger agenda_item_docs_updated after update on agenda_item
       referencing old table as before new table as changed
       for each statement execute function raadsinfo_item_docs_updated()`,
    `create trigger agenda_item_docs_deleted after delete on agenda_item
       referencing old table as gone for each statement execute function raadsinfo_item_docs_deleted()`,
    `create trigger file_page_docs_inserted after insert on file_page
       referencing new table as changed for each statement execute function raadsinfo_page_docs_inserted()`,
    `create trigger file_page_docs_updated after update on file_page
       referencing old table as before new table as changed
       for each statement execute function raadsinfo_page_docs_updated()`,
    `create trigger file_page_docs_deleted after delete on file_page
       referencing old table as gone for each statement execute function raadsinfo_page_docs_deleted()`,
    // Files and meetings change one at a time (a re-import), and only these columns matter.
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
