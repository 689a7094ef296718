import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { joinSplitLigatures, shouldJoinLigature } from "../../../src/ingest/clean/ligatures.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import type { WordChecker } from "../../../src/ingest/types.js";
import { seedLine } from "../../support/seed-lines.js";

let isWord: WordChecker;
before(async () => {
  isWord = await loadDanishWordChecker();
});

describe("joinSplitLigatures", () => {
  it("joins 'f lere' and 'of fentlige' (seeds/001 line 4055)", () => {
    const line =
      "Erhvervshus Nordjylland indgår i et krydsfelt mellem f lere forskellige of fentlige aktører. Dels som ";
    assert.equal(seedLine("001", 4055), line);
    assert.equal(
      joinSplitLigatures(line, isWord),
      "Erhvervshus Nordjylland indgår i et krydsfelt mellem flere forskellige offentlige aktører. Dels som ",
    );
  });

  it("joins 'Kvalif iceret arbejdskraf t' (seeds/001 line 4130)", () => {
    const line = seedLine("001", 4130);
    assert.match(line, /"Kvalif iceret arbejdskraf t"/);
    assert.match(joinSplitLigatures(line, isWord), /"Kvalificeret arbejdskraft"/);
  });

  it("joins 'ef terspørgslen ef ter' and keeps 'af  viden' (seeds/001 line 4143)", () => {
    const line =
      "styrkelse af  viden og værktøjer om ef terspørgslen ef ter specialiseret vejledning hos de nordjyske ";
    assert.equal(seedLine("001", 4143), line);
    assert.equal(
      joinSplitLigatures(line, isWord),
      "styrkelse af  viden og værktøjer om efterspørgslen efter specialiseret vejledning hos de nordjyske ",
    );
  });

  it("joins 'af tales' and 'Af tale' where real gaps after f are doubled (seeds/001 line 4023)", () => {
    const line = seedLine("001", 4023);
    assert.match(line, /^Resultatkontrakten af tales inden for rammerne af {2}Af tale om/);
    assert.match(
      joinSplitLigatures(line, isWord),
      /^Resultatkontrakten aftales inden for rammerne af {2}Aftale om/,
    );
  });

  it("joins two real words only with evidence of splits nearby", () => {
    const line = "I samarbejde med de øvrige Erhvervshuse af tales hvilke programmer";
    assert.equal(seedLine("001", 4142).startsWith(line), true);
    assert.equal(joinSplitLigatures(line, isWord), line);
    assert.equal(
      joinSplitLigatures(line, isWord, { splitsNearby: true }),
      "I samarbejde med de øvrige Erhvervshuse aftales hvilke programmer",
    );
  });

  it("leaves ordinary text with 'af' and 'at' alone (seeds/000 line 391)", () => {
    for (const line of [
      seedLine("000", 391),
      seedLine("001", 9),
      "Det er vigtigt at lede efter løsninger af typen",
    ]) {
      assert.equal(joinSplitLigatures(line, isWord), line);
    }
  });

  it("keeps a word before an abbreviation and a word before 'i' (seeds/002 lines 8899, 10387)", () => {
    const abbreviation = seedLine("002", 8899);
    assert.match(abbreviation, /lavest ift\. antal/);
    assert.equal(joinSplitLigatures(abbreviation, isWord, { splitsNearby: true }), abbreviation);
    const preposition = seedLine("002", 10387);
    assert.match(preposition, /^ent i 2023/);
    assert.equal(joinSplitLigatures(preposition, isWord, { splitsNearby: true }), preposition);
  });

  it("does not join a name after f", () => {
    assert.equal(shouldJoinLigature("af", "Thisted", isWord), false);
  });
});
