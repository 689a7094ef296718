/**
 * Running headers and footers of other publishers are cut from the text of items and fields, and each is
 * still named in a warning, so no text is lost without trace. Pages are made of the real lines of
 * ../shared/real-world/23.txt (Rødovre's Økonomiudvalget) split by form feeds, as pdftotext writes them,
 * with the header and footer styles of municipal PDF exports around each page; and two real PDFs of
 * ../shared/real-pdf are read as they are.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { ParsedDocument } from "../../src/domain/index.js";
import { findRunningLines } from "../../src/ingest/clean/running-lines.js";
import { extractPdf } from "../../src/ingest/extract/pdf.js";
import { extractText } from "../../src/ingest/extract/text.js";
import { loadIngestOptions } from "../../src/ingest/index.js";
import { parseExtracted } from "../../src/ingest/parse.js";
import type { IngestOptions } from "../../src/ingest/types.js";
import { realPdfPath, seedPath } from "../support/seeds.js";

const REAL_WORLD = join(seedPath("004"), "..", "..", "real-world");
const minutes = readFileSync(join(REAL_WORLD, "23.txt"), "utf8").split("\n");
/** Page breaks inside the two items, away from their headings (lines 16 and 31 of 23.txt, 1-based 17, 32). */
const BREAKS = [16, 31];

interface Style {
  readonly name: string;
  readonly header?: (page: number, pages: number) => string;
  readonly footer?: (page: number, pages: number) => string;
}

const STYLES: readonly Style[] = [
  { name: "'1 of 5' footers", footer: (page, pages) => `${page} of ${pages}` },
  { name: "'Side 2 af 7' footers", footer: (page, pages) => `Side ${page} af ${pages}` },
  {
    name: "'Referat For Økonomiudvalget Side 2' headers",
    header: (page) => `Referat For Økonomiudvalget Side ${page}`,
  },
  { name: "'Dato: 04.12.2012 Side 1' headers", header: (page) => `Dato: 18.09.2024 Side ${page}` },
  {
    name: "a title header with the page number and no 'Side' (same text on each page, modulo the number)",
    header: (page) => `Rødovre Kommune - Økonomiudvalget - Referat ${page}`,
    footer: () => "Rødovre Kommune, Rødovre Parkvej 150, 2610 Rødovre",
  },
];

/** 23.txt with form feeds at BREAKS, and the style's header and footer on every page. */
function paged(style: Style): string {
  const pages: string[][] = [];
  let start = 0;
  for (const end of [...BREAKS, minutes.length]) {
    pages.push(minutes.slice(start, end));
    start = end;
  }
  return pages
    .map((lines, index) => {
      const header = style.header ? [style.header(index + 1, pages.length)] : [];
      const footer = style.footer ? [style.footer(index + 1, pages.length)] : [];
      return [...header, ...lines, ...footer].join("\n");
    })
    .join("\n\f");
}

let options: IngestOptions;
before(async () => {
  options = await loadIngestOptions();
});

function parse(text: string): ParsedDocument {
  const bytes = new TextEncoder().encode(text);
  const extracted = extractText({ file: "23-paged.txt", bytes, sha256: "0" });
  return parseExtracted({ file: "23-paged.txt", sha256: "0" }, extracted, options);
}

describe("running headers and footers in a paged text file", () => {
  for (const style of STYLES) {
    it(`cuts ${style.name} from items, fields and text, and names each in a warning`, () => {
      const doc = parse(paged(style));
      const added = [1, 2, 3].flatMap((page) => [style.header?.(page, 3), style.footer?.(page, 3)]);
      const running = added.filter((line): line is string => line !== undefined);
      assert.deepEqual(
        doc.items.map((item) => item.number),
        ["162", "163"],
      );
      const itemText = doc.items
        .flatMap((item) => [item.title, ...Object.values(item.fields), item.notes ?? ""])
        .join("\n");
      const warnings = doc.warnings
        .filter((warning) => warning.code === "running-text-removed")
        .map((warning) => warning.message)
        .join("\n");
      for (const line of running) {
        assert.equal(itemText.includes(line), false, `"${line}" is in an item`);
        assert.equal(doc.text.includes(line), false, `"${line}" is in the text`);
        assert.ok(warnings.includes(`"${line}"`), `"${line}" is named in no warning`);
      }
      // The text around the page breaks stays: the last line before each break and the first after it.
      for (const at of BREAKS) {
        for (const line of [minutes[at - 1], minutes[at]]) {
          const words = (line ?? "").trim().split(/\s+/).slice(0, 4).join(" ");
          assert.ok(doc.text.includes(words), `"${words}" is lost`);
        }
      }
    });
  }

  it("keeps a sentence that ends with a page reference inside a page", () => {
    const text = paged({ name: "", footer: (page, pages) => `Side ${page} af ${pages}` }).replace(
      "Meddelelsespunkterne forelægges til orientering.",
      "Meddelelsespunkterne forelægges til orientering.\nSe notatet i bilag 1 side 2",
    );
    const doc = parse(text);
    assert.ok(doc.text.includes("Se notatet i bilag 1 side 2"));
  });
});

describe("running headers and footers in real PDFs", () => {
  it("cuts the repeated title header and 'Side n af 4' of Aarhus's annex", async () => {
    const name = "aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf";
    const doc = await extractPdf({ file: name, bytes: readFileSync(realPdfPath(name)), sha256: "" });
    const running = findRunningLines(doc.lines);
    const cut = doc.lines.filter((line) => running.has(line.line)).map((line) => line.text.trim());
    assert.deepEqual(
      cut.filter((text) => text.startsWith("Side")),
      ["Side 1 af 4", "Side 2 af 4", "Side 3 af 4", "Side 4 af 4"],
    );
    assert.equal(cut.filter((text) => /^Sager p.? vej – Sundhed og Omsorg 2025$/u.test(text)).length, 4);
    assert.equal(cut.length, 8);
  });

  it("cuts the KL report's page numbers and keeps its numbered chapter headings beside them", async () => {
    const name = "kl-det-naere-sundhedsvaesen-2012-bilag.pdf";
    const doc = await extractPdf({ file: name, bytes: readFileSync(realPdfPath(name)), sha256: "" });
    const running = findRunningLines(doc.lines);
    const kept = doc.lines.filter((line) => !running.has(line.line)).map((line) => line.text.trim());
    for (const heading of [
      "5.2 Status og udviklings-",
      "7.3 Anbefalinger",
      "9.3 Anbefalinger",
      "10.3 Anbefalinger",
    ]) {
      assert.ok(kept.includes(heading), heading);
    }
    const cut = doc.lines.filter((line) => running.has(line.line));
    assert.ok(cut.length > 80, `${cut.length} page numbers cut`);
    // Each cut line is its page's printed number, which runs a fixed step from the page in the file.
    assert.deepEqual(
      cut.filter((line) => !/^\d{1,3}$/.test(line.text.trim())).map((line) => line.text),
      [],
    );
  });
});
