/** @module Document kinds from their signals. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { letterWordOptions, toDocument } from "../../support/source-lines.js";

function kindOf(lines: readonly string[]): string {
  return parseExtracted({ file: "k.txt", sha256: "0" }, toDocument(lines), letterWordOptions).kind;
}

const ITEM = ["SAG-2024-00001 abc", "Baggrund", "Tekst.", "Indstilling", "Det indstilles, at ..."];

describe("kind", () => {
  test("items with written decisions are minutes", () => {
    assert.equal(
      kindOf(["1.1 Sag", ...ITEM, "Beslutning", "Godkendt.", "1.2 Sag", ...ITEM, "Beslutning", "Godkendt."]),
      "minutes",
    );
  });

  test("items without decisions are an agenda, also with empty decision headings", () => {
    assert.equal(kindOf(["Dagsorden", "1.1 Sag", ...ITEM, "1.2 Sag", ...ITEM]), "agenda");
    assert.equal(kindOf(["1.1 Sag", ...ITEM, "Beslutning", "1.2 Sag", ...ITEM, "Beslutning"]), "agenda");
  });

  test("a contents page of annexes, or item stamps, make an annex pack", () => {
    assert.equal(
      kindOf([
        "Indholdsfortegnelse - Bilag",
        "3.1 Sag .......2",
        "Bilag 1: Notat ......2",
        "",
        "",
        "",
        "3.1 Sag",
        "",
        "",
        "",
        "Notat.",
      ]),
      "annex-pack",
    );
    assert.equal(
      kindOf(["", "", "", "3.1 Sag om klima", "", "", "", "Notat om klima.", "Mere tekst."]),
      "annex-pack",
    );
  });

  test("anything else is a plain document, with a warning", () => {
    const doc = parseExtracted(
      { file: "k.txt", sha256: "0" },
      toDocument(["Et brev.", "Med venlig hilsen"]),
      letterWordOptions,
    );
    assert.equal(doc.kind, "document");
    assert.ok(doc.warnings.some((w) => w.code === "unknown-kind"));
  });
});

describe("odd input", () => {
  test("no lines at all: a plain document, no throw", () => {
    const doc = parseExtracted(
      { file: "e.txt", sha256: "0" },
      { format: "text", pages: 0, lines: [], notes: [] },
      letterWordOptions,
    );
    assert.equal(doc.kind, "document");
    assert.equal(doc.text, "");
  });

  test("extraction notes and pages without text become warnings", () => {
    const doc = parseExtracted(
      { file: "s.pdf", sha256: "0" },
      {
        format: "pdf",
        pages: 3,
        lines: [{ line: 1, page: 2, text: "Et brev." }],
        notes: ["converted from Windows-1252 (the file is not valid UTF-8)"],
      },
      letterWordOptions,
    );
    assert.deepEqual(
      doc.warnings.map((w) => w.code).filter((code) => code !== "unknown-kind" && code !== "unassigned-text"),
      ["encoding-converted", "empty-page"],
    );
    assert.match(doc.warnings.find((w) => w.code === "empty-page")?.message ?? "", /Pages 1, 3/);
  });
});
