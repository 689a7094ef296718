/**
 * @module Item stamps and documents of annex packs: every stamp of seeds/000-003 found, no numbered
 * heading inside a document taken for one.
 *
 * How the expected stamps were determined: every line of each seed that starts with a two-level number
 * ("3.7 ...", " 2.11 ...") was listed with grep and read in context. A stamp is the agenda item's
 * number and title set alone at the top of an annex's first page: blank lines (or the file start, or a
 * page break) before it, blank lines or a page break after it, and the title is an agenda title of the
 * meeting (the numbers run with the agenda: 000 has 3.7-3.9, 001 has 3.2-3.8, 002 has 2.1, 2.2, 2.11;
 * 003's agree with its contents page). Everything else that matched is a heading of the document's own
 * outline, followed directly by its text: 000's masterplan chapters 1.2-3.4 (lines 1628-2527), 001's
 * "2.1. Systematisk fælles ejerskab ..." (5832) and rammeaftale sections 1.1-7.2 (6065-7263), 001's
 * "3.2 Følgegruppernes ansvar" (8389), 002's survey chapters 1.1-2.4 (368-507), the rammeaftale's 1.1-10.4
 * (2114-3725) and the practice plan's 1.1-4.5 (7818-9830). A stamp's title wraps onto a second line
 * where it is long (000 line 6234 "regnskab 2019", 001 line 5949 "Nordjylland", 002 line 2).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { findRunningLines } from "../../../src/ingest/clean/index.js";
import { extract } from "../../../src/ingest/extract/index.js";
import { extractText } from "../../../src/ingest/extract/text.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { recogniseDocuments } from "../../../src/ingest/recognise/documents.js";
import { buildLineView } from "../../../src/ingest/recognise/line-view.js";
import { findStamps } from "../../../src/ingest/recognise/stamps.js";
import { recogniseToc } from "../../../src/ingest/recognise/toc.js";
import { realPdfPath, seedPath } from "../../support/seeds.js";
import { letterWordOptions, toDocument, toLines } from "../../support/source-lines.js";

/** [item number, first line, last line] of every true stamp per seed. */
const STAMPS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  "000": [
    ["3.7", 6138, 6138],
    ["3.8", 6233, 6234],
    ["3.9", 6335, 6335],
  ],
  "001": [
    ["3.2", 970, 970],
    ["3.3", 1546, 1546],
    ["3.3", 2357, 2357],
    ["3.4", 5948, 5949],
    ["3.5", 7664, 7664],
    ["3.7", 8111, 8112],
    ["3.8", 8293, 8293],
  ],
  "002": [
    ["2.1", 1, 2],
    ["2.1", 321, 322],
    ["2.2", 629, 629],
    ["2.11", 13499, 13499],
  ],
  "003": [
    ["3.1", 32, 32],
    ["3.3", 2665, 2665],
    ["3.3", 3288, 3288],
    ["3.4", 3469, 3469],
    ["3.5", 3496, 3497],
    ["3.6", 3555, 3556],
  ],
};

function stampsOf(seed: string): [string, number, number][] {
  const bytes = new Uint8Array(readFileSync(seedPath(seed)));
  const doc = extractText({ file: seed, bytes, sha256: "" });
  const view = buildLineView(doc.lines, findRunningLines(doc.lines));
  return findStamps(view).map((stamp) => [stamp.heading.number, stamp.lineStart, stamp.lineEnd]);
}

describe("item stamps of the annex-pack seeds", () => {
  for (const [seed, expected] of Object.entries(STAMPS)) {
    test(`seeds/${seed}: every stamp and nothing else`, () => {
      assert.deepEqual(stampsOf(seed), expected);
    });
  }
});

