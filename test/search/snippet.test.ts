/** @module Snippet HTML: escaped first, then marked, so text can neither inject markup nor forge a mark. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { snippetHtml } from "../../src/search/index.js";

describe("snippetHtml", () => {
  it("escapes markup in the text and turns markers into <mark>", () => {
    assert.equal(
      snippetHtml('<img src=x onerror="a"> & \u0002biokul\u0003 i\n\nlandbruget'),
      "&lt;img src=x onerror=&quot;a&quot;&gt; &amp; <mark>biokul</mark> i landbruget",
    );
  });

  it("text that spells <mark> stays text; an unclosed marker is closed", () => {
    assert.equal(snippetHtml("<mark>x</mark> \u0002y"), "&lt;mark&gt;x&lt;/mark&gt; <mark>y</mark>");
  });
});
