/**
 * Without Tesseract on the machine a scanned PDF is still read: its pages stay without text and one
 * warning says why and what to install. The command runs with a PATH that holds pdftoppm but no
 * tesseract, as on a server where only poppler-utils is installed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { runCli } from "../../support/cli.js";
import { realPdfPath } from "../../support/seeds.js";

describe("OCR without Tesseract", () => {
  const bin = mkdtempSync(join(tmpdir(), "raadsinfo-no-tesseract-"));
  after(() => rmSync(bin, { recursive: true, force: true }));

  it("parses a scanned PDF with one warning naming the pages left without text", () => {
    symlinkSync("/usr/bin/pdftoppm", join(bin, "pdftoppm"));
    const { code, stdout, stderr } = runCli(
      ["parse", realPdfPath("ballerup-2012-11-15-bilag-scannet.pdf"), "--json"],
      { env: { PATH: bin } },
    );
    assert.equal(code, 0, stderr);
    assert.equal(stderr, "");
    const doc = JSON.parse(stdout) as ParsedDocument;
    assert.equal(doc.source.pages, 8);
    assert.equal(doc.text.trim(), "");
    assert.equal(doc.ocr, undefined);
    const missing = doc.warnings.filter((warning) => /Tesseract/.test(warning.message));
    assert.deepEqual(
      missing.map((warning) => warning.message),
      [
        "pages 1-8 have no text layer and Tesseract is not installed, so they stay without text (install tesseract-ocr and tesseract-ocr-dan)",
      ],
    );
  });
});
