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

  it("makes a contents page's dot leaders one ellipsis and keeps an ordinary one", () => {
    assert.deepEqual(
      snippetSegments(
        "Bilag..........................1 3.1 Tværkommunale samarbejder om \u0002klima\u0003\n. . . . . . . 2 Bilag 2: KL ___________ 27 Vent...",
      ),
      [
        { text: "Bilag … 1 3.1 Tværkommunale samarbejder om ", marked: false },
        { text: "klima", marked: true },
        { text: " … 2 Bilag 2: KL … 27 Vent...", marked: false },
      ],
    );
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
