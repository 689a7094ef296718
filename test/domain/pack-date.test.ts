/** A pack's meeting date: stated, from the file name, or estimated from the dates its annexes mention. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { estimatePackDate, meetingDateOf } from "../../src/domain/index.js";
import { seedPath } from "../support/seeds.js";

describe("estimatePackDate", () => {
  it("takes the latest date the text names as past, leaving out entry into force and deadlines", () => {
    // Seed 000, lines 5000 and 5464; seed 003, line 3483.
    const text = [
      "erhvervsfremme 2020 og frem” af 30. april 2019 og ”Det fremtidige nordjyske samarbejde om erhvervsfremme-",
      "Samarbejdsaftalen træder i kraft d. 1. januar 2020.",
      "Indstillingerne bedes sendt til dimensionering@ufm.dk senest den 1. maj 2020.",
    ].join("\n");
    assert.equal(estimatePackDate(text), "2019-04-30");
  });

  it("reads numeric dates and ignores a schedule's dates in brackets", () => {
    // Seed 002, lines 5265 and 8693.
    const text = "Den 18.11.2024 Indgik et flertal i\nkinsons sygdom (1. januar 2025), kronisk leddegigt";
    assert.equal(estimatePackDate(text), "2024-11-18");
  });

  it("has nothing to say of a text without dates", () => {
    assert.equal(estimatePackDate("Bilag 1: KL CO2-reduktion i kommunerne"), null);
  });

  it("puts the KKR Midtjylland pack of the seeds in 2020", () => {
    const text = readFileSync(seedPath("003"), "utf8");
    assert.match(estimatePackDate(text) ?? "", /^2020-/);
  });
});

describe("meetingDateOf", () => {
  const pack = { kind: "annex-pack" as const, text: "Den 4. december 2020 vedtog et bredt flertal" };
  it("prefers the stated date, then the file name's, and marks only the text's estimate", () => {
    assert.deepEqual(
      meetingDateOf({ ...pack, meetingDate: "2021-02-05", fileName: "bilag-2021-01-29.pdf" }),
      {
        date: "2021-02-05",
        estimated: false,
      },
    );
    assert.deepEqual(meetingDateOf({ ...pack, meetingDate: null, fileName: "bilag-2021-01-29.pdf" }), {
      date: "2021-01-29",
      estimated: false,
    });
    assert.deepEqual(meetingDateOf({ ...pack, meetingDate: null, fileName: "000_013dd9d656bbbee8.txt" }), {
      date: "2020-12-04",
      estimated: true,
    });
  });

  it("estimates for annex packs only: minutes without a date stay without a meeting", () => {
    assert.equal(
      meetingDateOf({ ...pack, kind: "minutes", meetingDate: null, fileName: "referat.txt" }),
      null,
    );
  });
});
