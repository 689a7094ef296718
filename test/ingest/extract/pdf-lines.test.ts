import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPageLines, type PlacedRun } from "../../../src/ingest/extract/pdf-lines.js";

/** A run of `text` at (x, y), 5.5 pt per character at 11 pt. */
function run(text: string, x: number, y: number, fontSize = 11, bold = false): PlacedRun {
  return { text, x, y, width: text.length * fontSize * 0.5, fontSize, bold };
}

const texts = (lines: ReturnType<typeof buildPageLines>) =>
  lines.map((line) => (line === null ? "" : line.text));

describe("buildPageLines", () => {
  it("joins runs on one baseline, left to right, adding the space a gap implies", () => {
    const lines = buildPageLines([run("Kommune", 120, 700), run("Aalborg", 56, 700), run("(A)", 20, 699.5)]);
    assert.deepEqual(texts(lines), ["(A) Aalborg Kommune"]);
  });

  it("marks a paragraph gap with a blank line and keeps line leading without one", () => {
    const lines = buildPageLines([
      run("første linje", 56, 700),
      run("anden linje", 56, 687),
      run("tredje linje", 56, 674),
      run("nyt afsnit", 56, 640),
    ]);
    assert.deepEqual(texts(lines), ["første linje", "anden linje", "tredje linje", "", "nyt afsnit"]);
  });

  it("measures a double-spaced page by its own leading", () => {
    const lines = buildPageLines([
      run("første linje", 56, 700),
      run("anden linje", 56, 678),
      run("tredje linje", 56, 656),
      run("fjerde linje", 56, 634),
      run("nyt afsnit", 56, 580),
    ]);
    assert.deepEqual(texts(lines), [
      "første linje",
      "anden linje",
      "tredje linje",
      "fjerde linje",
      "",
      "nyt afsnit",
    ]);
  });

  it("records the largest font size and boldness per line", () => {
    const [line] = buildPageLines([
      run("2.1", 56, 700, 14, true),
      run("Status fra KlimaNord", 84, 700, 14, true),
    ]);
    assert.deepEqual(line, { text: "2.1 Status fra KlimaNord", fontSize: 14, bold: true });
  });

  it("reads a two-column page column by column, under a heading that spans both", () => {
    const left = [
      "Venstre spalte første linje her",
      "venstre spalte anden linje her",
      "venstre spalte tredje linje",
      "venstre spalte fjerde linje",
    ];
    const right = [
      "Højre spalte første linje her",
      "højre spalte anden linje her",
      "højre spalte tredje linje",
      "højre spalte fjerde linje",
    ];
    const runs = [run("En overskrift der går hen over begge spalter på siden", 56, 760, 11, true)];
    for (const [index, text] of left.entries()) runs.push(run(text, 56, 730 - index * 13));
    for (const [index, text] of right.entries()) runs.push(run(text, 320, 730 - index * 13));
    const lines = texts(buildPageLines(runs)).filter((text) => text !== "");
    assert.deepEqual(lines, ["En overskrift der går hen over begge spalter på siden", ...left, ...right]);
  });

  it("puts turned margin text after the page's lines, one line per run", () => {
    const lines = buildPageLines([
      run("første linje", 56, 700),
      { ...run("Dokumentnr. 2024-123", 20, 400), rotated: true },
      run("anden linje", 56, 687),
    ]);
    assert.deepEqual(texts(lines), ["første linje", "anden linje", "", "Dokumentnr. 2024-123"]);
  });

  it("keeps a table row together: short cells are no columns", () => {
    const runs = ["Horsens", "Herning", "Holstebro", "Lemvig", "Struer"].flatMap((name, index) => [
      run(name, 56, 700 - index * 13),
      run(String(1000 + index), 300, 700 - index * 13),
    ]);
    assert.deepEqual(texts(buildPageLines(runs)).slice(0, 2), ["Horsens 1000", "Herning 1001"]);
  });
});
