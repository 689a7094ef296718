import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { findRunningLines } from "../../../src/ingest/clean/running-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import { findAmounts } from "../../../src/ingest/entities/amounts.js";
import type { SourceLine, WordChecker } from "../../../src/ingest/types.js";

let isWord: WordChecker;
before(async () => {
  isWord = await loadDanishWordChecker();
});

/** Pieces of the seeds' quirks, mixed with arbitrary text. */
const TOKENS = [
  "af",
  "tale",
  "f",
  "lere",
  "kraf",
  "t",
  "ud-",
  "viklingsgruppe",
  "Anna-",
  "Marie",
  "CO2-",
  "2025-",
  "26",
  "by-",
  "og",
  "–",
  "-",
  "•",
  "\uF0B7",
  "\uFFFD",
  "\u00A0",
  "\t",
  "K K R  N O R D",
  "1,52 mio. kr.",
  "kr. 436.188",
  "Side 2 af 3",
  "SIDE  |  11",
  "Kommune 1.000 kr.",
  "./.",
  "1.",
  "Beslutning",
  "",
];

const lineText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TOKENS),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(" "));

const document = fc.array(fc.tuple(lineText, fc.boolean()), { maxLength: 40 }).map((rows) => {
  let page = 1;
  return rows.map(([text, newPage], index): SourceLine => {
    if (newPage && index > 0) page++;
    return { line: index + 1, page, text };
  });
});

/** Letters and digits in order: cleaning may drop spaces, hyphens and glyphs, never these. */
function lettersAndDigits(text: string): string {
  return [...text.matchAll(/[\p{L}\p{N}]/gu)].map((match) => match[0]).join("");
}

describe("cleaning loses no text", () => {
  it("joinLines keeps every letter and digit of the lines it does not skip, in order", () => {
    fc.assert(
      fc.property(document, (lines) => {
        const skip = findRunningLines(lines);
        const kept = lines.filter((line) => !skip.has(line.line));
        const text = joinLines(lines, isWord, skip);
        assert.equal(lettersAndDigits(text), lettersAndDigits(kept.map((line) => line.text).join("\n")));
      }),
      { numRuns: 300 },
    );
  });

  it("findAmounts never throws and points only at lines it was given", () => {
    fc.assert(
      fc.property(document, (lines) => {
        const numbers = new Set(lines.map((line) => line.line));
        for (const amount of findAmounts(lines)) {
          assert.ok(numbers.has(amount.source.line));
          assert.ok(Number.isSafeInteger(amount.valueDKK) && amount.valueDKK >= 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cleaning stays linear on hostile lines", () => {
  // Each of these made a pattern backtrack at some point: long runs of spaces, digits, dots, hyphenated
  // fragments and letter-spaced text. The suite's timeout, not a timing assertion, catches a regression.
  const hostile: [string, string[]][] = [
    ["a long run of inner spaces", [`a${" ".repeat(100_000)}b`]],
    ["a long run of digits", [`${"1".repeat(100_000)}x kr.`]],
    ["a long run of dots before a number", [`${".".repeat(200_000)}1`]],
    ["a table of digit runs", ["Beløb i 1.000 kr.", `Aalborg ${"1 ".repeat(50_000)}x`]],
    ["thousands of hyphenated fragments", Array.from({ length: 20_000 }, () => "ab-")],
    ["many f-gaps", [`${"ef f".repeat(30_000)}`]],
    ["letter spacing", ["K ".repeat(100_000)]],
  ];
  for (const [name, texts] of hostile) {
    it(name, { timeout: 20_000 }, () => {
      const lines = texts.map((text, index): SourceLine => ({ line: index + 1, page: 1, text }));
      const skip = findRunningLines(lines);
      const text = joinLines(lines, isWord, skip);
      findAmounts(lines);
      assert.ok(text.length > 0);
    });
  }
});
