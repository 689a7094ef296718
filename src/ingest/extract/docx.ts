/**
 * @module Extraction of Word (.docx) files with mammoth: raw text, one page (a .docx has no fixed pages).
 */
import mammoth from "mammoth";
import { IngestError } from "../ingest-error.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";

/**
 * Extracts the raw text of a .docx file as numbered lines on page 1. mammoth ends every paragraph with
 * a blank line, which is the paragraph break that cleaning expects.
 *
 * @example
 * const doc = await extractDocx({ file: "dagsorden.docx", bytes, sha256 });
 */
export async function extractDocx(source: SourceFile): Promise<ExtractedDocument> {
  let value: string;
  let messages: readonly { message: string }[];
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(source.bytes) });
    value = result.value;
    messages = result.messages;
  } catch (error) {
    throw new IngestError(source.file, "the DOCX file is broken and cannot be read", { cause: error });
  }
  const text = value.replace(/\n+$/, "");
  const lines: SourceLine[] = text.split(/\r?\n/).map((lineText, index) => ({
    line: index + 1,
    page: 1,
    text: lineText,
  }));
  const notes = messages.map((message) => `mammoth: ${message.message}`);
  return { format: "docx", pages: 1, lines, notes };
}
