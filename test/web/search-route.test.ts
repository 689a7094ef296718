/** @module GET /api/search and the /soeg page, through app.request on both backends. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../src/web/app.js";
import { CLOSED_TITLE, CLOSED_WORD, importSearchFixture } from "../search/search-fixture.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("search web", (store) => {
  const get = (path: string) => createApp({ db: store().db }).request(path);

  before(async () => {
    await importSearchFixture(store().db);
  });

  it("/api/search returns the JSON of the issue, field for field", async () => {
    const res = await get("/api/search?q=biokul");
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), [
      "correctedQuery",
      "facets",
      "notice",
      "page",
      "pageSize",
      "query",
      "results",
      "suggestion",
      "total",
      "totalExact",
    ]);
    assert.deepEqual(Object.keys(body.facets as object).sort(), [
      "body",
      "kind",
      "municipality",
      "person",
      "year",
    ]);
    const results = body.results as Record<string, unknown>[];
    assert.equal(body.total, 1);
    assert.deepEqual(results[0], {
      kind: "decision",
      title: "Status fra KlimaNord",
      meeting: { date: "2024-09-20", body: "KKR Testjylland" },
      itemNumber: "2.1",
      url: results[0]?.url,
      snippet: results[0]?.snippet,
      source: {
        file: "minutes-2024.txt",
        sha256: "sha-minutes-2024.txt",
        page: 1,
        lineStart: 10,
        lineEnd: 19,
      },
      pages: [],
    });
    assert.match(String(results[0]?.url), /^\/punkt\/\d+$/);
    assert.match(String(results[0]?.snippet), /<mark>biokul<\/mark>/);
  });

  it("/api/search filters by body, year, kind and page, and refuses bad parameters with 400 JSON", async () => {
    const res = await get("/api/search?q=klima&year=2023&kind=item&body=KKR%20Testjylland&page=1");
    const body = (await res.json()) as { total: number; results: { title: string }[] };
    assert.deepEqual(
      body.results.map((r) => r.title),
      ["Klima i den kommunale planlægning"],
    );
    const bad = await get("/api/search?q=klima&kind=everything");
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /kind/);
  });

  it("a closed item's words find nothing on the API or the page", async () => {
    const api = await (await get(`/api/search?q=${CLOSED_WORD}`)).text();
    assert.match(api, /"total":0/);
    assert.ok(!api.includes(CLOSED_TITLE));
    const page = await (await get(`/soeg?q=${CLOSED_WORD}`)).text();
    assert.ok(!page.includes(CLOSED_TITLE));
    assert.match(page, /Ingen resultater/);
  });

  it("/soeg shows results with marked snippets, facets with counts and provenance", async () => {
    const res = await get("/soeg?q=klima");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="da">/);
    assert.match(html, /resultater for »klima«/);
    assert.match(html, /<mark>[^<]*<\/mark>/);
    assert.match(html, /href="\/punkt\/\d+"/);
    assert.match(html, /Afgræns/);
    assert.match(html, /href="\/soeg\?q=klima&amp;year=2023"/);
    // Provenance for a reader: body, date, item and page; no internal file name or line numbers.
    assert.match(html, /KKR [^<]*, \d{1,2}\. \p{L}+ \d{4} · punkt \d/u);
    assert.doesNotMatch(html, /minutes-20\d\d\.txt|linje \d/);
    assert.match(html, /20\. september 2024/);
  });

  it("/soeg and /api/search show an annex once, with links to each of its matching pages, best first", async () => {
    const html = await (await get("/soeg?q=busdrift")).text();
    assert.match(html, />1 resultat for »busdrift«/);
    assert.equal(html.match(/<li class="search-result">/g)?.length, 1);
    const pages = [...html.matchAll(/href="\/bilag\/\d+\?side=(\d)#side-\d"/g)].map((m) => Number(m[1]));
    // The title links to the best page (2, where the word is twice); the list gives all five, best first.
    assert.equal(pages[0], 2);
    assert.deepEqual([...pages.slice(1)].sort(), [1, 2, 3, 4, 5]);
    assert.equal(pages[1], 2);
    assert.match(html, /Fund på 5 sider, bedste først:/);
    const json = (await (await get("/api/search?q=busdrift")).json()) as {
      total: number;
      results: { url: string; source: { page: number }; pages: { page: number; url: string }[] }[];
    };
    assert.equal(json.total, 1);
    const annex = json.results[0];
    assert.equal(annex?.pages.length, 5);
    assert.equal(annex?.pages[0]?.page, annex?.source.page);
    assert.equal(annex?.pages[0]?.url, annex?.url);
  });

  it("/soeg reads a misspelled query as the nearest known word and links to the query as typed", async () => {
    const html = await (await get("/soeg?q=pasagerr%C3%A5det")).text();
    assert.match(html, /resultater? for »passagerrådet«/);
    assert.match(
      html,
      /Viser resultater for <strong>passagerrådet<\/strong>\. Søg i stedet efter <a href="\/soeg\?q=pasagerr%C3%A5det&amp;asTyped=1">pasagerrådet<\/a>\./,
    );
    assert.doesNotMatch(html, /Mente du/);
    const json = (await (await get("/api/search?q=pasagerr%C3%A5det")).json()) as {
      query: string;
      correctedQuery: string | null;
      total: number;
    };
    assert.deepEqual([json.query, json.correctedQuery], ["pasagerrådet", "passagerrådet"]);
    assert.ok(json.total > 0);
  });

  it("/soeg offers 'Mente du' and help when nothing is found as typed, and the form when empty", async () => {
    const html = await (await get("/soeg?q=pasagerr%C3%A5det&asTyped=1")).text();
    assert.match(html, /Ingen resultater for »pasagerrådet«/);
    assert.match(html, /Mente du:/);
    assert.match(html, /href="\/soeg\?q=passagerr%C3%A5det&amp;asTyped=1"/);
    assert.match(html, /Gode råd, når intet bliver fundet/);
    const empty = await (await get("/soeg")).text();
    assert.match(empty, /Sådan søger du/);
    assert.match(empty, /<label class="form-label" for="soeg-q">/);
  });

  it("/soeg pages with links to the next page and marks the current one", async () => {
    const html = await (await get("/soeg?q=klima&pageSize=1")).text();
    assert.match(html, /aria-label="Sider med søgeresultater"/);
    assert.match(html, /aria-current="page"/);
    assert.match(html, /href="\/soeg\?q=klima&amp;pageSize=1&amp;page=2"/);
  });

  it("/soeg with a bad parameter answers a Danish 400 page", async () => {
    const res = await get("/soeg?q=klima&page=abc");
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Forkert forespørgsel/);
  });
});
