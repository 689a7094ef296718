/**
 * @module The field data of municipal and regional layouts on agenda_item: the headed fields beyond the six
 * columns ("Økonomi", "Sagen afgøres af", ...), the dated decisions of several bodies and the earlier
 * treatments from "Sagsforløb", each a JSON list in document order. Their text is searched with the other
 * fields (weight C): the item's search document is rebuilt from a function that reads the lists, so text
 * that used to run on in a neighbouring field is still found where it now stands.
 */
import { type Kysely, sql } from "kysely";
import { runStatements } from "./run-statements.js";

// Migrations see the database as it was then, not as schema.ts says it is now.
// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

const ITEM_VECTOR = `
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.title, '')), 'A') ||
  setweight(to_tsvector('danish'::regconfig, coalesce(ai.indstilling, '') || ' ' || coalesce(ai.beslutning, '')), 'B') ||
  setweight(to_tsvector('danish'::regconfig,
    coalesce(ai.resume, '') || ' ' || coalesce(ai.baggrund, '') || ' ' || coalesce(ai.sagsforloeb, '') || ' ' ||
    coalesce(ai.sagsfremstilling, '') || ' ' || coalesce(ai.notes, '') || ' ' || coalesce(ai.section_title, '') || ' ' ||
    raadsinfo_item_extra_text(ai.extra_fields, ai.decisions, ai.case_history)), 'C')`;

// As 0012, with the vector above.
const ITEM_DOC = `
  select ai.id, null::integer, null::integer, ai.meeting_id, m.body_id, m.date,
    case when coalesce(ai.beslutning, '') <> '' then 'decision' else 'item' end,
    ai.withheld is null and not ai.deleted and not m.deleted,
    ai.search_municipalities, to_tsvector('danish'::regconfig, ai.title), ${ITEM_VECTOR}
  from agenda_item ai join meeting m on m.id = ai.meeting_id`;

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
  "extra_fields",
  "decisions",
  "case_history",
];
const sourceOf = (alias: string) => `(${ITEM_DOC_SOURCE.map((c) => `${alias}.${c}`).join(", ")})`;
const ITEM_DOC_CHANGED = `${sourceOf("ai")} is distinct from ${sourceOf("b")}`;

export async function up(db: AnyDb): Promise<void> {
  await runStatements(
    db,
    `
    alter table agenda_item add column extra_fields jsonb not null default '[]'::jsonb;
    alter table agenda_item add column decisions jsonb not null default '[]'::jsonb;
    alter table agenda_item add column case_history jsonb not null default '[]'::jsonb
  `,
  );
  // One statement per call: the function bodies hold semicolons.
  const statements = [
    `create or replace function raadsinfo_item_extra_text(extra jsonb, decided jsonb, history jsonb)
       returns text language sql immutable as $fn$
       select concat_ws(' ',
         (select string_agg(concat_ws(' ', e->>'heading', e->>'text'), ' ') from jsonb_array_elements(extra) e),
         (select string_agg(concat_ws(' ', d->>'heading', d->>'text'), ' ') from jsonb_array_elements(decided) d),
         (select string_agg(concat_ws(' ', h->>'body', h->>'text'), ' ') from jsonb_array_elements(history) h))
     $fn$`,
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
