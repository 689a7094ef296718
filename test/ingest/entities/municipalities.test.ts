import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MUNICIPALITIES } from "../../../src/domain/index.js";
import { findMunicipality, findMunicipalityMentions } from "../../../src/ingest/entities/municipalities.js";
import { seedLine } from "../../support/seed-lines.js";

describe("MUNICIPALITIES", () => {
  it("holds the 98 municipalities once each, with their official spellings", () => {
    assert.equal(MUNICIPALITIES.length, 98);
    assert.equal(new Set(MUNICIPALITIES).size, 98);
    for (const name of [
      "Vesthimmerlands",
      "Lyngby-Taarbæk",
      "Høje-Taastrup",
      "Ærø",
      "Læsø",
      "Aabenraa",
      "Nordfyns",
    ]) {
      assert.ok((MUNICIPALITIES as readonly string[]).includes(name), name);
    }
  });
});

describe("findMunicipality", () => {
  it("accepts the name and the 'X Kommune' forms", () => {
    assert.equal(findMunicipality("Aalborg"), "Aalborg");
    assert.equal(findMunicipality("Aalborg Kommune"), "Aalborg");
    assert.equal(findMunicipality("læsø kommune"), "Læsø");
    assert.equal(findMunicipality("Københavns Kommune"), "København");
    assert.equal(findMunicipality("Bornholms Regionskommune"), "Bornholm");
    assert.equal(findMunicipality("Høje Taastrup Kommune"), "Høje-Taastrup");
    assert.equal(findMunicipality("Århus"), "Aarhus");
  });

  it("reads 'Vesthimmerlands Kommune' as written in seeds/004 line 67", () => {
    assert.match(seedLine("004", 67), /Vesthimmerlands Kommune/);
    assert.equal(findMunicipality("Vesthimmerlands Kommune"), "Vesthimmerlands");
    assert.equal(findMunicipality("Vesthimmerland"), "Vesthimmerlands");
  });

  it("returns null for what is no municipality", () => {
    assert.equal(findMunicipality("Region Nordjylland"), null);
    assert.equal(findMunicipality("KKR"), null);
    assert.equal(findMunicipality(""), null);
  });
});

describe("findMunicipalityMentions", () => {
  it("finds 'X Kommune' in an attendance line (seeds/004 line 55)", () => {
    const line = seedLine("004", 55);
    assert.deepEqual(
      findMunicipalityMentions(line).map((mention) => mention.municipality),
      ["Frederikshavn"],
    );
  });

  it("does not take a bare town name", () => {
    assert.deepEqual(findMunicipalityMentions("Mødet holdes i Thisted"), []);
  });
});
