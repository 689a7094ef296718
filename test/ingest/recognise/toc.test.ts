/** @module Contents pages: dotted leaders, page numbers, wrapped titles, levels, the page's own entry. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { recogniseToc, splitLeader } from "../../../src/ingest/recognise/toc.js";
import { toLines } from "../../support/source-lines.js";

describe("splitLeader", () => {
  test("title and page around a dotted leader", () => {
    assert.deepEqual(splitLeader("3.1 Tværkommunale samarbejder om klima ..........2"), {
      title: "3.1 Tværkommunale samarbejder om klima",
      page: 2,
    });
    assert.deepEqual(splitLeader("Bilag 2: KL Klimatilpasning ......"), {
      title: "Bilag 2: KL Klimatilpasning",
      page: null,
    });
    assert.equal(splitLeader("Der står tre prikker... i teksten"), null);
  });

  test("a very long run of dots is handled in linear time", () => {
    const started = Date.now();
    splitLeader(`${".".repeat(500)}x`);
    assert.ok(Date.now() - started < 100);
  });
});

describe("recogniseToc", () => {
  test("item and annex entries, a wrapped title joined, the contents page's own entry left out (seeds/003 lines 2-13)", () => {
    const view = buildLineView(
      toLines([
        "",
        "Indholdsfortegnelse - Bilag",
        "",
        "Indholdsfortegnelse - Bilag.......................1",
        "3.1 Tværkommunale samarbejder om klima ...........2",
        "",
        "Bilag 1: KL CO2-reduktion i kommunerne.............2",
        "Bilag 2: KL Klimatilpasning ........................27",
        "",
        "3.2 Resultatkontrakt 2020 mellem KKR Midtjylland og Erhvervshus ",
        "Midtjylland .......................................44",
        "",
        "Bilag 1: Resultatkontrakt KKR Midtjylland og Erhvervshus Midt 2020. UDKAST .....44",
        "",
        "",
        "",
        "3.1 Tværkommunale samarbejder om klima",
      ]),
    );
    const toc = recogniseToc(view);
    assert.equal(toc.listsAnnexes, true);
    assert.deepEqual(toc.claimed, [2, 13]);
    assert.deepEqual(
      toc.entries.map((e) => [e.level, e.itemNumber, e.annexNumber, e.page, e.title]),
      [
        ["item", "3.1", null, 2, "Tværkommunale samarbejder om klima"],
        ["annex", "3.1", 1, 2, "KL CO2-reduktion i kommunerne"],
        ["annex", "3.1", 2, 27, "KL Klimatilpasning"],
        ["item", "3.2", null, 44, "Resultatkontrakt 2020 mellem KKR Midtjylland og Erhvervshus Midtjylland"],
        ["annex", "3.2", 1, 44, "Resultatkontrakt KKR Midtjylland og Erhvervshus Midt 2020. UDKAST"],
      ],
    );
  });

  test("an agenda's contents page lists items only", () => {
    const view = buildLineView(
      toLines([
        "Indholdsfortegnelse",
        "1.1 Godkendelse af dagsorden ........ 3",
        "1.2 Godkendelse af referat ........ 4",
      ]),
    );
    const toc = recogniseToc(view);
    assert.equal(toc.listsAnnexes, false);
    assert.deepEqual(
      toc.entries.map((e) => e.itemNumber),
      ["1.1", "1.2"],
    );
  });

  test("no contents page, no entries", () => {
    assert.deepEqual(recogniseToc(buildLineView(toLines(["Tekst", "INDHOLD........3"]))).entries, []);
  });
});

describe("contents lines without leader dots", () => {
  test("entries end at their page number; the stamp after the contents page is no entry", () => {
    const view = buildLineView(
      toLines([
        "Indholdsfortegnelse",
        "3.1 Resultatkontrakt 2020 2",
        "Bilag 1: Notat om klima 2",
        "Bilag 2: Rapport 7",
        "",
        "",
        "3.1 Resultatkontrakt 2020",
      ]),
    );
    assert.deepEqual(
      recogniseToc(view).entries.map((e) => [e.itemNumber, e.annexNumber, e.title, e.page]),
      [
        ["3.1", null, "Resultatkontrakt 2020", 2],
        ["3.1", 1, "Notat om klima", 2],
        ["3.1", 2, "Rapport", 7],
      ],
    );
  });
});
