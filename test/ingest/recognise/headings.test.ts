/** @module Line patterns: numbered headings, case lines, field headings, standing titles. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  isStandingTitle,
  parseCaseLine,
  parseFieldHeading,
  parseNumberedHeading,
} from "../../../src/ingest/recognise/headings.js";

describe("parseNumberedHeading", () => {
  test("items and sections as the seeds write them", () => {
    assert.deepEqual(parseNumberedHeading("2.3. Aftale om Grønt Danmark"), {
      major: 2,
      minor: 3,
      number: "2.3",
      title: "Aftale om Grønt Danmark",
    });
    assert.equal(parseNumberedHeading("5. Eventuelt")?.number, "5");
    assert.equal(
      parseNumberedHeading("2.11 Regnskab og budget – fælleskommunale sekretariater")?.number,
      "2.11",
    );
    assert.equal(parseNumberedHeading("Punkt 4: Siden sidst")?.number, "4");
  });

  test("numbers that open no heading", () => {
    // A page footer of an embedded publication (seeds/003 line 347) has no dot after its number.
    assert.equal(parseNumberedHeading("8 Tema 1 / Nye virkemidler til udbygning af vedvarende energi"), null);
    assert.equal(parseNumberedHeading("1.200 virksomheder om året samlet set."), null);
    assert.equal(parseNumberedHeading("10.00-12.00 – KKR-møde"), null);
    assert.equal(parseNumberedHeading("2.5 mio. kr. er afsat"), null);
    assert.equal(parseNumberedHeading(`1. ${"x".repeat(500)}`), null);
  });
});

describe("parseCaseLine", () => {
  test("KL case numbers with initials (seeds/004 lines 88 and 1868)", () => {
    assert.deepEqual(parseCaseLine("SAG-2024-03326 hlth"), {
      caseNumber: "SAG-2024-03326",
      initials: ["hlth"],
    });
    assert.deepEqual(parseCaseLine("SAG-2024-03326 hlth/hast"), {
      caseNumber: "SAG-2024-03326",
      initials: ["hlth", "hast"],
    });
  });

  test("labelled municipal case numbers; running text is none", () => {
    assert.equal(parseCaseLine("Sagsnr.: 00.01.00-A00-1-24")?.caseNumber, "00.01.00-A00-1-24");
    assert.equal(parseCaseLine("J.nr. 24/1234")?.caseNumber, "24/1234");
    assert.equal(parseCaseLine("Sagen er behandlet i KKR."), null);
  });
});

describe("parseFieldHeading", () => {
  test("the headed fields and their variants", () => {
    assert.equal(parseFieldHeading("Baggrund"), "baggrund");
    assert.equal(parseFieldHeading("Beslutning:"), "beslutning");
    assert.equal(parseFieldHeading("Resumé"), "resume");
    assert.equal(parseFieldHeading("Sagsforløb"), "sagsforloeb");
    assert.equal(parseFieldHeading("Beslutning i KKR Nordjylland den 20-09-2024"), "beslutning");
  });

  test("a sentence that starts with a field word is no heading", () => {
    assert.equal(parseFieldHeading("Beslutning om at godkende budgettet blev taget."), null);
    assert.equal(parseFieldHeading("Baggrunden for sagen er"), null);
  });
});

describe("isStandingTitle", () => {
  test("standing items of a KKR agenda", () => {
    for (const title of ["Eventuelt", "Siden sidst", "Punkter til næste møde", "Godkendelse af dagsorden"]) {
      assert.ok(isStandingTitle(title), title);
    }
    assert.ok(!isStandingTitle("Flere iværksættere i hele landet."));
  });
});
