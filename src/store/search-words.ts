/**
 * @module The word list behind "Mente du": words of public item and annex text, with trigram lookup
 * (pg_trgm). A write queues its document's distinct words (queueSearchWords, one row a document); the
 * list takes in the queue with one grouped upsert when it is next read, so an import pays one insert
 * instead of an upsert per word; read through a read replica, which cannot take it in, the queued words
 * are read beside the list. A full rebuild from the stored text is on demand only: at 100k items it
 * takes over a minute and must never run inside a search. A signed-in viewer's words are the list's
 * plus, read at query time, the words of the withheld text they may see (few: closed items and such).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../domain/index.js";
import { isReadOnlyHandle } from "./connection/read-only-handle.js";
import type { Database } from "./schema.js";
import { hiddenDocsSeen, searchScope } from "./search-scope.js";
import { runPrepared } from "./write/prepared.js";

/** Below this trigram similarity a "suggestion" is more often a different word than a misspelling. */
const MIN_SIMILARITY = 0.35;
/** Documents a word is counted in past which a suggestion of it is not checked against search_doc. */
const COMMON_WORD = 50;

/** The texts of an item that search reads, as one text (rebuild and a viewer's withheld words). */
const ITEM_TEXT = `concat_ws(' ', ai.title, ai.resume, ai.baggrund, ai.indstilling,
                 ai.sagsforloeb, ai.sagsfremstilling, ai.beslutning, ai.notes)`;
/** A word the list keeps: written as people write it, letters only, 3 to 40 of them. */
const LISTED_WORD = "length(word) between 3 and 40 and word ~ '^[a-zæøåäöüé]+$'";

/**
 * (word, doc_count) of the text withheld from the public that `viewer` may see, lower-cased and
 * unstemmed as the list keeps them ('simple'); nothing for the public.
 */
function hiddenWords(viewer: Viewer): RawBuilder<unknown> {
  return sql`select word, count(*)::int as doc_count from (
      select to_tsvector('simple', ${sql.raw(ITEM_TEXT)}) as v
      from (${hiddenDocsSeen(viewer)}) h join agenda_item ai on ai.id = h.item_id where h.file_id is null
      union all
      select to_tsvector('simple', fp.text)
      from (${hiddenDocsSeen(viewer)}) h join file_page fp on fp.file_id = h.file_id and fp.page = h.page
    ) t, unnest(t.v) as u(word, positions, weights)
    where ${sql.raw(LISTED_WORD)}
    group by word`;
}

/**
 * Queues the words of one written document (see search-text.ts collectWords) for the word list.
 * @example await queueSearchWords(tx, words);
 */
export async function queueSearchWords(db: Kysely<Database>, words: ReadonlySet<string>): Promise<void> {
  if (words.size === 0) return;
  // One text split on the server: an array parameter costs pg a quoted element per word to write and
  // PostgreSQL's array parser as much to read, for thousands of words a document.
  const text = [...words].join(" ");
  await runPrepared(db, sql`insert into search_word_pending (words) values (string_to_array(${text}, ' '))`);
}

/**
 * Brings the word list up to date: takes in the queued words, or with `force` rebuilds the list from
 * the public text (which also drops the words of text deleted or closed since).
 * @example await refreshSearchWords(db);
 */
export async function refreshSearchWords(
  db: Kysely<Database>,
  options: { force?: boolean } = {},
): Promise<void> {
  if (options.force) {
    await rebuildSearchWords(db);
    return;
  }
  const pending = await sql<{ any: boolean }>`
    select exists (select 1 from search_word_pending) as any`.execute(db);
  if (!pending.rows[0]?.any) return;
  // Deleting what it counts makes a queued row count once, however many callers take in the queue at
  // once; rows of imports still in flight are not visible yet and wait for the next call.
  await sql`
    with taken as (delete from search_word_pending returning words),
    counted as (select w as word, count(*) as n from taken, unnest(taken.words) as w group by w)
    insert into search_word (word, doc_count)
    select word, n from counted order by word
    on conflict (word) do update set doc_count = search_word.doc_count + excluded.doc_count`.execute(db);
}