describe("documents of the annex-pack seeds", () => {
  const parsed = new Map<string, ParsedDocument>();
  before(async () => {
    const options = await loadIngestOptions();
    for (const seed of ["000", "001", "002"]) {
      parsed.set(seed, await parseSource(await readSourceFile(seedPath(seed)), options));
    }
  });

  for (const seed of ["000", "001", "002"]) {
    test(`seeds/${seed} is an annex pack whose stamped documents open at the stamps`, () => {
      const doc = parsed.get(seed);
      assert.ok(doc);
      assert.equal(doc.kind, "annex-pack");
      const stamped = doc.documents.filter((d) => d.itemNumber !== null);
      assert.deepEqual(
        stamped.map((d) => [d.itemNumber, d.source.lineStart]),
        (STAMPS[seed] ?? []).map(([number, line]) => [number, line]),
      );
      // Documents tile the pack: each ends before the next begins.
      for (let i = 1; i < doc.documents.length; i++) {
        const previous = doc.documents[i - 1];
        const current = doc.documents[i];
        assert.ok(previous && current && previous.source.lineEnd < current.source.lineStart);
      }
    });
  }

  test("two annexes of one item are numbered Bilag 1 and Bilag 2 (seeds/001, 3.3)", () => {
    const doc = parsed.get("001");
    const annexes = doc?.documents.filter((d) => d.itemNumber === "3.3").map((d) => d.annexNumber);
    assert.deepEqual(annexes, [1, 2]);
  });

  // Documents without a stamp, read by eye in each seed: 000's KL publications and the contract after
  // the masterplan, 001's five letters to ministers and the Passagerpulsen agreement's cover, 002's
  // framework agreement (title page at 1952), the climate ambition, KL's public transport paper, the
  // pedagogue note and the physiotherapy practice plan.
  const UNSTAMPED: Readonly<Record<string, readonly number[]>> = {
    "000": [1, 2893, 3601, 4645, 5774],
    "001": [1, 229, 376, 613, 804, 4017, 8337],
    "002": [1952, 3744, 6888, 7418, 7794],
  };
  for (const [seed, starts] of Object.entries(UNSTAMPED)) {
    test(`seeds/${seed}: documents without a stamp open where their letter head, title page or outline is`, () => {
      const doc = parsed.get(seed);
      const unstamped = doc?.documents.filter((d) => d.itemNumber === null).map((d) => d.source.lineStart);
      assert.deepEqual(unstamped, starts);
      const reported = doc?.warnings
        .filter((w) => w.code === "unstamped-document")
        .map((w) => w.source?.lineStart);
      assert.deepEqual(
        [...(reported ?? [])].sort((a, b) => (a ?? 0) - (b ?? 0)),
        starts,
      );
    });
  }

  test("a letter is titled by its letter head (seeds/001 line 229)", () => {
    const letter = parsed.get("001")?.documents.find((d) => d.source.lineStart === 229);
    assert.equal(letter?.title, "Til Social- og Indenrigsminister Astrid Krag");
  });

  test("text before the first stamp is a document of unknown item, reported", () => {
    const doc = parsed.get("000");
    assert.equal(doc?.documents[0]?.itemNumber, null);
    assert.ok(doc?.warnings.some((w) => w.code === "unstamped-document"));
  });
});

describe("findStamps on small layouts", () => {
  test("a heading followed directly by its text is no stamp", () => {
    const view = buildLineView(
      toLines(["Tekst.", "", "", "", "2.2 Tilskudsregler", "For at få tilskud kræves en henvisning."]),
    );
    assert.deepEqual(findStamps(view), []);
  });

  test("a heading with one blank line before its text is no stamp (seeds/000 line 2294)", () => {
    const view = buildLineView(
      toLines([
        "Tekst.",
        "",
        "",
        "",
        "3.1 Grøn omstilling i den kollektive trafik",
        "",
        "Brugerne af den kollektive trafik.",
      ]),
    );
    assert.deepEqual(findStamps(view), []);
  });

  test("a stamp alone between blank lines, and one directly before a page break", () => {
    const view = buildLineView(
      toLines([
        "Slut.",
        "",
        "",
        "",
        "3.4 Dimensionering af pædagoguddannelsen",
        " Indstilling om optag",
        "tekst",
      ]),
    );
    assert.deepEqual(
      findStamps(view).map((s) => [s.heading.number, s.title]),
      [["3.4", "Dimensionering af pædagoguddannelsen"]],
    );
  });

  test("a sub-heading that falls back in number is dropped", () => {
    const view = buildLineView(
      toLines([
        "3.2 Limfjordsrådet - Masterplan",
        "",
        "",
        "",
        "Tekst.",
        "",
        "",
        "",
        "1.2 Praksisplanens opbygning",
        "",
        "",
        "",
        "Tekst.",
      ]),
    );
    assert.deepEqual(
      findStamps(view).map((s) => s.heading.number),
      ["3.2"],
    );
  });
});

describe("stamps that number the annex", () => {
  test("'3.1 Bilag 2' and 'Punkt 2.1 - Bilag 1' stamps carry their annex number", () => {
    const view = buildLineView(
      toLines([
        "Punkt 2.1 - Bilag 1: Notat om klima",
        "",
        "",
        "",
        "Tekst.",
        "",
        "",
        "",
        "3.1 Bilag 2",
        "",
        "",
        "",
        "Tekst.",
      ]),
    );
    assert.deepEqual(
      findStamps(view).map((s) => [s.heading.number, s.annexNumber, s.title]),
      [
        ["2.1", 1, "Notat om klima"],
        ["3.1", 2, "Bilag 2"],
      ],
    );
  });
});

