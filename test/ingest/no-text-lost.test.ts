/**
 * @module Property test: parsing never throws, and no visible character of the input is lost. Every
 * non-blank character of a line ends up in the full text (after the documented normalisations), and the
 * text of every running header or footer cut from it is named in a warning.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import type { ParsedDocument } from "../../src/domain/index.js";
import { findRunningLines } from "../../src/ingest/clean/index.js";
import { extractText } from "../../src/ingest/extract/text.js";
import { loadIngestOptions } from "../../src/ingest/index.js";
import { parseExtracted } from "../../src/ingest/parse.js";
import type { ExtractedDocument, IngestOptions } from "../../src/ingest/types.js";
import { seedPath } from "../support/seeds.js";

/**
 * What is left of a text once the documented normalisations are undone: white space (line joins,
 * double spacing, letter-spaced headings, split ligatures), hyphens (line-end hyphenation), soft
 * hyphens, zero-width characters and U+FFFD (removed by glyph clean-up), private-use bullets (become
 * "•"). What remains must be the same characters in the same order.
 */
function skeleton(text: string): string {
  return text.replace(/[\uE000-\uF8FF]/g, "•").replace(/[\s\u00AD\u200B-\u200D\u2060\uFEFF\uFFFD-]/g, "");
}

function parseText(
  text: string,
  options: IngestOptions,
): { doc: ParsedDocument; extracted: ExtractedDocument } {
  const bytes = new TextEncoder().encode(text);
  const extracted = extractText({ file: "property.txt", bytes, sha256: "0" });
  return { doc: parseExtracted({ file: "property.txt", sha256: "0" }, extracted, options), extracted };
}

/** Checks the property for one input; returns nothing, throws on a violation. */
function checkNoTextLost(text: string, options: IngestOptions): void {
  const { doc, extracted } = parseText(text, options);
  const running = findRunningLines(extracted.lines);
  const kept = extracted.lines
    .filter((line) => !running.has(line.line))
    .map((line) => line.text)
    .join("\n");
  assert.equal(skeleton(doc.text), skeleton(kept));
  const warningText = doc.warnings.map((warning) => warning.message).join("\n");
  for (const line of extracted.lines) {
    if (!running.has(line.line) || line.text.trim() === "") continue;
    assert.ok(
      warningText.includes(line.text.replace(/\s+/g, " ").trim()),
      `running line ${line.line} "${line.text}" is in no warning`,
    );
  }
}

const seedLines: string[] = [];
for (const seed of ["000", "001", "002", "003", "004"]) {
  seedLines.push(...readFileSync(seedPath(seed), "utf8").split("\n"));
}

/** A real seed line, or a structural line that steers the recognisers into their branches. */
const realLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...seedLines) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      " 2. Regionalpolitiske sager",
      "2.1. Status fra KlimaNord",
      "SAG-2024-03326 hlth/hast",
      "Baggrund",
      "Indstilling",
      "Beslutning",
      "Deltagere",
      "Afbud",
      "Anna Aaen (Ø) Aalborg Kommune",
      "Peter E. Nielsen (A) Frederikshavn Kommune, Suppl. for Birgit Hansen",
      "Indholdsfortegnelse - Bilag",
      "3.1 Tværkommunale samarbejder om klima .......2",
      "Bilag 1: KL CO2-reduktion i kommunerne.......2",
      "KKR Nordjylland  | 20-09-2024",
      " SIDE  |  11",
      "./. Bilag vedlagt.",
      "",
      "",
      " ",
    ),
  },
);

/** A line mutated: random Unicode inserted, cut, doubled, or replaced by garbage. */
const mutatedLine = fc.oneof(
  realLine,
  fc.tuple(realLine, fc.string({ unit: "grapheme", maxLength: 12 }), fc.nat()).map(([line, noise, at]) => {
    const cut = line.length === 0 ? 0 : at % line.length;
    return line.slice(0, cut) + noise + line.slice(cut);
  }),
  fc.tuple(realLine, fc.nat()).map(([line, at]) => line.slice(0, line.length === 0 ? 0 : at % line.length)),
  fc.string({ unit: "binary", maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, " ")),
  fc
    .string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 })
    .map((s) => s.replace(/[\r\n]/g, " ")),
);

/** A document: a slice of a seed (kept in order, so structures are met), mutated lines, shuffled runs. */
const documentText = fc
  .tuple(
    fc.constantFrom("000", "001", "002", "003", "004"),
    fc.nat(),
    fc.integer({ min: 0, max: 400 }),
    fc.array(fc.tuple(fc.nat(), mutatedLine), { maxLength: 40 }),
    fc.array(fc.nat(), { maxLength: 20 }),
    fc.boolean(),
  )
  .map(([seed, startSeed, length, inserts, deletions, shuffle]) => {
    const all = readFileSync(seedPath(seed), "utf8").split("\n");
    const start = all.length === 0 ? 0 : startSeed % all.length;
    let lines = all.slice(start, start + length);
    for (const at of deletions) if (lines.length > 0) lines.splice(at % lines.length, 1);
    for (const [at, line] of inserts) lines.splice(lines.length === 0 ? 0 : at % (lines.length + 1), 0, line);
    if (shuffle && lines.length > 4) {
      // Swap a few neighbouring runs: out-of-order structures must not throw either.
      const half = Math.floor(lines.length / 2);
      lines = [...lines.slice(half), ...lines.slice(0, half)];
    }
    return lines.join("\n");
  });

describe("no text lost", () => {
  let options: IngestOptions;
  before(async () => {
    options = await loadIngestOptions();
  });

  test("mutated seed documents: no throw, every character kept", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        checkNoTextLost(text, options);
      }),
      { numRuns: 120, seed: 20240920 },
    );
  });

  test("random Unicode lines: no throw, every character kept", () => {
    fc.assert(
      fc.property(fc.array(mutatedLine, { maxLength: 60 }), (lines) => {
        checkNoTextLost(lines.join("\n"), options);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  test("a huge line and a long run of dots parse quickly and keep their text", () => {
    const huge = `${"Beslutning ".repeat(20000)}\n${".".repeat(200000)}\n3.1 Titel ${"x".repeat(100000)}`;
    const started = Date.now();
    checkNoTextLost(huge, options);
    assert.ok(Date.now() - started < 5000, "a pathological line must not take seconds");
  });

  test("whole seeds keep every character", () => {
    for (const seed of ["003", "004"]) checkNoTextLost(readFileSync(seedPath(seed), "utf8"), options);
  });
});
