import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { degrees, PDFDocument, StandardFonts } from "pdf-lib";
import { extractPdf, pdfJsDataPaths } from "../../../src/ingest/extract/pdf.js";
import { IngestError } from "../../../src/ingest/ingest-error.js";
import { makeEncryptedPdf, makeMeetingPdf } from "../../support/make-files.js";

describe("extractPdf", () => {
  it("reads lines with pages, font sizes and bold headings from a generated two-page PDF", async () => {
    const bytes = await makeMeetingPdf();
    const doc = await extractPdf({ file: "referat.pdf", bytes, sha256: "" });
    assert.equal(doc.format, "pdf");
    assert.equal(doc.pages, 2);
    const text = doc.lines.filter((line) => line.text !== "");
    assert.deepEqual(
      text.map((line) => [line.page, line.text, line.fontSize, line.bold]),
      [
        [1, "Referat KKR Nordjylland", 18, true],
        [1, "Mødet blev holdt i Aalborg, og budgettet er 1,52 mio. kr.", 11, false],
        [1, "Anden linje i samme afsnit om udviklingsgruppen.", 11, false],
        [1, "Beslutning", 11, true],
        [1, "Side 1 af 2", 9, false],
        [2, "Punkt 2 om lærepladser", 11, false],
        [2, "Side 2 af 2", 9, false],
      ],
    );
    // Line numbers run through the document from 1.
    assert.deepEqual(
      doc.lines.map((line) => line.line),
      doc.lines.map((_, index) => index + 1),
    );
    // A paragraph gap becomes a blank line; lines of one paragraph follow each other.
    const heading = doc.lines.findIndex((line) => line.text === "Referat KKR Nordjylland");
    assert.equal(doc.lines[heading + 1]?.text, "");
    assert.equal(doc.lines[heading + 3]?.text, "Anden linje i samme afsnit om udviklingsgruppen.");
  });

  it("reads margin text turned up the page as a line of its own after the page's text", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText("Det indstilles, at KKR tager orienteringen til efterretning.", {
      x: 56,
      y: 700,
      size: 11,
      font,
    });
    page.drawText("Dokumentnr. 2024-123", { x: 20, y: 300, size: 8, font, rotate: degrees(90) });
    page.drawText("Beslutning", { x: 56, y: 686, size: 11, font });
    const doc = await extractPdf({ file: "margin.pdf", bytes: await pdf.save(), sha256: "" });
    assert.deepEqual(
      doc.lines.filter((line) => line.text !== "").map((line) => line.text),
      ["Det indstilles, at KKR tager orienteringen til efterretning.", "Beslutning", "Dokumentnr. 2024-123"],
    );
  });

  it("points pdf.js at its data folders by path, which its Node loader can read", () => {
    const paths = pdfJsDataPaths();
    assert.ok(existsSync(join(paths.standardFontDataUrl, "LiberationSans-Regular.ttf")));
    assert.ok(existsSync(paths.cMapUrl));
    assert.ok(existsSync(paths.wasmUrl));
    for (const path of Object.values(paths)) assert.doesNotMatch(path, /^file:/);
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = await makeMeetingPdf();
    const copy = bytes.slice();
    await extractPdf({ file: "referat.pdf", bytes, sha256: "" });
    assert.deepEqual(bytes, copy);
  });

  it("refuses an encrypted PDF with one line naming the file", async () => {
    await assert.rejects(
      extractPdf({ file: "hemmelig.pdf", bytes: makeEncryptedPdf(), sha256: "" }),
      (error: unknown) =>
        error instanceof IngestError &&
        error.message === "hemmelig.pdf: the PDF is encrypted" &&
        !error.message.includes("\n"),
    );
  });

  it("refuses a broken PDF", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF");
    await assert.rejects(
      extractPdf({ file: "broken.pdf", bytes, sha256: "" }),
      (error: unknown) => error instanceof IngestError && error.file === "broken.pdf",
    );
  });

  it("refuses a truncated PDF", async () => {
    const bytes = (await makeMeetingPdf()).slice(0, 400);
    await assert.rejects(
      extractPdf({ file: "cut.pdf", bytes, sha256: "" }),
      (error: unknown) => error instanceof IngestError,
    );
  });
});
