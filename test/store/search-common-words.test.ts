/**
 * A word found in most documents is read newest first, so a search that stops counting at its cap shows
 * the latest meetings' matches rather than the first ones ever stored.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import { sql } from "kysely";
import { parseSearchRequest, search } from "../../src/search/index.js";
import { importDocument } from "../../src/store/index.js";
import { buildItem, buildMinutes, meetingOn } from "../support/documents.js";
import { forEachBackend } from "../support/stores.js";

const DATES = [
  "2019-03-14",
  "2020-03-12",
  "2021-03-11",
  "2022-03-10",
  "2023-03-09",
  "2024-03-14",
  "2025-03-13",
];

forEachBackend("search of a very common word", (store) => {
  before(async () => {
    const { db } = store();
    // Oldest first, as an archive is imported: the oldest rows are stored first.
    for (const date of DATES) {
      // The word is in the fields, not the titles: an item whose title matches is a candidate anyway.
      const items = ["1.1", "1.2", "1.3"].map((number) =>
        buildItem(number, {
          title: `Punkt ${number} den ${date}`,
          caseNumber: null,
          fields: {
            ...buildItem(number).fields,
            beslutning:
              number === "1.3" ? "Budgettet blev godkendt." : "Vejbelysning langs vejene blev godkendt.",
          },
        }),
      );
      const doc = buildMinutes({ meeting: meetingOn(date), items });
      const sha256 = createHash("sha256").update(date).digest("hex");
      await importDocument(db, { ...doc, source: { ...doc.source, file: `referat-${date}.txt`, sha256 } });
    }
    // The statistics autovacuum keeps on a live server: they tell the search which words are common.
    await sql`analyze search_doc`.execute(db);
  });

  it("shows the newest meetings' matches when it stops counting at the cap", async () => {
    const response = await search(store().db, parseSearchRequest({ q: "vejbelysning" }), { hitCap: 3 });
    assert.equal(response.totalExact, false);
    const dates = new Set(response.results.map((r) => r.meeting?.date));
    assert.ok(dates.size > 0);
    for (const date of dates) assert.ok(date === DATES.at(-1) || date === DATES.at(-2), `${date}`);
  });

  it("reads a word found in a few documents as before, every hit counted", async () => {
    const response = await search(store().db, parseSearchRequest({ q: "budget" }), { hitCap: 10 });
    assert.deepEqual([response.total, response.totalExact], [DATES.length, true]);
  });
});
