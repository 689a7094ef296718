/**
 * @module The search page as a reader sees it: an annex once, its matching pages linked under it best
 * first; a misspelled query read as another word, said so, with a link back to the words as typed; and
 * snippets that wrap at 320 px (the stylesheet's rule; test/browser/portal.test.ts measures it).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { parseSearchRequest, type SearchResponse, type SearchResult } from "../../../src/search/index.js";
import { emptyFacets } from "../../../src/store/index.js";
import { SearchPage } from "../../../src/web/pages/search-page.js";

const annex: SearchResult = {
  kind: "annex",
  title: "KL CO2-reduktion i kommunerne",
  // The pack's meeting: its date estimated from the pack's text.
  meeting: { id: 3, date: "2020-01-01", dateEstimated: true, body: "KKR Midtjylland" },
  itemNumber: "3.1",
  itemId: null,
  fileId: 36,
  snippet: [
    { text: "Bilag", marked: false },
    { text: ".".repeat(120), marked: false },
    { text: "klima", marked: true },
  ],
  source: { file: "003_543010fa29d1b32e.txt", sha256: "ab", page: 12, lineStart: 500, lineEnd: 540 },
  pages: [12, 1, 3],
  withheld: null,
};

function response(overrides: Partial<SearchResponse>): SearchResponse {
  return {
    query: "klima",
    total: 1,
    totalExact: true,
    page: 1,
    pageSize: 10,
    allWordsTotal: 1,
    correctedQuery: null,
    suggestion: null,
    facets: emptyFacets(),
    results: [annex],
    ignoredWords: 0,
    ignoredCharacters: 0,
    notice: null,
    ...overrides,
  };
}

const render = async (q: string, r: SearchResponse) =>
  String(await SearchPage({ request: parseSearchRequest({ q }), response: r }).toString());

it("shows an annex as one result, linked at its best page, with each matching page linked, best first", async () => {
  const html = await render("klima", response({}));
  assert.equal(html.match(/<li class="search-result">/g)?.length, 1);
  assert.match(html, /<a href="\/bilag\/36\?side=12#side-12">KL CO2-reduktion i kommunerne<\/a>/);
  assert.match(html, /side 12/);
  const list = html.match(/<p class="search-result__pages[^"]*">(.*?)<\/p>/)?.[1] ?? "";
  assert.match(list, /^Fund på 3 sider, bedste først:/);
  assert.deepEqual(
    [...list.matchAll(/href="\/bilag\/36\?side=(\d+)#side-\d+"/g)].map((m) => Number(m[1])),
    [12, 1, 3],
  );
});

it("links the annex's own search for the pages past the first twelve", async () => {
  const pages = Array.from({ length: 15 }, (_, i) => i + 1);
  const html = await render(
    "klima",
    response({ results: [{ ...annex, source: { ...annex.source, page: 1 }, pages }] }),
  );
  const list = html.match(/<p class="search-result__pages[^"]*">(.*?)<\/p>/)?.[1] ?? "";
  assert.match(list, /^Fund på 15 sider, bedste først:/);
  assert.equal(list.match(/href="\/bilag\/36\?side=/g)?.length, 12);
  assert.match(list, / og <a href="\/bilag\/36\?q=klima">3 andre sider<\/a>$/);
});

it("says 'ca.' before a meeting date estimated from an annex pack, and nothing before a stated one", async () => {
  const estimated = await render("klima", response({}));
  assert.match(estimated, /KKR Midtjylland, ca\. 1\. januar 2020/);
  const stated = await render(
    "klima",
    response({
      results: [
        { ...annex, meeting: { id: 4, date: "2024-09-20", dateEstimated: false, body: "KKR Nordjylland" } },
      ],
    }),
  );
  assert.match(stated, /KKR Nordjylland, 20\. september 2024/);
  assert.doesNotMatch(stated, /ca\./);
});

it("lists no pages under an annex that matches on one page only", async () => {
  const html = await render("klima", response({ results: [{ ...annex, pages: [12] }] }));
  assert.doesNotMatch(html, /Fund på/);
});

it("says a misspelled query was read as another word and links to the words as typed", async () => {
  const html = await render("lærepaldser", response({ query: "lærepaldser", correctedQuery: "lærepladser" }));
  assert.match(html, />1 resultat for »lærepladser«</);
  assert.match(
    html,
    /<p class="search-correction">Viser resultater for <strong>lærepladser<\/strong>\. Søg i stedet efter <a href="\/soeg\?q=l%C3%A6repaldser&amp;asTyped=1">lærepaldser<\/a>\.<\/p>/,
  );
  assert.doesNotMatch(html, /Mente du/);
  const asTyped = await SearchPage({
    request: parseSearchRequest({ q: "lærepaldser", asTyped: "1" }),
    response: response({ query: "lærepaldser", total: 0, results: [], suggestion: "lærepladser" }),
  }).toString();
  assert.match(String(asTyped), /Ingen resultater for »lærepaldser«/);
  assert.match(
    String(asTyped),
    /Mente du: <a href="\/soeg\?q=l%C3%A6repladser&amp;asTyped=1">lærepladser<\/a>/,
  );
});

it("lets snippets, titles and page lists break anywhere, so dot leaders cannot widen a phone's page", () => {
  const css = readFileSync(new URL("../../../src/web/assets/site.css", import.meta.url), "utf8");
  const rule = css
    .match(/([^{}]*)\{\s*overflow-wrap: anywhere;\s*\}/g)
    ?.find((r) => r.includes(".search-result__snippet"));
  assert.ok(rule, "a rule for .search-result__snippet");
  for (const selector of [".search-result__title", ".search-result__pages", ".search-correction"]) {
    assert.ok(rule.includes(selector), selector);
  }
});
