import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findRunningLines } from "../../../src/ingest/clean/running-lines.js";
import type { SourceLine } from "../../../src/ingest/types.js";
import { gold, seedLine, seedLines } from "../../support/seed-lines.js";

/** Builds pages of lines: each page is a list of texts. */
function pages(...texts: string[][]): SourceLine[] {
  const lines: SourceLine[] = [];
  texts.forEach((page, index) => {
    for (const text of page) lines.push({ line: lines.length + 1, page: index + 1, text });
  });
  return lines;
}

describe("findRunningLines", () => {
  it("finds exactly the header and footer lines of gold/004 pageHeaderFooterLines", () => {
    assert.equal(seedLine("004", 682), "KKR Nordjylland  | 20-09-2024 ");
    assert.equal(seedLine("004", 684), " SIDE  |  11 ");
    const expected = gold<{ pageHeaderFooterLines: number[] }>("004").pageHeaderFooterLines;
    const found = [...findRunningLines(seedLines("004"))].sort((a, b) => a - b);
    assert.deepEqual(found, expected);
  });

  it("finds 'Side 27 af 72' wherever it stands (seeds/002 line 9628)", () => {
    assert.equal(seedLine("002", 9628), "Side 27 af 72 ");
    assert.ok(findRunningLines(seedLines("002")).has(9628));
  });

  it("does not take a page range in a contents box for a footer (seeds/003 line 2805)", () => {
    assert.equal(seedLine("003", 2805), "SIDE 6 - 9");
    assert.equal(findRunningLines(seedLines("003")).has(2805), false);
  });

  it("does not take item field headings that recur at page starts (seeds/004 'Beslutning')", () => {
    const running = findRunningLines(seedLines("004"));
    for (const line of seedLines("004")) {
      if (/^\s*(Beslutning|Baggrund|Indstilling|Sagsfremstilling)\s*$/.test(line.text)) {
        assert.equal(running.has(line.line), false, `line ${line.line}`);
      }
    }
  });

  it("finds bare page numbers and a repeated title at the edges of PDF pages (another layout)", () => {
    const title = "Referat af mødet i KKR Syddanmark";
    const words = [
      "klima",
      "økonomi",
      "beskæftigelse",
      "trafik",
      "sundhed",
      "uddannelse",
      "erhverv",
      "natur",
    ];
    // Every page's text differs, as on real pages; only the title and the page numbers repeat.
    const body = (n: number) =>
      Array.from(
        { length: 11 },
        (_, i) => `${words[(n * 3 + i) % 8]} ${words[(n + i * 5) % 8]} ${i * n} ${"x".repeat(i + n)}`,
      );
    const lines = pages([title, ...body(1), "1"], [title, ...body(2), "2"], [title, ...body(3), "- 3 -"]);
    const running = findRunningLines(lines);
    assert.deepEqual(
      [...running].sort((a, b) => a - b),
      [1, 13, 14, 26, 27, 39],
    );
  });

  it("does not take a field heading that opens pages right after the page number before (a rendered agenda)", () => {
    // Typst's agenda (authoring/render) breaks pages anywhere: "Baggrund" opens pages 2 and 4, the line
    // after the previous page's "Side n af m"; beside a page number means on the same page.
    const words = ["klima", "økonomi", "trafik", "sundhed", "uddannelse", "natur"];
    const page = (n: number, first: string) => [
      first,
      ...words.map((word, i) => `${word} ${words[(n + i) % 6]} ${"x".repeat(n + i)}`),
      `Side ${n} af 4`,
    ];
    const lines = pages(
      page(1, "1.1 Budget"),
      page(2, "Baggrund"),
      page(3, "1.2 Trafik"),
      page(4, "Baggrund"),
    );
    assert.deepEqual(
      [...findRunningLines(lines)].sort((a, b) => a - b),
      [8, 16, 24, 32],
    );
  });

  it("finds the KL template header of another KKR where no page number stands beside it", () => {
    const header = "KKR Syddanmark  | 14-03-2025 ";
    const lines = pages(
      ["Dagsorden", "1. Godkendelse af dagsorden", "tekst om punktet", "mere tekst", header],
      ["2. Orientering", "tekst om orienteringen", header, "Beslutning", "Taget til efterretning"],
    );
    assert.deepEqual(
      [...findRunningLines(lines)].sort((a, b) => a - b),
      [5, 8],
    );
  });

  it("keeps a goal number just below a page's first line (seeds/000 lines 1456-1457)", () => {
    assert.equal(seedLine("000", 1456), " Mål");
    assert.equal(seedLine("000", 1457), "1");
    assert.equal(findRunningLines(seedLines("000")).has(1457), false);
  });

  it("keeps a number inside a page and a year at a page edge", () => {
    const lines = pages(["Budget", "12", "i alt", "tekst"], ["2025", "Næste side", "tekst", "tekst"]);
    const running = findRunningLines(lines);
    assert.equal(running.has(5), false);
  });
});
