/** @module parseExtracted as a whole: page texts, the full text across page breaks, what no structure claims. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseExtracted } from "../../src/ingest/parse.js";
import { letterWordOptions, toDocument } from "../support/source-lines.js";

function parse(lines: readonly string[]) {
  return parseExtracted({ file: "p.txt", sha256: "0" }, toDocument(lines), letterWordOptions);
}

describe("parseExtracted", () => {
  test("page texts with their line ranges, and a full text that joins a word hyphenated over a page break", () => {
    const doc = parse(["Kommunerne har en ud-", " viklingsgruppe for klima.", "Næste side."]);
    assert.deepEqual(
      doc.pageTexts?.map((p) => [p.page, p.lineStart, p.lineEnd]),
      [
        [1, 1, 1],
        [2, 2, 3],
      ],
    );
    assert.match(doc.text, /udviklingsgruppe for klima\./);
  });

  test("a sentence that ends with its page starts a paragraph on the next", () => {
    const doc = parse(["Slut på siden.", " Ny side."]);
    assert.equal(doc.text, "Slut på siden.\n\nNy side.");
  });

  test("source info comes from the caller and the extraction", () => {
    const doc = parse(["Tekst."]);
    assert.deepEqual(doc.source, { file: "p.txt", sha256: "0", format: "text", pages: 1 });
  });

  test("text before the first item is reported with its lines but kept in the text", () => {
    const doc = parse([
      "Mission",
      "KL bidrager til demokrati.",
      "1.1 Sag",
      "SAG-2024-00001 abc",
      "Beslutning",
      "Godkendt.",
    ]);
    const unassigned = doc.warnings.filter((w) => w.code === "unassigned-text");
    assert.deepEqual(
      unassigned.map((w) => w.source),
      [{ lineStart: 1, lineEnd: 2 }],
    );
    assert.match(doc.text, /KL bidrager til demokrati/);
  });

  test("running headers are cut from the text and named in a warning", () => {
    const doc = parse([
      "Tekst på side et.",
      "KKR Nordjylland  | 20-09-2024",
      " SIDE  |  11",
      "Tekst på side to.",
      "KKR Nordjylland  | 20-09-2024",
      " SIDE  |  12",
      "Tekst på side tre.",
      "KKR Nordjylland  | 20-09-2024",
      " SIDE  |  13",
      "Slut.",
    ]);
    assert.doesNotMatch(doc.text, /SIDE/);
    const running = doc.warnings.filter((w) => w.code === "running-text-removed").map((w) => w.message);
    assert.ok(running.some((m) => m.includes("SIDE | 11")));
  });
});
