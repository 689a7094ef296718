/** @module Reading a search request from parameters: defaults, bounds and refusals. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSearchRequest, SearchRequestError } from "../../src/search/index.js";

describe("parseSearchRequest", () => {
  it("fills defaults and treats empty values as absent", () => {
    assert.deepEqual(parseSearchRequest({ q: "  biokul ", body: "", year: "" }), {
      q: "biokul",
      ignoredCharacters: 0,
      body: undefined,
      year: undefined,
      kind: undefined,
      municipality: undefined,
      person: undefined,
      sort: "relevance",
      page: 1,
      pageSize: 10,
      asTyped: false,
    });
  });

  it("reads asTyped=1 (search the words as typed) and refuses other values", () => {
    assert.equal(parseSearchRequest({ q: "lærepaldser", asTyped: "1" }).asTyped, true);
    assert.throws(() => parseSearchRequest({ q: "lærepaldser", asTyped: "ja" }), /asTyped/);
  });

  it("refuses a bad kind, sort, year or page", () => {
    for (const params of [
      { kind: "x" },
      { sort: "name" },
      { year: "20x4" },
      { page: "0" },
      { page: "101" },
    ]) {
      assert.throws(
        () => parseSearchRequest({ q: "a", ...params }),
        SearchRequestError,
        JSON.stringify(params),
      );
    }
  });
});
