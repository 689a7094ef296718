/**
 * @module Extraction of plain text files (.txt exports of meeting PDFs): decoding, lines and pages.
 */
import { checkTextLength } from "../limits.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";
import { decodeWindows1252 } from "./windows-1252.js";

/**
 * Splits a text file into numbered lines with page numbers.
 *
 * Refuses a text of more than MAX_TEXT_CHARS characters (limits.ts) before splitting it.
 *
 * Decoding: UTF-8; bytes that are not valid UTF-8 are taken as Windows-1252 (the encoding of older
 * Danish Word and PDF exports), with a note; UTF-16 with a byte order mark is decoded as such. A BOM is
 * dropped.
 *
 * Pages: the text seeds come from a PDF-to-text tool that starts every PDF page with a line that
 * begins with exactly one space followed by text (seeds/004 lines 25, 80, 163 ... ' SIDE  |  11' at
 * 684), while lines inside a page start at the margin. Line 1 is page 1 whatever it starts with. A form
 * feed, which pdftotext writes between pages, also starts a page and is removed.
 *
 * @example
 * extractText({ file: "a.txt", bytes, sha256 }).lines[0]; // { line: 1, page: 1, text: "..." }
 */
export function extractText(source: SourceFile): ExtractedDocument {
  const notes: string[] = [];
  const text = decodeText(source.bytes, notes);
  // Before the split into lines, which costs an object per line.
  checkTextLength(source.file, text.length);
  // Classic Mac files end lines with CR alone; anything else splits on LF with an optional CR.
  const rawLines = text.includes("\n") ? text.split(/\r?\n/) : text.split("\r");
  // A file that ends with a newline has no line after it.
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === "") rawLines.pop();
  const lines: SourceLine[] = [];
  let page = 1;
  rawLines.forEach((raw, index) => {
    let lineText = raw;
    if (lineText.includes("\f")) {
      if (index > 0 && lineText.startsWith("\f")) page++;
      lineText = lineText.replaceAll("\f", "");
    } else if (index > 0 && startsPdfPage(lineText)) {
      page++;
    }
    lines.push({ line: index + 1, page, text: lineText });
  });
  return { format: "text", pages: page, lines, notes };
}

/** True for a line that opens a PDF page in the seeds' layout: one space, then a non-space. */
export function startsPdfPage(text: string): boolean {
  return text.length > 1 && text[0] === " " && text[1] !== " " && /\S/.test(text[1] ?? "");
}

/** Decodes the bytes of a text file, noting any conversion. */
export function decodeText(bytes: Uint8Array, notes: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    notes.push("decoded as UTF-16 (little-endian)");
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    notes.push("decoded as UTF-16 (big-endian)");
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return decodeMixed(bytes, notes);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * Decodes a file that is not valid UTF-8 line by line: a line that is valid UTF-8 stays so, any other
 * is read as Windows-1252. A Windows export is then converted whole, and a UTF-8 file with a few
 * pasted Windows-1252 lines keeps its "æøå" instead of turning them into "Ã¦Ã¸Ã¥".
 */
function decodeMixed(bytes: Uint8Array, notes: string[]): string {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let converted = 0;
  let lines = 0;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    lines++;
    try {
      parts.push(utf8.decode(line));
    } catch {
      parts.push(decodeWindows1252(line));
      converted++;
    }
    start = end + 1;
  }
  notes.push(
    converted === lines
      ? "converted from Windows-1252 (the file is not valid UTF-8)"
      : `converted ${converted} of ${lines} lines from Windows-1252 (they are not valid UTF-8)`,
  );
  return parts.join("\n");
}
