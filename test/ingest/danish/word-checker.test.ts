import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";

describe("loadDanishWordChecker", () => {
  it("knows Danish compounds and rejects run-together names and CO2 words (DESIGN.md)", async () => {
    const isWord = await loadDanishWordChecker();
    for (const word of ["udviklingsgruppe", "klimaplaner", "Kommunerne", "Sønderborg", "lærepladser"]) {
      assert.equal(isWord(word), true, word);
    }
    for (const word of ["AnnaMarie", "CO2udledningen", "qwrtzp", ""]) {
      assert.equal(isWord(word), false, word);
    }
  });

  it("loads once and hands out the same checker", async () => {
    const [first, second] = await Promise.all([loadDanishWordChecker(), loadDanishWordChecker()]);
    assert.equal(first, second);
  });
});
