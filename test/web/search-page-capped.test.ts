/** @module A search that stopped counting at its cap says so: "Mindst" on /soeg, totalExact in the JSON. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { parseSearchRequest, type SearchResponse } from "../../src/search/index.js";
import { presentSearchJson } from "../../src/web/api/search-json.js";
import { SearchPage } from "../../src/web/pages/search-page.js";

function response(totalExact: boolean): SearchResponse {
  return {
    query: "lokale",
    total: 991,
    totalExact,
    page: 1,
    pageSize: 10,
    allWordsTotal: 991,
    correctedQuery: null,
    suggestion: null,
    facets: {
      body: [],
      year: [{ value: "2024", label: "2024", count: 991 }],
      kind: [],
      municipality: [],
      person: [],
    },
    results: [],
    ignoredWords: 0,
    ignoredCharacters: 0,
    notice: null,
  };
}

const render = async (r: SearchResponse) =>
  String(await SearchPage({ request: parseSearchRequest({ q: "lokale" }), response: r }).toString());

it("/soeg calls a capped total a lower bound and says what the facet counts count", async () => {
  const capped = await render(response(false));
  assert.match(capped, /Mindst 991 resultater for »lokale«/);
  assert.match(capped, /Tallene er optalt blandt 991 af resultaterne/);
  const exact = await render(response(true));
  assert.match(exact, />991 resultater for »lokale«/);
  assert.doesNotMatch(exact, /Mindst|Tallene er optalt/);
});

it("/api/search's JSON carries totalExact as the search gave it", () => {
  assert.deepEqual(
    [presentSearchJson(response(false)).totalExact, presentSearchJson(response(true)).totalExact],
    [false, true],
  );
});
