/**
 * @module Snippets: the store reads ts_headline's output into plain segments; the web escapes each
 * segment before marking, so text can neither inject markup nor forge a mark.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { snippetSegments } from "../../src/store/search-snippet.js";
import { markedHtml } from "../../src/web/components/text-html.js";

describe("snippetSegments", () => {
  it("reads the markers into marked segments and makes whitespace runs one space", () => {
    assert.deepEqual(snippetSegments('<img src=x onerror="a"> & \u0002biokul\u0003 i\n\nlandbruget'), [
      { text: '<img src=x onerror="a"> & ', marked: false },
      { text: "biokul", marked: true },
      { text: " i landbruget", marked: false },
    ]);
  });

  it("closes an unclosed marker and ignores a stray one", () => {
    assert.deepEqual(snippetSegments("a\u0003 \u0002y"), [
      { text: "a ", marked: false },
      { text: "y", marked: true },
    ]);
  });
});

describe("markedHtml", () => {
  it("escapes markup in the text and marks the marked segments", () => {
    assert.equal(
      markedHtml(snippetSegments('<img src=x onerror="a"> & \u0002biokul\u0003 i\n\nlandbruget')),
      "&lt;img src=x onerror=&quot;a&quot;&gt; &amp; <mark>biokul</mark> i landbruget",
    );
  });

  it("text that spells <mark> stays text", () => {
    assert.equal(
      markedHtml(snippetSegments("<mark>x</mark> \u0002y")),
      "&lt;mark&gt;x&lt;/mark&gt; <mark>y</mark>",
    );
  });
});
