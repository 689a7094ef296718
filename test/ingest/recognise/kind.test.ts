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
