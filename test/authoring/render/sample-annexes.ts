/**
 * Annex PDFs for the pack tests: made with pdf-lib (any page size and rotation), or the first pages of a
 * real annex in ../shared/real-pdf (read from there, never copied).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { degrees, PDFDocument, StandardFonts } from "pdf-lib";
import type { AnnexPackEntry } from "../../../src/domain/index.js";

export const REAL_PDF_DIR = join(process.cwd(), "..", "shared", "real-pdf");

/** A made annex: a title on page 1 and a few lines of text on every page. */
export async function makeAnnexPdf(
  title: string,
  pages: number,
  options: { readonly size?: [number, number]; readonly rotate?: number } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const [width, height] = options.size ?? [595, 842];
  for (let index = 0; index < pages; index++) {
    const page = doc.addPage([width, height]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    let y = height - 72;
    if (index === 0) {
      page.drawText(title, { x: 56, y, size: 16, font: bold });
      y -= 36;
    }
    for (const line of [
      `Dette er side ${index + 1} af bilaget om ${title.toLowerCase()}.`,
      "Kommunerne i Nordjylland samarbejder om grøn omstilling og lærepladser.",
    ]) {
      page.drawText(line, { x: 56, y, size: 11, font: regular });
      y -= 15;
    }
  }
  return doc.save();
}

/** The first `pages` pages of a PDF in real-pdf/ (or in `dir`). */
export async function realPdfPages(file: string, pages: number, dir = REAL_PDF_DIR): Promise<Uint8Array> {
  const source = await PDFDocument.load(readFileSync(join(dir, file)), { updateMetadata: false });
  const out = await PDFDocument.create();
  const count = Math.min(pages, source.getPageCount());
  const copied = await out.copyPages(
    source,
    Array.from({ length: count }, (_, index) => index),
  );
  for (const page of copied) out.addPage(page);
  return out.save();
}

/**
 * Item 2.1's two real annexes: the Aarhus table (landscape, `aarhusPages` of 4) and the scanned Ballerup
 * list (turned 270 degrees, no text, `ballerupPages` of 8).
 */
export async function realAnnexes(
  aarhusPages: number,
  ballerupPages: number,
  dir = REAL_PDF_DIR,
): Promise<AnnexPackEntry[]> {
  const item = { itemNumber: "2.1", itemTitle: "Status fra KlimaNord" } as const;
  return [
    {
      ...item,
      annexNumber: 1,
      title: "Sager på vej i Sundhed og Omsorg",
      pdf: await realPdfPages("aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf", aarhusPages, dir),
    },
    {
      ...item,
      annexNumber: 2,
      title: "Ejendomsoversigt (scannet)",
      pdf: await realPdfPages("ballerup-2012-11-15-bilag-scannet.pdf", ballerupPages, dir),
    },
  ];
}
