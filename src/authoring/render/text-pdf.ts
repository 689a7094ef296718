/**
 * @module Plain text as PDF pages, with pdf-lib's Helvetica: how a text original (the seeds are .txt)
 * becomes pages that can be merged with PDF documents. Lines are kept as lines, long ones wrapped at
 * word boundaries, a form feed starts a new page; the document's title heads every page, so that a
 * reader who lands on a page knows which document it belongs to.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import { winAnsiText } from "./win-ansi.js";

export interface TextPdfOptions {
  /** The document's title: the PDF's title and the line at the head of every page. */
  readonly title: string;
}

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 62, right: 62, top: 64, bottom: 64 } as const;
const SIZE = 10;
const LEADING = 13;
const HEADER_SIZE = 8;

/**
 * Sets `text` on A4 pages and returns the PDF.
 *
 * @example
 * const pdf = await renderTextPdf("Referat\n\n1.1 Godkendelse af dagsorden\n...", { title: "Referat" });
 */
export async function renderTextPdf(text: string, options: TextPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const linesPerPage = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom) / LEADING);
  const header = winAnsiText(options.title);
  for (const pageLines of paginate(wrapText(text, font, width), linesPerPage)) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    page.drawText(header, {
      x: MARGIN.left,
      y: PAGE.height - MARGIN.top + 2 * LEADING,
      size: HEADER_SIZE,
      font,
      color: rgb(0.35, 0.35, 0.35),
    });
    let y = PAGE.height - MARGIN.top;
    for (const line of pageLines) {
      if (line !== "") page.drawText(line, { x: MARGIN.left, y, size: SIZE, font });
      y -= LEADING;
    }
  }
  doc.setTitle(options.title);
  doc.setLanguage("da-DK");
  doc.setCreator("Rådsinfo");
  doc.setProducer("Rådsinfo (pdf-lib)");
  // A fixed date: the same text gives the same bytes.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  return doc.save({ useObjectStreams: false });
}

/** A page break: the form feed a text extracted page by page carries between pages. */
const PAGE_BREAK = "\f";

/** The text's lines wrapped to `width`; a form feed stays a line of its own, read by paginate. */
function wrapText(text: string, font: PDFFont, width: number): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const parts = raw.split(PAGE_BREAK);
    parts.forEach((part, index) => {
      if (index > 0) out.push(PAGE_BREAK);
      // Tabs as spaces; winAnsiText would turn them into one space each and lose the indent.
      const line = winAnsiText(part.replace(/\t/g, "    ")).trimEnd();
      if (index > 0 && line === "") return;
      out.push(...wrapLine(line, font, width));
    });
  }
  return out;
}

/** One line wrapped at spaces; a word wider than the line is cut where it must be. */
function wrapLine(line: string, font: PDFFont, width: number): string[] {
  if (font.widthOfTextAtSize(line, SIZE) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? "";
  const lines: string[] = [];
  let current = indent;
  for (const word of line.slice(indent.length).split(/ +/)) {
    const candidate = current.trim() === "" ? `${current}${word}` : `${current} ${word}`;
    if (font.widthOfTextAtSize(candidate, SIZE) <= width) {
      current = candidate;
      continue;
    }
    if (current.trim() !== "") lines.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, SIZE) > width) {
      let cut = current.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), SIZE) > width) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current.trim() !== "") lines.push(current);
  return lines;
}

/** Lines into pages of `perPage`, a new page at each form feed; at least one page. */
function paginate(lines: readonly string[], perPage: number): string[][] {
  const pages: string[][] = [[]];
  for (const line of lines) {
    const page = pages[pages.length - 1] as string[];
    if (line === PAGE_BREAK) {
      if (page.length > 0) pages.push([]);
      continue;
    }
    if (page.length >= perPage) pages.push([line]);
    else page.push(line);
  }
  return pages;
}
