/** The string renderer of annex text: escaped, paragraphs as TextBlock makes them, matches marked. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { termMatcher } from "../../../src/web/components/term-matcher.js";
import { escapeHtml, textToHtml } from "../../../src/web/components/text-html.js";

it("escapes everything that could open markup", () => {
  assert.equal(escapeHtml(`<img src=x onerror="y">&'`), "&lt;img src=x onerror=&quot;y&quot;&gt;&amp;&#39;");
});

it("renders paragraphs and line breaks, joining a sentence a page break split", () => {
  assert.equal(
    textToHtml("Første linje\nanden linje\n\nNyt afsnit.", null),
    "<p>Første linje<br>anden linje</p><p>Nyt afsnit.</p>",
  );
  assert.equal(
    textToHtml("fordelingen af lærepladser\n\nblandt kommunerne.", null),
    "<p>fordelingen af lærepladser blandt kommunerne.</p>",
  );
});

it("marks every match case-insensitively and escapes text around and inside marks", () => {
  assert.equal(
    textToHtml("Biokul <b> og biokul", termMatcher("biokul")),
    "<p><mark>Biokul</mark> &lt;b&gt; og <mark>biokul</mark></p>",
  );
  assert.equal(textToHtml("a<b", termMatcher("<")), "<p>a<mark>&lt;</mark>b</p>");
});
