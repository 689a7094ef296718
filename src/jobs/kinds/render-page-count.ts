/** @module The number of pages of a PDF the render jobs made, for the builder's "12 sider". */
import { PDFDocument } from "pdf-lib";

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPageCount();
}
