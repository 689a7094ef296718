import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { joinLines } from "../../../src/ingest/clean/join-lines.js";
import { findRunningLines } from "../../../src/ingest/clean/running-lines.js";
import { loadDanishWordChecker } from "../../../src/ingest/danish/word-checker.js";
import { extractPdf } from "../../../src/ingest/extract/pdf.js";
import type { WordChecker } from "../../../src/ingest/types.js";

let isWord: WordChecker;
before(async () => {
  isWord = await loadDanishWordChecker();
});

/** Body lines as a typesetter broke them, 3 pages of another KKR's minutes. */
const PAGES = [
  [
    "2.1 Status fra klimasamarbejdet",
    "",
    "KKR Syddanmark er politisk ud-",
    "viklingsgruppe for samarbejdet, og på mødet deltog Anna-",
    "Marie Jensen fra sekretariatet. Den samlede CO2-",
    "udledning skal ned, og budgettet for 2025-",
  ],
  [
    "26 er 1,52 mio. kr. til by- og landområder i hele",
    "regionen. Sekretariatet redegjorde for planen.",
    "",
    "Beslutning",
    "KKR Syddanmark tog orienteringen til efterret-",
  ],
  ["ning og drøftede de næste skridt."],
];

async function minutesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  PAGES.forEach((lines, index) => {
    const page = pdf.addPage([595, 842]);
    page.drawText("KKR Syddanmark  |  14-03-2025", { x: 56, y: 800, size: 9, font });
    let y = 760;
    for (const text of lines) {
      if (text === "") {
        y -= 10;
        continue;
      }
      const heading = text === "Beslutning" || /^\d\.\d /.test(text);
      page.drawText(text, { x: 56, y, size: 11, font: heading ? bold : font });
      y -= 14;
    }
    page.drawText(`Side ${index + 1} af ${PAGES.length}`, { x: 270, y: 40, size: 9, font });
  });
  return pdf.save();
}

describe("a PDF through extraction and cleaning", () => {
  it("drops the running lines, joins across pages and decides every line-end hyphen", async () => {
    const doc = await extractPdf({ file: "referat.pdf", bytes: await minutesPdf(), sha256: "" });
    const running = findRunningLines(doc.lines);
    const runningTexts = doc.lines.filter((line) => running.has(line.line)).map((line) => line.text);
    assert.deepEqual(runningTexts, [
      // pdf.js gives the header's double spaces as one.
      "KKR Syddanmark | 14-03-2025",
      "Side 1 af 3",
      "KKR Syddanmark | 14-03-2025",
      "Side 2 af 3",
      "KKR Syddanmark | 14-03-2025",
      "Side 3 af 3",
    ]);
    const text = joinLines(doc.lines, isWord, running);
    assert.equal(
      text,
      "2.1 Status fra klimasamarbejdet\n\n" +
        "KKR Syddanmark er politisk udviklingsgruppe for samarbejdet, og på mødet deltog Anna-Marie Jensen " +
        "fra sekretariatet. Den samlede CO2-udledning skal ned, og budgettet for 2025-26 er 1,52 mio. kr. til " +
        "by- og landområder i hele regionen. Sekretariatet redegjorde for planen.\n\n" +
        "Beslutning\n\n" +
        "KKR Syddanmark tog orienteringen til efterretning og drøftede de næste skridt.",
    );
  });
});
