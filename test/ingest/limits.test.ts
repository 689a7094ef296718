/** @module The text and page limits: refused with one line naming the file, before cleaning and recognition. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PDFDocument } from "pdf-lib";
import { extract } from "../../src/ingest/extract/index.js";
import { IngestError } from "../../src/ingest/ingest-error.js";
import { checkTextLength, MAX_PDF_PAGES, MAX_TEXT_CHARS } from "../../src/ingest/limits.js";

describe("ingest limits", () => {
  it("refuses a text file longer than MAX_TEXT_CHARS characters, naming the file", async () => {
    const bytes = Buffer.alloc(MAX_TEXT_CHARS + 1, "Tekst.\n");
    await assert.rejects(extract({ file: "lang.txt", bytes, sha256: "" }), (error: unknown) => {
      assert.ok(error instanceof IngestError);
      assert.equal(error.message, "lang.txt: the text is longer than 100 million characters (101 million)");
      return true;
    });
  });

  it("lets a text at the limit through", () => {
    assert.doesNotThrow(() => checkTextLength("x.txt", MAX_TEXT_CHARS));
    assert.throws(() => checkTextLength("x.txt", MAX_TEXT_CHARS + 1), IngestError);
  });

  it("refuses a PDF of more than MAX_PDF_PAGES pages before reading its pages", async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i <= MAX_PDF_PAGES; i++) pdf.addPage([200, 200]);
    const bytes = await pdf.save();
    await assert.rejects(extract({ file: "tyk.pdf", bytes, sha256: "" }), (error: unknown) => {
      assert.ok(error instanceof IngestError);
      assert.equal(
        error.message,
        `tyk.pdf: the PDF has more than ${MAX_PDF_PAGES} pages (${MAX_PDF_PAGES + 1})`,
      );
      return true;
    });
  });
});
