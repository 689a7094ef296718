/**
 * @module The word list behind "Mente du": words of public item and annex text, with trigram lookup
 * (pg_trgm). Writes add their words through migration 0004's triggers; a full rebuild is on demand only,
 * because at 100k items it takes over a minute and must never run inside a search.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

/** Below this trigram similarity a "suggestion" is more often a different word than a misspelling. */
const MIN_SIMILARITY = 0.35;

/**
 * Rebuilds the word list from scratch if a write has changed the text since the last build (or always,
 * with force): drops words of deleted and closed text and recounts. Maintenance, not needed for search.
 * @example await refreshSearchWords(db, { force: true });
 */
export async function refreshSearchWords(
  db: Kysely<Database>,
  options: { force?: boolean } = {},
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // The row lock makes a second caller wait and then find the list fresh, instead of building it twice.
    const state = await sql<{
      dirty: boolean;
    }>`select dirty from search_word_state where id = 1 for update`.execute(tx);
    if (!options.force && state.rows[0]?.dirty === false) return;
    await sql`delete from search_word`.execute(tx);
    // 'simple' lower-cases without stemming: the list holds words as people write them.
    await sql`
      insert into search_word (word, doc_count)
      select word, ndoc from ts_stat($stat$
        select to_tsvector('simple', concat_ws(' ', ai.title, ai.resume, ai.baggrund, ai.indstilling,
                 ai.sagsforloeb, ai.sagsfremstilling, ai.beslutning, ai.notes))
        from agenda_item ai join meeting m on m.id = ai.meeting_id
        where ai.public and not ai.deleted and not m.deleted
        union all
        select to_tsvector('simple', fp.text)
        from file_page fp join file f on f.id = fp.file_id
          left join agenda_item ai on ai.id = f.agenda_item_id
        where f.role = 'annex' and not f.deleted and (f.agenda_item_id is null or ai.public)
      $stat$)
      where length(word) between 3 and 40 and word ~ '^[a-zæøåäöüé]+$'
    `.execute(tx);
    await sql`update search_word_state set dirty = false where id = 1`.execute(tx);
  });
}

/** Which of `words` (lower case) occur somewhere in public text. */
export async function knownWords(db: Kysely<Database>, words: readonly string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await sql<{ word: string }>`
    select word from search_word where word = any(${sql.val([...words])}::text[])`.execute(db);
  return new Set(rows.rows.map((r) => r.word));
}

/**
 * The indexed word most like `word`: highest trigram similarity, then the more common word. Only a word
 * that finds something the public may see is offered (the list may still hold words of closed items).
 * @example await similarWord(db, "biokkul") // "biokul"
 */
export async function similarWord(db: Kysely<Database>, word: string): Promise<string | null> {
  const rows = await sql<{ word: string }>`
    select w.word from (
      select word, doc_count, similarity(word, ${word}) as s from search_word
      where word % ${word} and word <> ${word}
      order by s desc, doc_count desc, word limit 10) w
    where w.s >= ${MIN_SIMILARITY}
      and exists (select 1 from search_doc d
                  where d.visible and d.vector @@ plainto_tsquery('danish', w.word))
    order by w.s desc, w.doc_count desc, w.word
    limit 1`.execute(db);
  return rows.rows[0]?.word ?? null;
}
