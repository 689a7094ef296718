/** The fields' rich text: the Markdown subset parses into blocks, and plain text drops only the markup. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseInline, parseRichText, richTextPlain } from "../../src/domain/rich-text.js";

describe("parseRichText", () => {
  it("reads paragraphs, headings, both kinds of list and bold", () => {
    const blocks = parseRichText(
      "## Økonomi\n\nDet koster **1,5 mio. kr.**\nover tre år.\n\n- første\n- anden\n  fortsat\n\n3. tre\n4. fire",
    );
    assert.deepEqual(blocks, [
      { kind: "heading", spans: [{ text: "Økonomi", bold: false }] },
      {
        kind: "paragraph",
        spans: [
          { text: "Det koster ", bold: false },
          { text: "1,5 mio. kr.", bold: true },
          { text: " over tre år.", bold: false },
        ],
      },
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [[{ text: "første", bold: false }], [{ text: "anden fortsat", bold: false }]],
      },
      {
        kind: "list",
        ordered: true,
        start: 3,
        items: [[{ text: "tre", bold: false }], [{ text: "fire", bold: false }]],
      },
    ]);
  });

  it("reads a pipe table with and without a header", () => {
    const [withHeader] = parseRichText(
      "| Kommune | Beløb |\n|---|---:|\n| Aalborg | 1,2 |\n| Hjørring \\| Brønderslev | 0,4 |",
    );
    assert.ok(withHeader?.kind === "table");
    assert.deepEqual(withHeader.header, [
      [{ text: "Kommune", bold: false }],
      [{ text: "Beløb", bold: false }],
    ]);
    assert.equal(withHeader.rows.length, 2);
    assert.deepEqual(withHeader.rows[1]?.[0], [{ text: "Hjørring | Brønderslev", bold: false }]);
    const [bare] = parseRichText("| a | b |\n| c | d |");
    assert.ok(bare?.kind === "table");
    assert.equal(bare.header, null);
    assert.equal(bare.rows.length, 2);
  });

  it("treats anything else as text: HTML, links and an unmatched star stay as written", () => {
    const text = '<script>alert("x")</script> [link](http://x) 2 ** 3';
    assert.equal(richTextPlain(parseRichText(text)), text);
  });

  it("keeps an escaped star and ignores CR line ends", () => {
    assert.deepEqual(parseInline("\\*ikke fed\\*"), [{ text: "*ikke fed*", bold: false }]);
    assert.equal(parseRichText("a\r\nb\r\n\r\nc").length, 2);
  });

  it("gives no blocks for blank text", () => {
    assert.deepEqual(parseRichText("  \n\n "), []);
  });
});

describe("richTextPlain", () => {
  it("gives one line per paragraph, heading, list entry and table row", () => {
    const plain = richTextPlain(
      parseRichText("## Æ\n\n**Kort** sagt:\n\n1. et\n2. to\n\n- x\n\n| a | b |\n|--|--|\n| c | d |"),
    );
    assert.equal(plain, "Æ\nKort sagt:\n1. et\n2. to\n- x\na b\nc d");
  });
});
