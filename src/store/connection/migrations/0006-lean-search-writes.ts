/**
 * @module Search maintenance that costs a write as little as it can. Before, every stored item and annex
 * page cost PostgreSQL its weighted vector twice over (a generated column with its own GIN index, copied
 * into search_doc with a second), a 98-name regular expression, a second tokenisation for the "Mente du"
 * list and one upsert per distinct word. Import reached 118 items/s on the server. Now:
 * - the vector is computed once, straight into search_doc (the only vector any query reads);
 * - municipalities are plain columns the store fills from JavaScript (store/search-text.ts);
 * - the store queues each document's distinct words in search_word_pending, and the word list takes in
 *   the queue in one grouped upsert when it is next needed (store/search-words.ts), instead of per row.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

/** Item title A, Indstilling and Beslutning B, the other fields and notes C (DESIGN.md's weighting). */
const ITEM_VECTOR = `
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.title, '')), 'A') ||
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.indstilling, '') || ' ' || coalesce(ai.beslutning, '')), 'B') ||
  setweight(to_tsvector('danish'::regconfig,
    coalesce(ai.resume, '') || ' ' || coalesce(ai.baggrund, '') || ' ' || coalesce(ai.sagsforloeb, '') || ' ' ||
    coalesce(ai.sagsfremstilling, '') || ' ' || coalesce(ai.notes, '') || ' ' || coalesce(ai.section_title, '')), 'C')`;

const ITEM_DOC = `
  select ai.id, null::integer, null::integer, ai.meeting_id, m.body_id, m.date,
    case when coalesce(ai.beslutning, '') <> '' then 'decision' else 'item' end,
    ai.public and not ai.deleted and not m.deleted,
    ai.search_municipalities, to_tsvector('danish'::regconfig, ai.title), ${ITEM_VECTOR}
  from agenda_item ai join meeting m on m.id = ai.meeting_id`;

// The annex of a closed item is as closed as the item.
const PAGE_DOC = `
  select f.agenda_item_id, f.id, fp.page, f.meeting_id, m.body_id, m.date, 'annex',
    f.role = 'annex' and not f.deleted and coalesce(not m.deleted, true)
      and coalesce(ai.public and not ai.deleted, f.agenda_item_id is null),
    fp.search_municipalities, to_tsvector('danish'::regconfig, f.title),
    setweight(to_tsvector('danish'::regconfig, fp.text), 'D')
  from file_page fp join file f on f.id = fp.file_id
    left join meeting m on m.id = f.meeting_id
    left join agenda_item ai on ai.id = f.agenda_item_id`;

const COLUMNS =
  "item_id, file_id, page, meeting_id, body_id, date, kind, visible, municipalities, title_vector, vector";

/** What an item's search_doc row is made of: a re-import that changes none of it rewrites nothing. */
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
  "deleted",
  "meeting_id",
  "search_municipalities",
];
const sourceOf = (alias: string) => `(${ITEM_DOC_SOURCE.map((c) => `${alias}.${c}`).join(", ")})`;
const ITEM_DOC_CHANGED = `${sourceOf("ai")} is distinct from ${sourceOf("b")}`;

export async function up(db: AnyDb): Promise<void> {
  // One statement per call: the function bodies hold semicolons (see run-statements.ts).
  const statements = [
    "drop trigger agenda_item_search_words on agenda_item",
    "drop trigger file_page_search_words on file_page",
    "drop trigger file_search_words on file",
    "drop function raadsinfo_search_words_dirty()",
    "alter table agenda_item drop column search_vector",
    "alter table file_page drop column search_vector",
    "alter table agenda_item alter column search_municipalities drop expression",
    "alter table agenda_item alter column search_municipalities set default '{}'",
    "alter table file_page alter column search_municipalities drop expression",
    "alter table file_page alter column search_municipalities set default '{}'",
    `create table search_word_pending (
       id bigint generated always as identity primary key,
       words text[] not null
     )`,
    // The words already listed stay; what is written from now on comes through the queue.
    "drop table search_word_state",
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
         -- An item closed or reopened takes its annexes with it.
         perform raadsinfo_sync_file_docs(f.id) from file f
           join changed c on c.id = f.agenda_item_id join before b on b.id = c.id
           where (b.public, b.deleted) is distinct from (c.public, c.deleted);
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
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
