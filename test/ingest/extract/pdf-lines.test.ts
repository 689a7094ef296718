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

  it("spaces words where pdf.js placed a space run, even one narrower than the gap measure", () => {
    // Aarhus's FirstAgenda minutes, page 4: "Punkt 2: Svar", a 0.34 em space run, then the rest of the
    // title starting 0.23 em after "Svar" ends (the space glyph overlaps the next run).
    const size = 16.3;
    const lines = buildPageLines([
      { text: "Punkt 2: Svar", x: 39.46, y: 772.3, width: 97.02, fontSize: size, bold: true },
      { text: " ", x: 136.48, y: 772.3, width: 5.57, fontSize: size, bold: true },
      { text: "på forslag fra KF", x: 140.26, y: 772.3, width: 120, fontSize: size, bold: true },
      { text: " ", x: 260.26, y: 772.3, width: 5.57, fontSize: size, bold: true },
      { text: "og M", x: 264.1, y: 772.3, width: 34, fontSize: size, bold: true },
    ]);
    assert.deepEqual(lines, [{ text: "Punkt 2: Svar på forslag fra KF og M", fontSize: size, bold: true }]);
  });

  it("keeps a word split into runs by kerning whole, and ignores zero-width space runs", () => {
    const lines = buildPageLines([
      { text: "Fremsendes til", x: 39.46, y: 686, width: 63.76, fontSize: 10.9, bold: false },
      { text: " ", x: 103.21, y: 686, width: 3.71, fontSize: 10.9, bold: false },
      { text: "T", x: 105.74, y: 686, width: 6.65, fontSize: 10.9, bold: false },
      { text: "eknisk Udvalg", x: 111.62, y: 686, width: 70, fontSize: 10.9, bold: false },
      // A superscript note number: pdf.js puts a zero-width space run before it where the font changes.
      { text: " ", x: 181.62, y: 686, width: 0.01, fontSize: 10.9, bold: false },
      { text: "6", x: 181.66, y: 689, width: 3, fontSize: 5.2, bold: false },
    ]);
    assert.deepEqual(texts(lines), ["Fremsendes til Teknisk Udvalg6"]);
  });

  it("spaces words by the gap where there are no space runs, but keeps letter-spaced words whole", () => {
    // Words placed apart with no space glyph: a gap of 0.3 em is a word space.
    const plain = buildPageLines([run("Svar", 56, 700), run("på", 56 + 22 + 3.3, 700)]);
    assert.deepEqual(texts(plain), ["Svar på"]);
    // A tracked heading set glyph by glyph: letters 0.2 em apart, words 0.6 em apart.
    const glyphs: PlacedRun[] = [];
    let x = 56;
    for (const word of ["REFERAT", "FRA", "MØDET"]) {
      for (const letter of word) {
        glyphs.push({ text: letter, x, y: 700, width: 7, fontSize: 11, bold: true });
        x += 7 + 0.2 * 11;
      }
      x += 0.4 * 11;
    }
    assert.deepEqual(texts(buildPageLines(glyphs)), ["REFERAT FRA MØDET"]);
  });

  it("does not let a space run bridge the gap between two table cells", () => {
    const runs = ["Horsens", "Herning", "Holstebro", "Lemvig", "Struer"].flatMap((name, index) => [
      run(name, 56, 700 - index * 13),
      {
        text: " ",
        x: 56 + name.length * 5.5,
        y: 700 - index * 13,
        width: 300 - 56 - name.length * 5.5,
        fontSize: 11,
        bold: false,
      },
      run(String(1000 + index), 300, 700 - index * 13),
    ]);
    assert.deepEqual(texts(buildPageLines(runs)).slice(0, 2), ["Horsens 1000", "Herning 1001"]);
  });
});
