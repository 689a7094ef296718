/**
 * @module Full-text search: weighted tsvector columns on items and annex pages (computed by PostgreSQL
 * on every write, so no query ever runs to_tsvector over stored text), GIN indexes, the municipalities
 * each text mentions (a facet), and a trigram word list for "Mente du".
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migration code is written against an untyped database.
type AnyDb = Kysely<any>;

/**
 * The 98 municipalities, frozen here rather than imported: a migration must create the same function
 * forever, whatever later code says (and the store may not depend on ingest).
 */
const MUNICIPALITIES = [
  "Aalborg|Brønderslev|Frederikshavn|Hjørring|Jammerbugt|Læsø|Mariagerfjord|Morsø|Rebild|Thisted",
  "Vesthimmerlands|Aarhus|Favrskov|Hedensted|Herning|Holstebro|Horsens|Ikast-Brande|Lemvig|Norddjurs",
  "Odder|Randers|Ringkøbing-Skjern|Samsø|Silkeborg|Skanderborg|Skive|Struer|Syddjurs|Viborg|Aabenraa",
  "Assens|Billund|Esbjerg|Faaborg-Midtfyn|Fanø|Fredericia|Haderslev|Kerteminde|Kolding|Langeland",
  "Middelfart|Nordfyns|Nyborg|Odense|Svendborg|Sønderborg|Tønder|Varde|Vejen|Vejle|Ærø|Faxe|Greve",
  "Guldborgsund|Holbæk|Kalundborg|Køge|Lejre|Lolland|Næstved|Odsherred|Ringsted|Roskilde|Slagelse|Solrød",
  "Sorø|Stevns|Vordingborg|Albertslund|Allerød|Ballerup|Bornholm|Brøndby|Dragør|Egedal|Fredensborg",
  "Frederiksberg|Frederikssund|Furesø|Gentofte|Gladsaxe|Glostrup|Gribskov|Halsnæs|Helsingør|Herlev",
  "Hillerød|Høje-Taastrup|Hørsholm|Hvidovre|Ishøj|København|Lyngby-Taarbæk|Rudersdal|Rødovre|Tårnby",
  "Vallensbæk",
].join("|");

/**
 * Letters spelled out: PGlite runs in the C locale, where [[:alpha:]] and \m know no æ, ø or å, so a
 * word boundary must be written by hand. "s?" takes the genitive ("Københavns Kommune").
 */
const LETTERS = "A-Za-zÆØÅæøåÄäÖöÜüÉé";
const MUNICIPALITY_PATTERN = `(^|[^${LETTERS}-])(${MUNICIPALITIES})s?(?=[^${LETTERS}]|$)`;

/** Item title A, Indstilling and Beslutning B, the other fields and notes C (DESIGN.md's weighting). */
const ITEM_VECTOR = `
  setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('danish'::regconfig, coalesce(indstilling, '') || ' ' || coalesce(beslutning, '')), 'B') ||
  setweight(to_tsvector('danish'::regconfig,
    coalesce(resume, '') || ' ' || coalesce(baggrund, '') || ' ' || coalesce(sagsforloeb, '') || ' ' ||
    coalesce(sagsfremstilling, '') || ' ' || coalesce(notes, '') || ' ' || coalesce(section_title, '')), 'C')`;

const ITEM_TEXT = `coalesce(title, '') || ' ' || coalesce(resume, '') || ' ' || coalesce(baggrund, '') || ' ' ||
  coalesce(indstilling, '') || ' ' || coalesce(sagsforloeb, '') || ' ' || coalesce(sagsfremstilling, '') || ' ' ||
  coalesce(beslutning, '') || ' ' || coalesce(notes, '')`;

export async function up(db: AnyDb): Promise<void> {
  const statements = [
    // Immutable because the list is part of the function: a generated column may only call such.
    `create function raadsinfo_municipalities(body text) returns text[]
       language sql immutable parallel safe
       as $fn$ select coalesce(array_agg(distinct m[2] order by m[2]), '{}'::text[])
               from regexp_matches(body, '${MUNICIPALITY_PATTERN}', 'g') as m $fn$`,
    `alter table agenda_item add column search_vector tsvector generated always as (${ITEM_VECTOR}) stored`,
    `alter table agenda_item add column search_municipalities text[]
       generated always as (raadsinfo_municipalities(${ITEM_TEXT})) stored`,
    `alter table file_page add column search_vector tsvector
       generated always as (setweight(to_tsvector('danish'::regconfig, text), 'D')) stored`,
    `alter table file_page add column search_municipalities text[]
       generated always as (raadsinfo_municipalities(text)) stored`,
    "create index agenda_item_search on agenda_item using gin (search_vector)",
    "create index file_page_search on file_page using gin (search_vector)",
    "create index attendance_person on attendance (person_id)",
    "create index meeting_body_date on meeting (body_id, date)",
    // Surface words (not stems: "Mente du: udviklingsgrup" would help no one) of public text.
    `create table search_word (
       word text primary key,
       doc_count integer not null
     )`,
    "create index search_word_trgm on search_word using gin (word public.gin_trgm_ops)",
    // One row saying whether the word list is behind the text; writes only flip the flag (cheap),
    // and the next suggestion rebuilds the list once, instead of every import paying per word.
    `create table search_word_state (
       id integer primary key check (id = 1),
       dirty boolean not null
     )`,
    "insert into search_word_state (id, dirty) values (1, true)",
    `create function raadsinfo_search_words_dirty() returns trigger language plpgsql as $fn$
       begin update search_word_state set dirty = true where not dirty; return null; end $fn$`,
    `create trigger agenda_item_search_words after insert or update or delete on agenda_item
       for each statement execute function raadsinfo_search_words_dirty()`,
    `create trigger file_page_search_words after insert or update or delete on file_page
       for each statement execute function raadsinfo_search_words_dirty()`,
    `create trigger file_search_words after update on file
       for each statement execute function raadsinfo_search_words_dirty()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
