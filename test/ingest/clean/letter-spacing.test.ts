import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closeLetterSpacing } from "../../../src/ingest/clean/letter-spacing.js";
import { seedLine } from "../../support/seed-lines.js";

describe("closeLetterSpacing", () => {
  it("closes up a letter-spaced heading", () => {
    assert.equal(closeLetterSpacing("K K R  N O R D J Y L L A N D"), "KKR NORDJYLLAND");
  });

  it("closes up the letter-spaced headings of seeds/001 lines 975-978", () => {
    const cases: [number, string, string][] = [
      [975, "- L I M F J O R D E N  I  B A L A N C E -", "- LIMFJORDEN I BALANCE -"],
      [
        977,
        "D E  1 8  K O M M U N E R  I  L I M F J O R D E N S  O P L A N D  S A M A R B E J D E R  O M ",
        "DE 18 KOMMUNER I LIMFJORDENS OPLAND SAMARBEJDER OM",
      ],
      [
        978,
        "B Æ R E D Y G T I G E  L Ø S N I N G E R  F O R  M I L J Ø ,  K L I M A  O G  N A T U R .",
        "BÆREDYGTIGE LØSNINGER FOR MILJØ, KLIMA OG NATUR.",
      ],
    ];
    for (const [line, text, expected] of cases) {
      assert.equal(seedLine("001", line), text);
      assert.equal(closeLetterSpacing(text), expected);
    }
  });

  it("keeps the page-start space of seeds/001 line 980", () => {
    const line = " -  L I M F J O R D E N  I  B A L A N C E  -";
    assert.equal(seedLine("001", 980), line);
    assert.equal(closeLetterSpacing(line), " - LIMFJORDEN I BALANCE -");
  });

  it("leaves a table row of single digits alone (seeds/002 line 9389)", () => {
    const line = "Morsø 2 2 3 4 5 150% ";
    assert.equal(seedLine("002", 9389), line);
    assert.equal(closeLetterSpacing(line), line);
  });

  it("leaves ordinary text alone, including short words", () => {
    for (const text of ["Det er i år 3 gange så meget", "a b c", seedLine("004", 179)]) {
      assert.equal(closeLetterSpacing(text), text);
    }
  });
});
