/**
 * @module serve's take-in of the "Mente du" word queue when the public searches read a replica that cannot
 * take it in themselves (issue 17): once a minute on the primary with a replica, never without one.
 */
import assert from "node:assert/strict";
import { it, mock } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { type Kysely, sql } from "kysely";
import { SEARCH_WORD_INTAKE_MS, searchWordIntake } from "../../src/cli/search-word-intake.js";
import type { Database, Store } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

/** Whether the word list holds `word` (search_word is written in raw SQL only, so it is read so here). */
async function listed(store: Store, word: string): Promise<boolean> {
  const rows = await sql`select 1 from search_word where word = ${word}`.execute(store.db);
  return rows.rows.length > 0;
}

/**
 * Queues `word`, runs the intake for `minutes` of mocked time with `readDb` as the reads' handle, and
 * says whether the word reached the list (given a moment for the take-in's statements).
 */
async function listedAfter(store: Store, word: string, readDb: Kysely<Database>, minutes: number) {
  const { db } = store;
  await db
    .insertInto("search_word_pending")
    .values({ words: [word] })
    .execute();
  mock.timers.enable({ apis: ["setInterval"] });
  const intake = searchWordIntake({ db, readDb });
  try {
    assert.equal(await listed(store, word), false);
    mock.timers.tick(SEARCH_WORD_INTAKE_MS * minutes);
    for (let n = 0; n < 20 && !(await listed(store, word)); n++) await sleep(10);
    return await listed(store, word);
  } finally {
    intake.stop();
    mock.timers.reset();
  }
}

forEachBackend("serve: search word intake", (store) => {
  it("takes in the queue on the primary every minute when reads go to a replica", async () => {
    // Any handle other than `db` stands for the replica's: only the two being apart matters here.
    assert.equal(await listedAfter(store(), "replikaord", store().db.withoutPlugins(), 1), true);
  });

  it("leaves the queue to the searches when there is no replica", async () => {
    assert.equal(await listedAfter(store(), "primaerord", store().db, 2), false);
  });
});
