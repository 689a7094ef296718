/**
 * @module OCR for PDF pages without a text layer: which pages need it, reading them (tesseract.ts, the
 * only part that runs programs), and putting their text into the extracted document (ocr-lines.ts).
 * Called by the step that reads files (parseSource with `ocr`), never by the recognisers, which see OCR
 * text as lines like any other, marked with their confidence.
 */
import { NO_TEXT_LAYER_NOTE } from "../extract/pdf.js";
import type { ExtractedDocument, SourceFile } from "../types.js";
import { pagesWithoutText, withOcrText } from "./ocr-lines.js";
import { type OcrOptions, ocrPdfPages } from "./tesseract.js";

export type { OcrPageText } from "./ocr-lines.js";
export { pagesWithoutText, withOcrText } from "./ocr-lines.js";
export type { OcrOptions, OcrResult } from "./tesseract.js";
export { ocrPdfPages } from "./tesseract.js";
export { type OcrLine, pageConfidence, parseTesseractTsv } from "./tesseract-tsv.js";

/**
 * The document with the text of its PDF pages that have none read by OCR. Other formats, and PDFs whose
 * every page has text, come back as they are, without starting a program.
 *
 * @example
 * const doc = await withTextByOcr(source, await extract(source), { onPage: (done, total) => ... });
 */
export async function withTextByOcr(
  source: SourceFile,
  doc: ExtractedDocument,
  options: OcrOptions = {},
): Promise<ExtractedDocument> {
  if (doc.format !== "pdf") return doc;
  const pages = pagesWithoutText(doc);
  if (pages.length === 0) return doc;
  const result = await ocrPdfPages(source, pages, options);
  const read = withOcrText(doc, result.pages);
  // "No text layer" is no longer news once OCR has given the pages text.
  const notes = read.ocr?.length ? read.notes.filter((note) => note !== NO_TEXT_LAYER_NOTE) : read.notes;
  return { ...read, notes: [...notes, ...result.notes] };
}
