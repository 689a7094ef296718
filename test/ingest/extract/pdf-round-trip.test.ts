import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractPdf } from "../../../src/ingest/extract/pdf.js";
import { seedLines } from "../../support/seed-lines.js";

describe("extractPdf on a PDF typeset from seed text", () => {
  it("reads back the lines of seeds/004 that were drawn, page by page and in order", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    // Text lines of the first 600 lines, as the standard font can encode them, 40 to a page.
    const drawn = seedLines("004")
      .slice(0, 600)
      .map((line) => line.text.trim().replace(/\s+/g, " "))
      .filter(
        (text) =>
          text !== "" && [...text].every((char) => font.getCharacterSet().includes(char.codePointAt(0)!)),
      );
    const perPage = 40;
    for (let start = 0; start < drawn.length; start += perPage) {
      const page = pdf.addPage([595, 842]);
      drawn.slice(start, start + perPage).forEach((text, index) => {
        const heading = /^\d+\.\d+\. /.test(text);
        page.drawText(text, {
          x: 56,
          y: 790 - index * 18,
          size: heading ? 12 : 10,
          font: heading ? bold : font,
        });
      });
    }
    const doc = await extractPdf({ file: "004.pdf", bytes: await pdf.save(), sha256: "" });
    assert.equal(doc.pages, Math.ceil(drawn.length / perPage));
    const read = doc.lines.filter((line) => line.text !== "");
    assert.deepEqual(
      read.map((line) => line.text),
      drawn,
    );
    assert.deepEqual(
      read.map((line) => line.page),
      drawn.map((_, index) => Math.floor(index / perPage) + 1),
    );
    const headings = read.filter((line) => line.bold).map((line) => line.text);
    assert.ok(headings.includes("2.1. Status fra KlimaNord"), headings.join(" | "));
  });
});
