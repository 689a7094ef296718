/**
 * @module Extraction of Word (.docx) files with mammoth: raw text, one page (a .docx has no fixed pages).
 */
import mammoth from "mammoth";
import { IngestError } from "../ingest-error.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";

/**
 * Extracts the raw text of a .docx file as numbered lines on page 1, paragraphs two blank lines apart.
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
  // mammoth ends each paragraph with one blank line. A paragraph is a logical line, not a visual one, so
  // the gap is widened to two blank lines: cleaning reads a steady one-blank rhythm as double spacing
  // (seeds/004) and would run paragraphs together.
  const texts = value
    .replace(/\n+$/, "")
    .replace(/\r?\n(?:[ \t]*\r?\n)+/g, "\n\n\n")
    .split(/\r?\n/);
  const lines: SourceLine[] = texts.map((lineText, index) => ({ line: index + 1, page: 1, text: lineText }));
  const notes = messages.map((message) => `mammoth: ${message.message}`);
  return { format: "docx", pages: 1, lines, notes };
}
