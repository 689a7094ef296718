import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import { extractDocx } from "../../../src/ingest/extract/docx.js";
import { IngestError } from "../../../src/ingest/ingest-error.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { makeDocx } from "../../support/make-files.js";
import { makeDocxFromBody, PAGE_BREAK_PARAGRAPH, paragraph, renderedBreakParagraph } from "./make-docx.js";

describe("extractDocx", () => {
  it("reads the paragraphs of a generated .docx as lines on page 1", async () => {
    const bytes = makeDocx(["Dagsorden for KKR Nordjylland", "1. Godkendelse af dagsorden"]);
    const doc = await extractDocx({ file: "dagsorden.docx", bytes, sha256: "" });
    assert.equal(doc.format, "docx");
    assert.equal(doc.pages, 1);
    const texts = doc.lines.filter((line) => line.text !== "").map((line) => line.text);
    assert.deepEqual(texts, ["Dagsorden for KKR Nordjylland", "1. Godkendelse af dagsorden"]);
    assert.ok(doc.lines.every((line, index) => line.page === 1 && line.line === index + 1));
  });

  it("keeps paragraphs apart through cleaning, long or short", async () => {
    const long =
      "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning og drøfter den videre proces.";
    const bytes = makeDocx(["Indstilling", long, "Beslutning", "Taget til efterretning.", long]);
    const doc = await extractDocx({ file: "referat.docx", bytes, sha256: "" });
    const text = joinLines(doc.lines, await loadDanishWordChecker());
    assert.equal(text, ["Indstilling", long, "Beslutning", "Taget til efterretning.", long].join("\n\n"));
  });

  it("refuses a zip that is no Word document", async () => {
    await assert.rejects(
      extractDocx({ file: "x.docx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), sha256: "" }),
      (error: unknown) => error instanceof IngestError && error.message.startsWith("x.docx: "),
    );
  });
});

describe("extractDocx pages", () => {
  it("starts a page at an explicit page break and counts Word's rendered break after it once", async () => {
    const bytes = makeDocxFromBody(
      [
        paragraph("Side et."),
        PAGE_BREAK_PARAGRAPH,
        // Word records where its layout began the page after the explicit break: the same break again.
        renderedBreakParagraph("Side to."),
        paragraph("Stadig side to."),
        renderedBreakParagraph("Side tre, hvor Words layout brød siden."),
      ].join(""),
    );
    const doc = await extractDocx({ file: "sider.docx", bytes, sha256: "" });
    assert.equal(doc.pages, 3);
    const pageOf = (text: string) => doc.lines.find((line) => line.text === text)?.page;
    assert.equal(pageOf("Side et."), 1);
    assert.equal(pageOf("Side to."), 2);
    assert.equal(pageOf("Stadig side to."), 2);
    assert.equal(pageOf("Side tre, hvor Words layout brød siden."), 3);
    assert.ok(doc.lines.every((line, index) => line.line === index + 1));
    assert.ok(
      doc.lines.every((line) => !/[\uFDD0\uFDD1]/.test(line.text)),
      "no stand-in left in the text",
    );
  });

  it("splits a paragraph that runs over a page end into a line on each page", async () => {
    const bytes = makeDocxFromBody(
      '<w:p><w:r><w:t xml:space="preserve">Afsnittet begynder på side et og </w:t></w:r>' +
        "<w:r><w:lastRenderedPageBreak/><w:t>slutter på side to.</w:t></w:r></w:p>",
    );
    const doc = await extractDocx({ file: "afsnit.docx", bytes, sha256: "" });
    assert.deepEqual(
      doc.lines.map((line) => [line.page, line.text]),
      [
        [1, "Afsnittet begynder på side et og "],
        [2, "slutter på side to."],
      ],
    );
  });

  it("gives each item of a parsed DOCX its own page, with a text per page", async () => {
    const bytes = makeDocxFromBody(
      [
        paragraph("Referat KKR Nordjylland"),
        paragraph("1.1 Godkendelse af dagsorden"),
        paragraph("Beslutning"),
        paragraph("Godkendt."),
        PAGE_BREAK_PARAGRAPH,
        renderedBreakParagraph("1.2 Status fra KlimaNord"),
        paragraph("Beslutning"),
        paragraph("Taget til efterretning."),
      ].join(""),
    );
    const extracted = await extractDocx({ file: "referat.docx", bytes, sha256: "" });
    const doc = parseExtracted({ file: "referat.docx", sha256: "" }, extracted, {
      isWord: await loadDanishWordChecker(),
    });
    assert.equal(doc.source.pages, 2);
    assert.deepEqual(
      doc.items.map((item) => [item.number, item.source.page]),
      [
        ["1.1", 1],
        ["1.2", 2],
      ],
    );
    assert.deepEqual(
      doc.pageTexts?.map((page) => page.page),
      [1, 2],
    );
    assert.match(doc.pageTexts?.[1]?.text ?? "", /^1\.2 Status fra KlimaNord/);
    assert.ok(!doc.warnings.some((warning) => warning.code === "empty-page"));
  });
});
