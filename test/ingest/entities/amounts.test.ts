import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amountsInLine, findAmounts, parseDanishNumber } from "../../../src/ingest/entities/amounts.js";
import type { SourceLine } from "../../../src/ingest/types.js";
import { gold, seedLine, seedLines, seedRange } from "../../support/seed-lines.js";

function values(text: string): [string, number][] {
  return amountsInLine(text, 1).map((amount) => [amount.text, amount.valueDKK]);
}

describe("amountsInLine", () => {
  it("reads '1,52 mio. kr.' as 1,520,000 (seeds/004 line 399)", () => {
    const line = "Det samlede budget er 1,52 mio. kr., hvoraf omtrent 47 pct. søges hos Den ";
    assert.equal(seedLine("004", 399), line);
    assert.deepEqual(values(line), [["1,52 mio. kr.", 1_520_000]]);
  });

  it("reads 'kr. 436.188' with the currency first (seeds/004 line 1148)", () => {
    assert.match(seedLine("004", 1148), /svarende til kr\. 436\.188\./);
    assert.deepEqual(values(seedLine("004", 1148)), [["kr. 436.188", 436_188]]);
  });

  it("reads two amounts on one line: '7,5 mia. kr., hvoraf 1 mia. kr.' (seeds/004 line 1591)", () => {
    assert.deepEqual(values(seedLine("004", 1591)), [
      ["7,5 mia. kr.", 7_500_000_000],
      ["1 mia. kr.", 1_000_000_000],
    ]);
  });

  it("reads 'mio.kr.' without a space and 'kroner' (seeds/003 line 1726)", () => {
    assert.deepEqual(values(seedLine("003", 1726)), [
      ["15 mio.kr.", 15_000_000],
      ["30 mio. kroner", 30_000_000],
    ]);
  });

  it("reads 'milliarder kroner', 'mia. dkk', 't.kr.' and 'tkr.'", () => {
    assert.deepEqual(values(seedLine("003", 1812)), [["4.350 milliarder kroner", 4_350_000_000_000]]);
    assert.deepEqual(values(seedLine("003", 1537)), [["93 mia. dkk", 93_000_000_000]]);
    assert.deepEqual(values("Udgiften er 250 t.kr. i 2025 og 300 tkr. i 2026"), [
      ["250 t.kr.", 250_000],
      ["300 tkr.", 300_000],
    ]);
    assert.deepEqual(values("Tilskud på DKK 2,5 mio. i alt"), [["DKK 2,5 mio.", 2_500_000]]);
    assert.deepEqual(values("Honorar 50.000,- kr. pr. år"), [["50.000,- kr.", 50_000]]);
  });

  it("leaves out per-unit rates and a year before 'kr. 84.900' (seeds/004 lines 898, 1261)", () => {
    assert.deepEqual(values(seedLine("004", 898)), []);
    assert.deepEqual(values(seedLine("004", 1261)), [["kr. 84.900", 84_900]]);
  });

  it("leaves out numbers without a currency word", () => {
    assert.deepEqual(values(seedLine("003", 245)), []);
    assert.deepEqual(values("knap 100 mia. årligt"), []);
  });
});

describe("findAmounts", () => {
  it("multiplies the rows of a table headed 'Kommune 1.000 kr.' by 1000 (seeds/003 lines 2578-2598)", () => {
    assert.equal(seedLine("003", 2578), "Kommune 1.000 kr.");
    const amounts = findAmounts(seedRange("003", 2578, 2599));
    assert.equal(amounts.length, 20);
    assert.deepEqual(amounts[0], { text: "2.579", valueDKK: 2_579_000, source: { line: 2579 } });
    assert.deepEqual(amounts.at(-1), { text: "37.688", valueDKK: 37_688_000, source: { line: 2598 } });
  });

  it("does not scale a plain 'i kr.' budget table (seeds/004 line 1291)", () => {
    const amounts = findAmounts(seedRange("004", 1289, 1297));
    assert.deepEqual(amounts, []);
  });

  it("stops a table at the first line that is no row", () => {
    const lines: SourceLine[] = [
      "Beløb i 1.000 kr.",
      "Aalborg 1.200",
      "Hjørring 300",
      "Det er i alt 1.500.",
    ].map((text, index) => ({ line: index + 1, page: 1, text }));
    assert.deepEqual(
      findAmounts(lines).map((amount) => amount.valueDKK),
      [1_200_000, 300_000],
    );
  });

  it("reads a sentence that ends in '1.000 kr.' as an amount, not a table header", () => {
    const lines: SourceLine[] = [
      "Deltagelse i konferencen koster 1.000 kr.",
      "",
      "Tilmelding sker på kl.dk",
    ].map((text, index) => ({ line: index + 1, page: 1, text }));
    assert.deepEqual(findAmounts(lines), [{ text: "1.000 kr.", valueDKK: 1000, source: { line: 1 } }]);
  });

  for (const seed of ["003", "004"]) {
    it(`finds at least 98% of the gold/${seed} amounts with their values`, (t) => {
      const expected = gold<{ amounts: { line: number; text: string; valueDKK: number }[] }>(seed).amounts;
      const found = findAmounts(seedLines(seed));
      const hit = (want: { line: number; text: string; valueDKK: number }) =>
        found.some(
          (got) => got.source.line === want.line && got.valueDKK === want.valueDKK && got.text === want.text,
        );
      const right = expected.filter(hit).length;
      t.diagnostic(`gold/${seed} amounts: ${right}/${expected.length} found; ${found.length} amounts in all`);
      assert.ok(right / expected.length >= 0.98, `${right}/${expected.length}`);
    });
  }
});

describe("parseDanishNumber", () => {
  it("reads dots as thousands and the comma as decimal point", () => {
    assert.equal(parseDanishNumber("37.323.308"), 37_323_308);
    assert.equal(parseDanishNumber("37,688"), 37.688);
    assert.equal(parseDanishNumber("1.234,5"), 1234.5);
  });
});

describe("findAmounts on a long line", () => {
  it("takes more amounts from one line than a function call takes arguments (150,000)", () => {
    const text = Array.from({ length: 75_000 }, (_, i) => `kr. ${i + 1}.000 og ${i + 2} mio. kr.`).join(" ");
    const amounts = findAmounts([{ line: 1, page: 1, text }]);
    assert.equal(amounts.length, 150_000);
    assert.deepEqual(amounts[1], { text: "2 mio. kr.", valueDKK: 2_000_000, source: { line: 1 } });
  });
});
