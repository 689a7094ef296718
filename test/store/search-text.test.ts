import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collectWords, municipalitiesIn } from "../../src/store/search-text.js";

describe("municipalitiesIn", () => {
  it("finds each municipality a text names once, sorted, genitive included", () => {
    assert.deepEqual(
      municipalitiesIn("Aalborg Kommune og Københavns Kommune. Igen Aalborg.", "Ringkøbing-Skjern"),
      ["Aalborg", "København", "Ringkøbing-Skjern"],
    );
  });

  it("does not take a name inside a longer word, or a lower-case word", () => {
    assert.deepEqual(municipalitiesIn("Aalborgensisk odder Nord-Aalborg Hørsholmvej"), []);
  });
});

describe("collectWords", () => {
  it("keeps Danish words as written, lower case, without digits or short words", () => {
    const words = new Set<string>();
    collectWords("Udviklingsgruppen om CO2-udledning i 2025: Biokul og æbler, ok", words);
    assert.deepEqual([...words].sort(), ["biokul", "udledning", "udviklingsgruppen", "æbler"]);
  });
});
