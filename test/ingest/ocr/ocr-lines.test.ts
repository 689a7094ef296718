/**
 * Tesseract's TSV read into lines with confidences, and OCR lines put into an extracted document with
 * their provenance. The TSV rows are Tesseract 5.3's own output for page 1 of the scanned Ballerup annex
 * in ../shared/real-pdf (200 dpi, --psm 1), cut to its first rows.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pageConfidence, parseTesseractTsv, withOcrText } from "../../../src/ingest/ocr/index.js";
import type { ExtractedDocument } from "../../../src/ingest/types.js";

const BALLERUP_PAGE_1 = [
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
  "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2338\t-1\t",
  "2\t1\t1\t0\t0\t0\t192\t1817\t31\t327\t-1\t",
  "5\t1\t1\t1\t1\t1\t192\t1817\t31\t327\t96.249321\tBALLERUP",
  "5\t1\t2\t1\t1\t1\t213\t1408\t37\t334\t92.050125\tEjendomsoversigt",
  "5\t1\t3\t1\t1\t1\t289\t1611\t26\t132\t92.090759\tGrupperet",
  "5\t1\t3\t1\t1\t2\t289\t1542\t20\t60\t96.380028\tefter",
  "5\t1\t3\t1\t1\t3\t289\t1447\t26\t86\t96.380028\tudvalg",
  "4\t1\t3\t1\t1\t0\t289\t1447\t26\t296\t-1\t",
  "5\t1\t4\t1\t1\t1\t205\t127\t20\t137\t96.711243\t13-11-2012",
  "5\t1\t6\t1\t1\t1\t349\t342\t11\t1931\t95.000000\t ",
].join("\n");

describe("parseTesseractTsv", () => {
  it("joins a line's words and averages their confidence, leaving out layout rows and empty words", () => {
    const lines = parseTesseractTsv(BALLERUP_PAGE_1);
    assert.deepEqual(
      lines.map((line) => line.text),
      ["BALLERUP", "Ejendomsoversigt", "Grupperet efter udvalg", "13-11-2012"],
    );
    const grouped = lines[2];
    assert.equal(grouped?.confidence, Math.round(((92.090759 + 96.380028 * 2) / 3) * 10) / 10);
    // Weighted by words: the three-word line counts three times.
    const weighted = (96.2 + 92.1 + (grouped?.confidence ?? 0) * 3 + 96.7) / 6;
    assert.equal(pageConfidence(lines), Math.round(weighted * 10) / 10);
  });

  it("gives no lines for a page Tesseract found nothing on", () => {
    assert.deepEqual(parseTesseractTsv(BALLERUP_PAGE_1.split("\n").slice(0, 3).join("\n")), []);
  });
});

describe("withOcrText", () => {
  const extracted: ExtractedDocument = {
    format: "pdf",
    pages: 3,
    lines: [
      { line: 1, page: 1, text: "Bilag 2: Ejendomsoversigt" },
      { line: 2, page: 2, text: "" },
      { line: 3, page: 3, text: "Side 3 af 3" },
    ],
    notes: [],
  };

  it("fills the page without text with OCR lines, numbers lines anew and records the page's provenance", () => {
    const read = withOcrText(extracted, [
      { page: 2, lines: parseTesseractTsv(BALLERUP_PAGE_1), engine: "tesseract 5.3.0", language: "dan" },
    ]);
    assert.deepEqual(
      read.lines.map((line) => [line.line, line.page, line.text]),
      [
        [1, 1, "Bilag 2: Ejendomsoversigt"],
        [2, 2, "BALLERUP"],
        [3, 2, ""],
        [4, 2, "Ejendomsoversigt"],
        [5, 2, ""],
        [6, 2, "Grupperet efter udvalg"],
        [7, 2, ""],
        [8, 2, "13-11-2012"],
        [9, 3, "Side 3 af 3"],
      ],
    );
    assert.equal(read.lines[1]?.ocrConfidence, 96.2);
    assert.equal(read.lines[0]?.ocrConfidence, undefined);
    assert.deepEqual(read.ocr, [
      {
        page: 2,
        lineStart: 2,
        lineEnd: 8,
        engine: "tesseract 5.3.0",
        language: "dan",
        confidence: pageConfidence(parseTesseractTsv(BALLERUP_PAGE_1)),
      },
    ]);
  });

  it("keeps a page's own text rather than OCR's", () => {
    const read = withOcrText(extracted, [
      { page: 1, lines: parseTesseractTsv(BALLERUP_PAGE_1), engine: "tesseract 5.3.0", language: "dan" },
    ]);
    assert.deepEqual(read.lines, extracted.lines);
    assert.deepEqual(read.ocr, []);
  });
});
