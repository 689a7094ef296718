/**
 * @module The extract stage: one dispatcher that picks the extractor for a file by its bytes
 * (and its name where the bytes say "zip") and refuses files that are no document at all.
 */
import { IngestError } from "../ingest-error.js";
import { checkTextLength } from "../limits.js";
import type { ExtractedDocument, SourceFile } from "../types.js";
import { extractDocx } from "./docx.js";
import { extractHtml } from "./html.js";
import { extractPdf } from "./pdf.js";
import { extractText } from "./text.js";

export { extractDocx } from "./docx.js";
export { extractHtml } from "./html.js";
export { extractPdf } from "./pdf.js";
export { extractText, startsPdfPage } from "./text.js";

/** Largest file ingest accepts: the issue asks for a clean refusal of a 200 MB file. */
export const MAX_SOURCE_BYTES = 200 * 1024 * 1024;

/** What a file's bytes say it is. */
export type SniffedFormat = "pdf" | "docx" | "html" | "text" | "binary" | "empty";

/**
 * Extracts any supported file: PDF by its "%PDF" signature (anywhere in the first KiB, as pdf.js
 * allows), DOCX by the zip signature, plain text otherwise. Throws IngestError for an empty, binary,
 * oversized or unreadable file, and for one over a limit in limits.ts (text length, PDF pages, DOCX
 * unpacked size and entries).
 *
 * @example
 * const doc = await extract({ file: "referat.pdf", bytes, sha256 });
 */
export async function extract(source: SourceFile): Promise<ExtractedDocument> {
  if (source.bytes.length > MAX_SOURCE_BYTES) {
    throw new IngestError(source.file, `the file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
  }
  const format = sniffFormat(source.bytes, source.file);
  // A name that promises a PDF or a Word file over other bytes (an HTML error page saved as .pdf) is
  // refused rather than read as text.
  const extension = /\.([a-z0-9]+)$/i.exec(source.file)?.[1]?.toLowerCase();
  if (extension === "pdf" && format !== "pdf" && format !== "empty") {
    throw new IngestError(source.file, "the file is named .pdf but is not a PDF");
  }
  if (extension === "docx" && format !== "docx" && format !== "empty") {
    throw new IngestError(source.file, "the file is named .docx but is not a DOCX file");
  }
  const extracted = await extractByFormat(source, format);
  // Whatever the format, text beyond the limit is refused here, before cleaning and recognition.
  checkTextLength(
    source.file,
    extracted.lines.reduce((sum, line) => sum + line.text.length, 0),
  );
  return extracted;
}

function extractByFormat(source: SourceFile, format: SniffedFormat): Promise<ExtractedDocument> {
  switch (format) {
    case "empty":
      throw new IngestError(source.file, "the file is empty");
    case "pdf":
      return extractPdf(source);
    case "docx":
      return extractDocx(source);
    case "html":
      return Promise.resolve(extractHtml(source));
    case "text":
      return Promise.resolve(extractText(source));
    case "binary":
      throw new IngestError(source.file, "not a text, PDF or DOCX file");
  }
}

/** Decides the format from the bytes; the name only separates a .docx from other zip files. */
export function sniffFormat(bytes: Uint8Array, fileName = ""): SniffedFormat {
  if (bytes.length === 0) return "empty";
  const head = bytes.subarray(0, 1024);
  if (indexOfAscii(head, "%PDF-") >= 0) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip that is not a Word document (xlsx, odt, plain zip) has no word/ part.
    return fileName.toLowerCase().endsWith(".docx") || indexOfAscii(bytes.subarray(0, 65536), "word/") >= 0
      ? "docx"
      : "binary";
  }
  if (isUtf16Bom(bytes)) return "text";
  if (looksBinary(bytes.subarray(0, 65536))) return "binary";
  const hasText = bytes.some((byte) => byte > 0x20);
  if (!hasText) return "empty";
  return /\.html?$/i.test(fileName) || startsAsHtml(bytes) ? "html" : "text";
}

/**
 * A page that opens as HTML ("<!DOCTYPE html", "<html"), after a byte order mark and white space, is
 * HTML whatever its name; a text file that merely mentions a tag is not.
 */
function startsAsHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 256))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return /^(?:<!doctype\s+html\b|<html\b)/iu.test(head);
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** NUL bytes, or more than 2% control characters other than tab, newline, CR and form feed. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.02;
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const codes = [...needle].map((char) => char.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return i;
  }
  return -1;
}
