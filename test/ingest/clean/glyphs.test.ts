import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanGlyphs } from "../../../src/ingest/clean/glyphs.js";
import { seedLine } from "../../support/seed-lines.js";

describe("cleanGlyphs", () => {
  it("turns a private-use Symbol bullet into • (seeds/000 line 4687)", () => {
    const line = "\uF0B7 Specialiseret vejledning";
    assert.equal(seedLine("000", 4687), line);
    assert.equal(cleanGlyphs(line), "• Specialiseret vejledning");
  });

  it("removes U+FFFD after a bullet (seeds/003 line 2672)", () => {
    const line = "• \uFFFDBruger- og pårørendeorganisationer ";
    assert.equal(seedLine("003", 2672), line);
    assert.equal(cleanGlyphs(line), "• Bruger- og pårørendeorganisationer");
  });

  it("turns tabs into spaces and drops trailing spaces (seeds/003 line 405)", () => {
    const line = "\t Det kræver, at der sker en ny national politisk afvejning af be- ";
    assert.equal(seedLine("003", 405), line);
    assert.equal(cleanGlyphs(line), "  Det kræver, at der sker en ny national politisk afvejning af be-");
  });

  it("turns no-break spaces into spaces and removes soft hyphens", () => {
    assert.equal(cleanGlyphs("37,688\u00A0mio.\u00A0kr."), "37,688 mio. kr.");
    assert.equal(cleanGlyphs("ud\u00ADvik\u00ADling"), "udvikling");
  });

  it("turns a soft hyphen at the line end into a hyphen and Unicode hyphens into '-'", () => {
    assert.equal(cleanGlyphs("er politisk ud\u00AD"), "er politisk ud-");
    assert.equal(cleanGlyphs("er politisk ud\u00AD "), "er politisk ud-");
    assert.equal(cleanGlyphs("CO2\u2011udledning og Anna\u2010Marie"), "CO2-udledning og Anna-Marie");
  });

  it("leaves ordinary Danish text alone", () => {
    const line = seedLine("004", 179);
    assert.equal(cleanGlyphs(line), line);
  });
});
