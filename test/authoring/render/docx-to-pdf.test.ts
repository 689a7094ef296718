/** DOCX annexes to PDF through LibreOffice: the text survives, and each failure is one Danish line with its code. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertDocxToPdf } from "../../../src/authoring/render/docx-to-pdf.js";
import { isRenderError } from "../../../src/authoring/render/render-error.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { makeDocx } from "../../support/make-files.js";

const DOCX = makeDocx(["Notat om biokul", "Æbler og øl på Ærø er ikke en del af sagen."]);

function failsWith(code: string, text: RegExp) {
  return (error: unknown) => {
    assert.ok(isRenderError(error), String(error));
    assert.equal(error.code, code);
    assert.match(error.message, text);
    return true;
  };
}

describe("convertDocxToPdf", () => {
  it("converts a DOCX with Danish letters to a PDF the importer reads", async () => {
    const pdf = await convertDocxToPdf(DOCX, { name: "Notat.docx" });
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString("latin1"), "%PDF-");
    const parsed = await parseSource(
      { file: "notat.pdf", bytes: pdf, sha256: "0" },
      await loadIngestOptions(),
    );
    assert.match(parsed.text, /Æbler og øl på Ærø/);
  });

  it("refuses bytes that are no DOCX before starting LibreOffice", async () => {
    await assert.rejects(
      convertDocxToPdf(new TextEncoder().encode("ikke et dokument"), { name: "Skrald.docx" }),
      failsWith("docx-conversion-failed", /^Skrald\.docx er ikke et Word-dokument/),
    );
  });

  it("says so when LibreOffice is missing", async () => {
    await assert.rejects(
      convertDocxToPdf(DOCX, { name: "Notat.docx", soffice: "/nonexistent/soffice" }),
      failsWith("docx-converter-missing", /LibreOffice \(soffice\) er ikke installeret/),
    );
  });

  it("gives up after the time limit", async () => {
    await assert.rejects(
      convertDocxToPdf(DOCX, { name: "Notat.docx", timeoutMs: 1 }),
      failsWith("docx-conversion-timeout", /inden for tidsgrænsen/),
    );
  });
});