async function rebuildSearchWords(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // The table lock makes a second rebuild wait and then rebuild again, rather than interleave.
    await sql`lock table search_word in exclusive mode`.execute(tx);
    await sql`delete from search_word_pending`.execute(tx);
    await sql`delete from search_word`.execute(tx);
    // 'simple' lower-cases without stemming: the list holds words as people write them.
    await sql`
      insert into search_word (word, doc_count)
      select word, ndoc from ts_stat($stat$
        select to_tsvector('simple', ${sql.raw(ITEM_TEXT)})
        from agenda_item ai join meeting m on m.id = ai.meeting_id
        where ai.withheld is null and not ai.deleted and not m.deleted
        union all
        select to_tsvector('simple', fp.text)
        from file_page fp join file f on f.id = fp.file_id
        where f.role = 'annex' and not f.deleted and f.withheld is null and fp.withheld is null
      $stat$)
      where ${sql.raw(LISTED_WORD)}
    `.execute(tx);
  });
}

/**
 * Which of `words` (lower case) occur somewhere in text `viewer` may see (public text for the public).
 * Takes in queued words first, so a word imported a moment ago is known; a read-only handle (the read
 * replica) cannot, and reads the queue as it is.
 */
export async function knownWords(
  db: Kysely<Database>,
  words: readonly string[],
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const readOnly = await isReadOnlyHandle(db);
  if (!readOnly) await refreshSearchWords(db);
  const wanted = sql`any(${sql.val([...words])}::text[])`;
  const rows = await sql<{ word: string }>`
    select word from search_word where word = ${wanted}
    ${readOnly ? sql`union select w from search_word_pending p, unnest(p.words) as w where w = ${wanted}` : sql``}
    ${viewer.kind === "public" ? sql`` : sql`union select word from (${hiddenWords(viewer)}) h where word = ${wanted}`}`.execute(
    db,
  );
  return new Set(rows.rows.map((r) => r.word));
}

/**
 * The indexed word most like `word`: highest trigram similarity, then the more common word. Only a word
 * that finds something `viewer` may see is offered (the list may still hold words of closed items).
 * @example await similarWord(db, "biokkul") // "biokul"
 */
export async function similarWord(
  db: Kysely<Database>,
  word: string,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<string | null> {
  const scope = searchScope(viewer);
  const listed = sql`select word, doc_count, similarity(word, ${word}) as s from search_word
      where word % ${word} and word <> ${word}`;
  // A viewer's withheld words have no trigram index; they are few, so each is compared.
  const candidates = scope.isPublic
    ? listed
    : sql`${listed} union all
      select word, doc_count, similarity(word, ${word}) from (${hiddenWords(viewer)}) h
      where word % ${word} and word <> ${word}`;
  const statement = sql<{ word: string }>`
    select w.word from (
      ${candidates}
      order by s desc, doc_count desc, word limit 10) w
    where w.s >= ${MIN_SIMILARITY}
      -- The check builds the word's whole GIN bitmap (25,000 rows, 10 ms for a common word at 100k
      -- items); a word counted in COMMON_WORD documents has not all gone to closed or deleted text.
      and (w.doc_count >= ${sql.lit(COMMON_WORD)} or exists (select 1 from ${scope.docs} d
                  where ${scope.seen("d")} and d.vector @@ plainto_tsquery('danish', w.word)))
    order by w.s desc, w.doc_count desc, w.word
    limit 1`;
  const rows = await db.transaction().execute(async (tx) => {
    // The planner prices a trigram comparison like an equality and reads every word instead of the
    // trigram index: 20-30 ms at 100k items against 0.4 ms. Without sequential scans it takes the index.
    // A viewer's withheld words are read by sequential scans all the same, priced so high by that
    // setting that the server would JIT-compile the statement (seconds): JIT is off for them.
    await (scope.isPublic
      ? sql`select set_config('enable_seqscan', 'off', true)`
      : sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`
    ).execute(tx);
    return statement.execute(tx);
  });
  return rows.rows[0]?.word ?? null;
}
