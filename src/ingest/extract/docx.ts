/**
 * @module Extraction of Word (.docx) files with mammoth: raw text as lines, with pages where Word marks
 * them. The zip is read through a bounded reader (zip-archive.ts), so size limits hold before anything
 * is inflated.
 */
import { IngestError } from "../ingest-error.js";
import { checkDocxEntries, checkDocxPartSize, checkDocxUnpackedSize } from "../limits.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";
import {
  countZipEntries,
  readZipDirectory,
  readZipEntry,
  type ZipEntry,
  ZipEntryTooLargeError,
  ZipFormatError,
} from "./zip-archive.js";

/**
 * Stand-ins for the two page breaks mammoth's raw text drops. They are Unicode noncharacters (U+FDD0,
 * U+FDD1), reserved for a program's internal use, so no document text means them; any the file holds
 * are removed first.
 */
const EXPLICIT_BREAK = "\uFDD0";
const RENDERED_BREAK = "\uFDD1";

/**
 * Extracts the raw text of a .docx file as numbered lines, paragraphs two blank lines apart, each line
 * on its page. Refuses, before inflating anything, a file whose zip declares more than
 * MAX_DOCX_UNPACKED_BYTES or MAX_DOCX_ENTRIES; before inflating an XML part mammoth asks for, one that
 * declares more than MAX_DOCX_PART_BYTES; and while inflating, an entry that holds more than it declares.
 *
 * Pages: a .docx has no fixed pages, but Word records two kinds of break in document.xml: an explicit
 * page break (`<w:br w:type="page"/>`) and, on every save, where its layout last broke the page
 * (`<w:lastRenderedPageBreak/>`). Both start a page. Word writes a rendered break right after an
 * explicit one as well (the same break, seen twice), so a rendered break with no text since the last
 * break is not counted again. A break inside a paragraph (a paragraph running over a page end) splits
 * the paragraph into two lines, as a PDF does.
 *
 * @example
 * const doc = await extractDocx({ file: "dagsorden.docx", bytes, sha256 });
 * doc.lines.find((l) => l.text.startsWith("2.1"))?.page; // 2
 */
export async function extractDocx(source: SourceFile): Promise<ExtractedDocument> {
  const docxFile = openBoundedDocx(source);
  let value: string;
  let messages: readonly { message: string }[];
  try {
    // mammoth's `file` input (lib/unzip.js) takes an opened archive: exists(name) and read(name,
    // encoding). Handing it ours keeps JSZip, which inflates without limit, out of the way.
    // Loaded on the first DOCX: mammoth takes a third of a second to load, which a text or PDF never needs.
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.extractRawText({ file: docxFile } as unknown as { buffer: Buffer });
    value = result.value;
    messages = result.messages;
  } catch (error) {
    // A part over its limit, refused from inside mammoth's read.
    if (error instanceof IngestError) throw error;
    if (error instanceof ZipEntryTooLargeError) {
      throw new IngestError(
        source.file,
        `the DOCX entry ${error.entry.name} unpacks to more than the ${error.entry.uncompressedSize} bytes it declares`,
        { cause: error },
      );
    }
    throw new IngestError(source.file, "the DOCX file is broken and cannot be read", { cause: error });
  }
  // mammoth ends each paragraph with one blank line. A paragraph is a logical line, not a visual one, so
  // the gap is widened to two blank lines: cleaning reads a steady one-blank rhythm as double spacing
  // (seeds/004) and would run paragraphs together.
  const texts = value
    .replace(/\n+$/, "")
    .replace(/\r?\n(?:[ \t]*\r?\n)+/g, "\n\n\n")
    .split(/\r?\n/);
  const { lines, pages } = linesWithPages(texts);
  const notes = messages.map((message) => `mammoth: ${message.message}`);
  return { format: "docx", pages, lines, notes };
}

/** The archive as mammoth reads it, after the limits on its declared size and entry count. */
interface BoundedDocx {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/**
 * Checks the zip's declared entry count and unpacked size (central directory only) and returns a reader
 * that inflates an entry only when mammoth asks for it, capped at its declared size. document.xml and
 * any other XML part get their page breaks turned into the stand-in characters.
 */
function openBoundedDocx(source: SourceFile): BoundedDocx {
  let entries: ZipEntry[];
  try {
    checkDocxEntries(source.file, countZipEntries(source.bytes));
    entries = readZipDirectory(source.bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw new IngestError(source.file, "the DOCX file is broken and cannot be read", { cause: error });
    }
    throw error;
  }
  checkDocxEntries(source.file, entries.length);
  checkDocxUnpackedSize(
    source.file,
    entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0),
  );
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return {
    exists: (name) => byName.has(name),
    read: async (name, encoding) => {
      const entry = byName.get(name);
      if (!entry) throw new ZipFormatError(`no entry ${name}`);
      // mammoth parses every part it reads as text into a DOM: those get a limit of their own.
      if (encoding) checkDocxPartSize(source.file, name, entry.uncompressedSize);
      const bytes = readZipEntry(source.bytes, entry);
      if (encoding === "base64") return Buffer.from(bytes).toString("base64");
      if (!encoding) return bytes;
      const text = new TextDecoder(encoding).decode(bytes);
      return name.endsWith(".xml") ? markPageBreaks(text) : text;
    },
  };
}

/**
 * Replaces Word's page breaks with a text run holding a stand-in character, which mammoth's raw text
 * keeps in place. Both elements sit inside a run (`<w:r>`), where `<w:t>` is valid. Word always writes
 * the `w:` prefix for the WordprocessingML namespace.
 */
function markPageBreaks(xml: string): string {
  if (!xml.includes("PageBreak") && !xml.includes("w:br")) return xml;
  return xml
    .replace(/[\uFDD0\uFDD1]/g, "")
    .replace(/<w:br\b[^>]*?\bw:type\s*=\s*["']page["'][^>]*?\/>/g, `<w:t>${EXPLICIT_BREAK}</w:t>`)
    .replace(/<w:lastRenderedPageBreak\s*\/>/g, `<w:t>${RENDERED_BREAK}</w:t>`);
}

/** Numbers the lines and gives each its page, splitting a line where a break falls inside it. */
function linesWithPages(texts: readonly string[]): { lines: SourceLine[]; pages: number } {
  const lines: SourceLine[] = [];
  let page = 1;
  // Whether the current page has text yet: a rendered break on an empty page repeats the last break.
  let pageHasText = false;
  const push = (text: string): void => {
    lines.push({ line: lines.length + 1, page, text });
    if (text.trim() !== "") pageHasText = true;
  };
  for (const text of texts) {
    if (!text.includes(EXPLICIT_BREAK) && !text.includes(RENDERED_BREAK)) {
      push(text);
      continue;
    }
    let pushed = false;
    let current = "";
    for (const piece of text.split(/([\uFDD0\uFDD1])/)) {
      if (piece !== EXPLICIT_BREAK && piece !== RENDERED_BREAK) {
        current += piece;
        continue;
      }
      // Text before the break stays on the page it ends; white space alone is dropped.
      if (current.trim() !== "") {
        push(current);
        pushed = true;
      }
      current = "";
      if (piece === EXPLICIT_BREAK || pageHasText) {
        page++;
        pageHasText = false;
      }
    }
    // A paragraph that held only a break stays as a blank line, so the blank-line rhythm is kept.
    if (current.trim() !== "" || !pushed) push(current.trim() === "" ? "" : current);
  }
  return { lines, pages: page };
}