describe("documents placed by the contents page's page numbers", () => {
  test("when the pages agree with the contents page, an unstamped annex starts on its page", () => {
    // One line per page after the contents page, as a PDF extraction gives pages.
    const view = buildLineView(
      toLines([
        "Indholdsfortegnelse - Bilag",
        "3.1 Sag om klima .......2",
        "Bilag 1: Notat .......2",
        "Bilag 2: Rapport .......3",
        "3.2 Sag om trafik .......4",
        "Bilag 1: Plan .......4",
        " 3.1 Sag om klima",
        " Rapporten begynder her uden stempel.",
        " 3.2 Sag om trafik",
      ]),
    );
    const toc = recogniseToc(view);
    const result = recogniseDocuments(view, toc.entries, toc.claimed?.[1] ?? null);
    assert.deepEqual(
      result.documents.map((d) => [d.itemNumber, d.annexNumber, d.source.lineStart]),
      [
        ["3.1", 1, 7],
        ["3.1", 2, 8],
        ["3.2", 1, 9],
      ],
    );
  });
});

describe("a contents page that lists items only", () => {
  test("a pack with no stamps gets one document per listed item, placed by content", () => {
    const doc = parseExtracted(
      { file: "p.txt", sha256: "0" },
      toDocument([
        "Indholdsfortegnelse - Bilag",
        "3.1 Klimaplan for regionen .......2",
        "3.2 Trafikplan for regionen .......3",
        "",
        "",
        "",
        " Klimaplan for regionen",
        "Tekst om klima.",
        " Trafikplan for regionen",
        "Tekst om trafik.",
      ]),
      letterWordOptions,
    );
    assert.equal(doc.kind, "annex-pack");
    assert.deepEqual(
      doc.documents.map((d) => [d.itemNumber, d.source.lineStart, d.source.lineEnd]),
      [
        ["3.1", 7, 8],
        ["3.2", 9, 10],
      ],
    );
  });
});

describe("stamps the contents page vouches for", () => {
  test("a stamp at a page start followed by the annex's text without a gap is found by its listed title", () => {
    const doc = parseExtracted(
      { file: "p.txt", sha256: "0" },
      toDocument([
        " Indholdsfortegnelse - Bilag",
        "",
        "2.5 Helt galt gik det, da borgerne i ......2",
        "Bilag 1: Notat om vand ......2",
        "Bilag 2: Rapport om kyster ......5",
        " 2.5 Helt galt gik det, da borgerne i",
        "",
        "Notat om vand",
        "Tekst om vand.",
        " 2.5 Helt galt gik det, da borgerne i",
        "",
        "Rapport om kyster",
        "Tekst om kyster.",
      ]),
      letterWordOptions,
    );
    assert.deepEqual(
      doc.documents.map((d) => [d.itemNumber, d.annexNumber, d.source.lineStart, d.source.lineEnd]),
      [
        ["2.5", 1, 6, 9],
        ["2.5", 2, 10, 13],
      ],
    );
  });
});

describe("documents without a stamp on small layouts", () => {
  test("letters placed one after the other each open a document at their letter head", () => {
    const view = buildLineView(
      toLines([
        " Til Borgmesteren i Aalborg",
        "Kære Thomas Kastrup-Larsen",
        "Vi skriver om trafikken.",
        " Med venlig hilsen",
        " Til Folketingets Transportudvalg",
        "Kære medlemmer af udvalget",
        "Vi skriver om broen.",
      ]),
    );
    const result = recogniseDocuments(view, [], null);
    assert.deepEqual(
      result.documents.map((d) => [d.title, d.source.lineStart, d.source.lineEnd]),
      [
        ["Til Borgmesteren i Aalborg", 1, 4],
        ["Til Folketingets Transportudvalg", 5, 7],
      ],
    );
  });

  test("'Til' that opens a page without a salutation is no letter head", () => {
    const view = buildLineView(
      toLines([" Indledning", "Tekst.", " Til sidst skal nævnes at planen følges op.", "Mere tekst."]),
    );
    assert.equal(recogniseDocuments(view, [], null).documents.length, 1);
  });

  test("a report's chapters, figures and back page are one document (KL's 108-page report, real-pdf)", async () => {
    const source = await readSourceFile(realPdfPath("kl-det-naere-sundhedsvaesen-2012-bilag.pdf"));
    const extracted = await extract(source);
    const view = buildLineView(extracted.lines, findRunningLines(extracted.lines));
    const result = recogniseDocuments(view, [], null);
    assert.deepEqual(
      result.documents.map((d) => [d.source.pageStart, d.source.pageEnd]),
      [[1, 107]],
    );
  });
});
