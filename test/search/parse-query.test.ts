/** @module Query parsing and tsquery text: phrases, exclusions, OR, prefixes, and hostile input. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatQuery, MAX_QUERY_WORDS, parseQuery, toTsQuery } from "../../src/search/index.js";
import { requiredWords, withWords } from "../../src/search/parse-query.js";

describe("parseQuery", () => {
  it("splits words, quoted phrases, -exclusions and OR groups", () => {
    const q = parseQuery('"sårbare borgere" -politi klima OR miljø SOSU-lærepladser');
    assert.deepEqual(q.required, [
      [{ words: ["sårbare", "borgere"], phrase: true }],
      [
        { words: ["klima"], phrase: false },
        { words: ["miljø"], phrase: false },
      ],
      [{ words: ["sosu", "lærepladser"], phrase: false }],
    ]);
    assert.deepEqual(q.excluded, [{ words: ["politi"], phrase: false }]);
  });

  it("closes an unbalanced quote at the end and ignores punctuation-only tokens", () => {
    const q = parseQuery('"udviklingsgruppe for KlimaNord  & | !');
    assert.deepEqual(q.required, [[{ words: ["udviklingsgruppe", "for", "klimanord"], phrase: true }]]);
    assert.deepEqual(q.excluded, []);
  });

  it("reads at most twelve words, counting phrases, alternatives and excluded words", () => {
    const many = parseQuery(Array.from({ length: 166 }, (_, i) => `w${i}`).join(" "));
    assert.equal(requiredWords(many).length, MAX_QUERY_WORDS);
    assert.ok(many.ignoredWords > 0);
    const mixed = parseQuery('"a b c d" e OR f OR g -h -i j k l m n');
    const used = requiredWords(mixed).length + mixed.excluded.flatMap((t) => t.words).length;
    assert.equal(used, 12);
    assert.equal(mixed.ignoredWords, 2);
    assert.equal(parseQuery("klima biokul").ignoredWords, 0);
  });

  it("formats a query back, replacing words for a suggestion", () => {
    const q = parseQuery('biokull "grønt danmark" -svin');
    assert.equal(
      formatQuery(q, (w) => (w === "biokull" ? "biokul" : w)),
      'biokul "grønt danmark" -svin',
    );
  });
});

describe("withWords", () => {
  it("replaces words and keeps phrases, alternatives and exclusions (a corrected query)", () => {
    const typed = parseQuery('"lærepaldser sosu" -aalborg klima OR miljø');
    const read = withWords(typed, (w) => (w === "lærepaldser" ? "lærepladser" : w));
    assert.equal(formatQuery(read), '"lærepladser sosu" klima OR miljø -aalborg');
    assert.deepEqual(read.excluded, typed.excluded);
    assert.equal(read.ignoredWords, typed.ignoredWords);
  });
});

describe("toTsQuery", () => {
  it("gives words of four letters or more a prefix, not short words, numbers or phrases", () => {
    const q = parseQuery('klima by 112 "grøn omstilling" -biokul');
    assert.equal(
      toTsQuery(q, { prefix: true, mode: "all" }),
      "'klima':* & 'by' & '112' & ('grøn' <-> 'omstilling') & !'biokul'",
    );
    assert.equal(
      toTsQuery(q, { prefix: false, mode: "any" }),
      "('klima' | 'by' | '112' | ('grøn' <-> 'omstilling')) & !'biokul'",
    );
  });

  it("lets no tsquery syntax through and needs a required word", () => {
    assert.equal(toTsQuery(parseQuery("-klima"), { prefix: true, mode: "all" }), null);
    assert.equal(toTsQuery(parseQuery("'):*|&!<->"), { prefix: true, mode: "all" }), null);
    assert.equal(toTsQuery(parseQuery("o'brien"), { prefix: false, mode: "all" }), "('o' & 'brien')");
  });
});
