/** @module Search over the store on both backends: words, ranking, grouping, facets, and closed items. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { loadDanishWordChecker } from "../../src/ingest/index.js";
import { parseSearchRequest, type SearchResponse, search } from "../../src/search/index.js";
import { refreshSearchWords, releaseWithheld, settleWithholding } from "../../src/store/index.js";
import { markedHtml } from "../../src/web/components/text-html.js";
import { CLOSED_TITLE, CLOSED_WORD, importSearchFixture } from "../search/search-fixture.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("search", (store) => {
  const find = (params: Record<string, string>): Promise<SearchResponse> =>
    search(store().db, parseSearchRequest(params));
  const titles = (response: SearchResponse) => response.results.map((r) => r.title);

  before(async () => {
    await importSearchFixture(store().db);
  });

  it("a closed item's words find nothing: no result, no snippet, no facet, no suggestion", async () => {
    // The last is a misspelling of the closed word: it must not be suggested either.
    for (const q of [
      CLOSED_WORD,
      "direktørens fratrædelse",
      "personsag",
      `"lukkede døre"`,
      "fortrolighedsaftalem",
    ]) {
      const response = await find({ q });
      assert.equal(response.total, 0, q);
      assert.deepEqual(response.results, [], q);
      assert.deepEqual(Object.values(response.facets).flat(), [], q);
      assert.equal(response.suggestion, null, q);
    }
    // A word the closed item shares with public ones finds only the public ones.
    const biokul = await find({ q: "biokul" });
    assert.ok(biokul.total > 0);
    const json = JSON.stringify(biokul);
    assert.ok(!json.includes(CLOSED_TITLE) && !json.includes(CLOSED_WORD), "closed item leaked");
  });

  it("follows later changes: an item closed afterwards, and its annex, drop out and stay out when reopened, until released", async () => {
    const { db } = store();
    const before = await find({ q: "busdrift" });
    assert.equal(before.total, 1, "the annex, once");
    const item = await db
      .selectFrom("agenda_item")
      .select(["id", "meeting_id"])
      .where("title", "=", "Status fra KlimaNord")
      .executeTakeFirstOrThrow();
    // What an import of minutes that close the item writes (import-items.ts, store/write/withholding.ts).
    await db
      .updateTable("agenda_item")
      .set({ public: false, withheld: "closed-item" })
      .where("id", "=", item.id)
      .execute();
    await settleWithholding(db, { meetingIds: [item.meeting_id], sourceFileIds: [] });
    assert.equal((await find({ q: "udviklingsgruppe" })).total, 0, "closed item");
    assert.equal((await find({ q: "busdrift" })).total, 0, "annex of the closed item 2.1");
    // Reopened by a later version: what was once closed stays withheld until the secretariat releases it.
    await db.updateTable("agenda_item").set({ public: true }).where("id", "=", item.id).execute();
    assert.equal((await find({ q: "udviklingsgruppe" })).total, 0, "reopened, still withheld");
    assert.equal((await find({ q: "busdrift" })).total, 0);
    const withheld = await db.selectFrom("file").select("id").where("agenda_item_id", "=", item.id).execute();
    assert.equal(await releaseWithheld(db, { kind: "item", id: item.id }), true);
    for (const f of withheld) await releaseWithheld(db, { kind: "file", id: f.id });
    assert.equal((await find({ q: "udviklingsgruppe" })).total, 1);
    assert.equal((await find({ q: "busdrift" })).total, 1);
  });

  it("finds inflected forms through the Danish stemmer", async () => {
    const response = await find({ q: "lærepladserne" });
    assert.equal(response.results[0]?.title, "Fordeling af lærepladser på SOSU-uddannelserne");
  });

  it("a word also finds compounds that begin with it, ranked below exact matches", async () => {
    const response = await find({ q: "klima" });
    const order = titles(response);
    assert.ok(order.includes("Klimaplanerne i kommunerne"), "compound klimaplan found");
    assert.ok(
      order.indexOf("Klima i den kommunale planlægning") < order.indexOf("Klimaplanerne i kommunerne"),
      `exact before compound: ${order.join(" | ")}`,
    );
  });

  it("a quoted phrase needs its words together; -word excludes", async () => {
    const phrase = await find({ q: '"politisk udviklingsgruppe"' });
    assert.deepEqual(titles(phrase), ["Status fra KlimaNord"]);
    const apart = await find({ q: '"udviklingsgruppe politisk"' });
    assert.equal(apart.total, 0);
    const excluded = await find({ q: "klima -biokul" });
    assert.ok(!titles(excluded).includes("Status fra KlimaNord"));
    assert.ok(titles(excluded).includes("Klima i den kommunale planlægning"));
    // The title has the word, the text has the excluded one: excluded, though titles are candidates.
    const inText = await find({ q: "klima -frederikshavn" });
    assert.ok(!titles(inText).includes("Klima i den kommunale planlægning"));
    assert.ok(titles(inText).includes("Klimaplanerne i kommunerne"));
  });

  it("shows an annex once, at its best page, with all its matching pages under it, best first", async () => {
    const response = await find({ q: "busdrift" });
    assert.equal(response.total, 1);
    assert.equal(response.results.length, 1);
    const best = response.results[0]!;
    assert.equal(best.kind, "annex");
    assert.ok(best.fileId !== null && best.itemId === null && best.source.page !== null);
    // Page 2 says "busdrift" twice, page 6 not at all.
    assert.equal(best.source.page, 2);
    assert.deepEqual([...best.pages].sort(), [1, 2, 3, 4, 5]);
    assert.equal(best.pages[0], best.source.page, "the best page first");
    assert.ok(best.snippet.some((s) => s.marked));
    assert.equal(best.source.file, "pack-2024.txt");
    assert.equal(best.source.sha256, "sha-pack-2024");
    assert.equal(best.source.lineEnd! - best.source.lineStart!, 9);
    // The meeting's date as the record states it; one estimated from a pack's text is said to be so.
    assert.equal(best.meeting?.dateEstimated, false);
    const { db } = store();
    const estimate = (value: boolean) =>
      db.updateTable("meeting").set({ date_estimated: value }).where("id", "=", best.meeting!.id).execute();
    await estimate(true);
    try {
      assert.equal((await find({ q: "busdrift" })).results[0]?.meeting?.dateEstimated, true);
    } finally {
      await estimate(false);
    }
  });

  it("gives snippets as plain text segments, matches marked, which the web escapes before marking", async () => {
    const response = await find({ q: "tegn busdrift" });
    const segments = response.results.find((r) => r.source.page === 5)?.snippet ?? [];
    const text = segments.map((s) => s.text).join("");
    // ts_headline drops tags itself; what is left of markup characters is plain text.
    assert.ok(text.includes("5 < 7 & andre"), text);
    assert.ok(!text.includes("<script"), text);
    assert.ok(
      segments.some((s) => s.marked && /^(busdrift|tegn)$/i.test(s.text)),
      JSON.stringify(segments),
    );
    const html = markedHtml(segments);
    assert.ok(html.includes("5 &lt; 7 &amp; andre"), html);
    assert.match(html, /<mark>[^<]+<\/mark>/);
  });

  it("item results carry provenance and link to the item page", async () => {
    const response = await find({ q: "socialtilsyn årsberetning" });
    const first = response.results[0]!;
    assert.equal(first.title, "Socialtilsyn Nords årsberetning 2022");
    assert.ok(first.itemId !== null && first.fileId === null);
    assert.deepEqual(first.meeting && { date: first.meeting.date, body: first.meeting.body }, {
      date: "2023-03-10",
      body: "KKR Testjylland",
    });
    assert.equal(first.itemNumber, "3.2");
    assert.deepEqual(
      { ...first.source, sha256: first.source.sha256 },
      { file: "minutes-2023.txt", sha256: "sha-minutes-2023.txt", page: 1, lineStart: 25, lineEnd: 34 },
    );
  });

  it("counts facets and filters by year, kind, body and municipality", async () => {
    const all = await find({ q: "klima" });
    const years = Object.fromEntries(all.facets.year.map((f) => [f.value, f.count]));
    assert.equal(years["2023"], 1);
    assert.equal((years["2024"] ?? 0) + (years["2023"] ?? 0), all.total);
    const kinds = all.facets.kind.map((f) => f.value).sort();
    assert.deepEqual(kinds, ["decision", "item"]);
    assert.deepEqual(all.facets.body, [
      { value: "KKR Testjylland", label: "KKR Testjylland", count: all.total },
    ]);
    assert.ok(all.facets.municipality.some((m) => m.value === "Frederikshavn"));
    assert.ok(all.facets.person.some((p) => p.label.startsWith("Mette Mogensen")));

    const in2023 = await find({ q: "klima", year: "2023" });
    assert.deepEqual(titles(in2023), ["Klima i den kommunale planlægning"]);
    const decisions = await find({ q: "klima", kind: "decision" });
    assert.ok(decisions.results.every((r) => r.kind === "decision") && decisions.total > 0);
    const elsewhere = await find({ q: "klima", body: "KKR Andetsteds" });
    assert.equal(elsewhere.total, 0);
    const aalborg = await find({ q: "lærepladser", municipality: "Aalborg" });
    assert.equal(aalborg.total, 1);
    const annexes = await find({ q: "busdrift", kind: "annex" });
    assert.ok(annexes.results.every((r) => r.kind === "annex") && annexes.total === 1);
  });

  it("a word whose stem is shorter than four letters does not match words that begin with the stem", async () => {
    // "kommer" stems to 'kom': as a prefix it matched every "kommune", "kommunerne" and "kommunale".
    assert.equal((await find({ q: "kommer" })).total, 0);
    assert.ok(titles(await find({ q: "kommuner" })).includes("Klimaplanerne i kommunerne"));
  });

  it("stops counting at the hit cap and says so: total is then a lower bound, facets count the same", async () => {
    const capped = (q: string, hitCap: number, filters: Record<string, string> = {}) =>
      search(store().db, parseSearchRequest({ q, ...filters }), { hitCap });
    const exact = await find({ q: "klima" });
    assert.equal(exact.totalExact, true);
    // Fewer hits than the cap as written ("klima"), so compounds ("klimaplanerne") are read too.
    const klima = await capped("klima", 1);
    assert.equal(klima.totalExact, false);
    assert.ok(klima.total >= 1 && klima.total < exact.total, `${klima.total} of ${exact.total}`);
    assert.equal(
      klima.facets.kind.reduce((n, f) => n + f.count, 0),
      klima.total,
    );
    assert.ok(klima.results.length > 0);
    // More hits than the cap as written: five annex pages say "busdrift", of one annex, counted once.
    const busdrift = await capped("busdrift", 2);
    assert.deepEqual([busdrift.totalExact, busdrift.total], [false, 1]);
    assert.equal(busdrift.results[0]?.title, "Trafikplan for Nordjylland");
    const annexes = await capped("busdrift", 2, { kind: "annex", year: "2024" });
    assert.deepEqual([annexes.totalExact, annexes.total], [false, 1]);
    // A cap changes nothing for closed items: not found, not counted.
    assert.deepEqual(
      [(await capped(CLOSED_WORD, 1)).total, (await capped(CLOSED_WORD, 1)).totalExact],
      [0, true],
    );
    const json = JSON.stringify(await capped("biokul", 1));
    assert.ok(!json.includes(CLOSED_TITLE) && !json.includes(CLOSED_WORD), "closed item leaked");
  });

  it("sorts by date, newest first, when asked", async () => {
    const response = await find({ q: "klima", sort: "date" });
    const dates = response.results.map((r) => r.meeting?.date ?? "");
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it("suggests the nearest indexed word for a misspelling, from the list writes keep", async () => {
    const response = await find({ q: "pasagerrådet" });
    assert.equal(response.total, 0);
    assert.equal(response.suggestion, "passagerrådet");
  });

  it("searches a misspelled word as the nearest indexed word, unless asked for the words as typed", async () => {
    const spelled = (params: Record<string, string>) =>
      search(store().db, parseSearchRequest(params), { dictionary: loadDanishWordChecker });
    const corrected = await spelled({ q: "pasagerrådet" });
    assert.equal(corrected.correctedQuery, "passagerrådet");
    assert.equal(corrected.suggestion, null);
    assert.ok(corrected.total > 0);
    assert.ok(titles(corrected).includes("Trafikplan for Nordjylland"), titles(corrected).join(" | "));
    assert.equal(corrected.query, "pasagerrådet", "the query stays as typed");
    const asTyped = await spelled({ q: "pasagerrådet", asTyped: "1" });
    assert.deepEqual([asTyped.total, asTyped.correctedQuery, asTyped.suggestion], [0, null, "passagerrådet"]);
    // A real Danish word the records lack is not read as another one; it may be offered, no more.
    const real = await spelled({ q: "kommer" });
    assert.deepEqual([real.total, real.correctedQuery], [0, null]);
  });

  it("fills a page with results that have some of the words when few have all", async () => {
    const response = await find({ q: "busdrift skolerne ukendtord" });
    assert.equal(response.allWordsTotal, 0);
    assert.ok(response.total > 0);
    assert.equal(response.results[0]?.source.page, 2, "the page with two of the words comes first");
  });

  it("a query of only stop words or only exclusions finds nothing, without error", async () => {
    assert.equal((await find({ q: "for og af" })).total, 0);
    assert.equal((await find({ q: "-klima" })).total, 0);
    // "meget" is a stop word: what is left is only an exclusion, which must not match everything.
    assert.equal((await find({ q: "meget -klima" })).total, 0);
    assert.equal((await find({ q: "\"'&|!:*()<->" })).total, 0);
  });

  it("a full rebuild of the word list keeps suggesting, and leaves closed words out", async () => {
    await refreshSearchWords(store().db, { force: true });
    assert.equal((await find({ q: "pasagerrådet" })).suggestion, "passagerrådet");
    assert.equal((await find({ q: "fortrolighedsaftalem" })).suggestion, null);
  });

  it("pages through results", async () => {
    const first = await find({ q: "klima", pageSize: "1" });
    const second = await find({ q: "klima", pageSize: "1", page: "2" });
    assert.equal(first.results.length, 1);
    assert.equal(second.results.length, 1);
    const where = (r: SearchResponse) =>
      JSON.stringify(r.results.map((x) => [x.itemId, x.fileId, x.source.page]));
    assert.notEqual(where(first), where(second));
  });
});
