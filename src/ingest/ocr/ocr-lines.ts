/**
 * @module Puts the lines OCR read into an extracted document, on the pages that had no text, and records
 * each such page's provenance. Pure: the reading is done elsewhere (tesseract.ts).
 */
import type { OcrPage } from "../../domain/index.js";
import type { ExtractedDocument, SourceLine } from "../types.js";
import { type OcrLine, pageConfidence } from "./tesseract-tsv.js";

/** What OCR read of one page, and with what. */
export interface OcrPageText {
  readonly page: number;
  readonly lines: readonly OcrLine[];
  readonly engine: string;
  readonly language: string;
}

/**
 * The document with each OCR'd page's lines in place of its empty ones, lines numbered anew from 1 in
 * page order (a PDF's line numbers are those of its extracted text, which now holds the OCR text), each
 * OCR line carrying its confidence, a blank line where Tesseract's paragraph changes, and `ocr` listing
 * the pages read so with their line range and mean confidence. A page that has text keeps it: OCR only
 * fills what the text layer lacks.
 *
 * @example
 * const read = withOcrText(extracted, [{ page: 3, lines, engine: "tesseract 5.3.0", language: "dan" }]);
 * read.ocr; // [{ page: 3, lineStart: 40, lineEnd: 71, engine: "tesseract 5.3.0", language: "dan", confidence: 91.2 }]
 */
export function withOcrText(doc: ExtractedDocument, pages: readonly OcrPageText[]): ExtractedDocument {
  const byPage = new Map<number, OcrPageText>();
  for (const page of pages) if (page.lines.length > 0) byPage.set(page.page, page);
  if (byPage.size === 0) return doc;
  const linesByPage = new Map<number, SourceLine[]>();
  for (const line of doc.lines) {
    const list = linesByPage.get(line.page) ?? [];
    list.push(line);
    linesByPage.set(line.page, list);
  }
  const lines: SourceLine[] = [];
  const ocr: OcrPage[] = [...(doc.ocr ?? [])];
  const pageCount = Math.max(doc.pages, ...linesByPage.keys());
  for (let page = 1; page <= pageCount; page++) {
    const own = linesByPage.get(page) ?? [];
    const read = byPage.get(page);
    if (!read || own.some((line) => line.text.trim() !== "")) {
      for (const line of own) lines.push({ ...line, line: lines.length + 1 });
      continue;
    }
    const lineStart = lines.length + 1;
    let paragraph: string | null = null;
    for (const ocrLine of read.lines) {
      if (paragraph !== null && ocrLine.paragraph !== paragraph) {
        lines.push({ line: lines.length + 1, page, text: "" });
      }
      paragraph = ocrLine.paragraph;
      lines.push({ line: lines.length + 1, page, text: ocrLine.text, ocrConfidence: ocrLine.confidence });
    }
    ocr.push({
      page,
      lineStart,
      lineEnd: lines.length,
      engine: read.engine,
      language: read.language,
      confidence: pageConfidence(read.lines),
    });
  }
  return { ...doc, lines, ocr };
}

/** Pages of a document with no text on them: what OCR is asked to read. */
export function pagesWithoutText(doc: ExtractedDocument): number[] {
  const withText = new Set(doc.lines.filter((line) => line.text.trim() !== "").map((line) => line.page));
  const pages: number[] = [];
  for (let page = 1; page <= doc.pages; page++) if (!withText.has(page)) pages.push(page);
  return pages;
}
