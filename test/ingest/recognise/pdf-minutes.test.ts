/**
 * @module Recognition on a PDF: minutes laid out with bold headings, single-spaced text and a footer,
 * made with pdf-lib in the test, extracted with pdf.js, parsed as any other file.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { ParsedDocument } from "../../../src/domain/index.js";
import { extractPdf } from "../../../src/ingest/extract/pdf.js";
import { parseExtracted } from "../../../src/ingest/parse.js";
import { letterWordOptions } from "../../support/source-lines.js";

/** [text, font size, bold, gap above in points]. */
type Row = readonly [string, number, boolean, number?];

const PAGES: readonly (readonly Row[])[] = [
  [
    ["Referat", 18, true],
    ["KKR Syddanmark", 14, true],
    ["Dato: 12. marts 2025, kl. 10.00-12.00", 11, false],
    ["Deltagere", 12, true, 20],
    ["Jens Hansen (V) Vejle Kommune", 11, false],
    ["Mette Jensen (A) Kolding Kommune", 11, false],
    ["Afbud", 12, true, 20],
    ["Ole Olsen (C), Esbjerg Kommune", 11, false],
  ],
  [
    ["1. Godkendelse", 14, true],
    ["1.1. Godkendelse af dagsorden", 12, true, 20],
    ["SAG-2025-00012 abc", 11, false],
    ["Baggrund", 11, true, 20],
    ["Dagsordenen er udsendt den 5. marts 2025.", 11, false],
    ["Indstilling", 11, true, 20],
    ["Det indstilles, at KKR godkender dagsordenen.", 11, false],
    ["Beslutning", 11, true, 20],
    ["Dagsordenen blev godkendt.", 11, false],
  ],
  [
    ["2. Sager", 14, true],
    ["2.1. Regional udvikling i Syddanmark", 12, true, 20],
    ["SAG-2025-00013 abc/def", 11, false],
    ["Sagsfremstilling", 11, true, 20],
    ["Der er tre temaer, som KKR bedes drøfte:", 11, false],
    ["1. Første tema", 11, false],
    ["2. Andet tema", 11, false],
    ["Beslutning", 11, true, 20],
    ["KKR drøftede temaerne.", 11, false],
    ["3. Eventuelt", 14, true, 30],
    ["Intet.", 11, false],
  ],
];

async function makeMinutesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  PAGES.forEach((rows, index) => {
    const page = pdf.addPage([595, 842]);
    let y = 790;
    for (const [text, size, isBold, gap] of rows) {
      y -= gap ?? size * 1.4;
      page.drawText(text, { x: 56, y, size, font: isBold ? bold : regular });
    }
    page.drawText("KKR Syddanmark | 12-03-2025", { x: 56, y: 40, size: 8, font: regular });
    page.drawText(`SIDE | ${index + 1}`, { x: 480, y: 40, size: 8, font: regular });
  });
  return pdf.save();
}

describe("minutes from a PDF", () => {
  let doc: ParsedDocument;
  before(async () => {
    const extracted = await extractPdf({ file: "referat.pdf", bytes: await makeMinutesPdf(), sha256: "0" });
    doc = parseExtracted({ file: "referat.pdf", sha256: "0" }, extracted, letterWordOptions);
  });

  test("kind, body, date and times", () => {
    assert.equal(doc.kind, "minutes");
    assert.equal(doc.body, "KKR Syddanmark");
    assert.equal(doc.meeting?.date, "2025-03-12");
    assert.equal(doc.meeting?.startTime, "10:00");
    assert.equal(doc.meeting?.endTime, "12:00");
  });

  test("attendance", () => {
    assert.deepEqual(
      doc.attendance.present.map((a) => [a.name, a.party, a.municipality]),
      [
        ["Jens Hansen", "V", "Vejle"],
        ["Mette Jensen", "A", "Kolding"],
      ],
    );
    assert.deepEqual(
      doc.attendance.absent.map((a) => a.name),
      ["Ole Olsen"],
    );
  });

  test("sections and items with their fields; the list inside 2.1 is text", () => {
    assert.deepEqual(
      doc.sections.map((s) => s.number),
      ["1", "2", "3"],
    );
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.section, i.source.page, Object.keys(i.fields).join(",")]),
      [
        ["1.1", "1", 2, "baggrund,indstilling,beslutning"],
        ["2.1", "2", 3, "sagsfremstilling,beslutning"],
        ["3", "3", 3, ""],
      ],
    );
    assert.equal(doc.items[0]?.fields.beslutning, "Dagsordenen blev godkendt.");
    assert.match(doc.items[1]?.fields.sagsfremstilling ?? "", /2\. Andet tema/);
  });

  test("page texts cover every page", () => {
    assert.deepEqual(
      doc.pageTexts?.map((p) => p.page),
      [1, 2, 3],
    );
  });
});
