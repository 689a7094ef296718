/**
 * @module Extraction of PDF files with pdf.js: text items grouped into lines by their baseline, with
 * page numbers, font size and boldness per line (the cues recognition uses for headings).
 */
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { IngestError } from "../ingest-error.js";
import { checkPdfPages, checkTextLength } from "../limits.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";
import { buildPageLines, type PlacedRun } from "./pdf-lines.js";

/** The part of a pdf.js text item that line building needs. */
interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly hasEOL: boolean;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js is large: load it only when a PDF actually arrives. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** The note for a PDF without any text: its pages are images (scanned), read only by OCR. */
export const NO_TEXT_LAYER_NOTE = "the PDF has no text layer (scanned pages?)";

/**
 * Folders of pdf.js's own data files: standard fonts (else it warns for every unembedded font and
 * guesses glyph widths), character maps (CJK and other CID fonts) and its WebAssembly image decoders.
 * In Node pdf.js reads these with fs.readFile, so they are plain paths ending in a separator, not
 * file:// URLs (a URL string fails to load, as a test with pdf.js 5.4 showed).
 */
export function pdfJsDataPaths(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  return {
    standardFontDataUrl: join(root, "standard_fonts") + sep,
    cMapUrl: join(root, "cmaps") + sep,
    wasmUrl: join(root, "wasm") + sep,
  };
}

/**
 * Extracts the text of a PDF, one SourceLine per visual line, numbered across the whole document.
 * A vertical gap clearly larger than the line spacing becomes one blank line, so paragraph breaks survive
 * as they do in the text seeds. Encrypted or unreadable files throw an IngestError, and so does a PDF over
 * MAX_PDF_PAGES pages or MAX_TEXT_CHARS characters (limits.ts).
 *
 * @example
 * const doc = await extractPdf({ file: "referat.pdf", bytes, sha256 });
 * doc.lines.filter((l) => l.bold); // headings
 */
export async function extractPdf(source: SourceFile): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs();
  // pdf.js may take over (detach) the buffer it is given; keep the caller's bytes intact.
  const data = new Uint8Array(source.bytes);
  const task = pdfjs.getDocument({
    data,
    ...pdfJsDataPaths(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(source.file, error);
  }
  try {
    // Before any page is read: each costs its operator list and text content.
    checkPdfPages(source.file, doc.numPages);
    const lines: SourceLine[] = [];
    const notes: string[] = [];
    let chars = 0;
    const unreadable: number[] = [];
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
      let pageLines: ReturnType<typeof buildPageLines>;
      try {
        pageLines = await readPageLines(doc, pageNumber);
      } catch (error) {
        // One damaged page (a content stream that does not inflate, a page object missing) costs that
        // page, not the file: its place is kept as an empty page and a note names it.
        unreadable.push(pageNumber);
        notes.push(`page ${pageNumber} of the PDF cannot be read (${errorText(error)}) and is left out`);
        lines.push({ line: lines.length + 1, page: pageNumber, text: "" });
        continue;
      }
      for (const pageLine of pageLines) {
        const line = lines.length + 1;
        if (pageLine === null) {
          lines.push({ line, page: pageNumber, text: "" });
        } else {
          lines.push({ line, page: pageNumber, ...pageLine });
          chars += pageLine.text.length;
        }
      }
      // A PDF can hold far more text than its size suggests (compressed content streams): stop reading
      // pages once the text is over the limit.
      checkTextLength(source.file, chars);
    }
    if (unreadable.length === doc.numPages) {
      throw new IngestError(source.file, "the PDF is broken: none of its pages can be read");
    }
    if (lines.every((line) => line.text.trim() === "")) {
      notes.push(NO_TEXT_LAYER_NOTE);
    }
    return { format: "pdf", pages: doc.numPages, lines, notes };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(source.file, "the PDF is broken and its text cannot be read", { cause: error });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * The lines of one page. pdf.js recovers what it can of a damaged page by itself; what it cannot
 * recover throws. Fonts' real names come from the operator list (see below): where only that fails, the
 * text is still read, without boldness.
 */
async function readPageLines(
  doc: PdfDocument,
  pageNumber: number,
): Promise<ReturnType<typeof buildPageLines>> {
  const page = await doc.getPage(pageNumber);
  try {
    // Fonts reach commonObjs (with their real names, e.g. "ABCDEF+Calibri-Bold") only once the page's
    // operator list has been built; text content alone gives generic family names.
    const withFonts = await page
      .getOperatorList()
      .then(() => true)
      .catch(() => false);
    const content = await page.getTextContent();
    const runs: PlacedRun[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const run = toRun(item as PdfTextItem, (name) => withFonts && isBoldFont(page.commonObjs, name));
      if (run) runs.push(run);
    }
    return buildPageLines(runs);
  } finally {
    page.cleanup();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

/** pdf.js's reason for a failure, on one line. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 200) || "unknown error";
}

/** Maps pdf.js's open errors to one readable line. */
function pdfOpenError(file: string, error: unknown): IngestError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return new IngestError(file, "the PDF is encrypted", { cause: error });
  return new IngestError(
    file,
    `the PDF is broken and cannot be opened (${errorText(error).replace(/\.$/, "")})`,
    {
      cause: error,
    },
  );
}

interface CommonObjs {
  has(id: string): boolean;
  get(id: string): unknown;
}

const boldCache = new Map<string, boolean>();

/** A font is bold when pdf.js says so or its PostScript name says Bold/Black/Heavy/Semibold. */
function isBoldFont(commonObjs: CommonObjs, fontName: string): boolean {
  if (!commonObjs.has(fontName)) return false;
  const font = commonObjs.get(fontName) as { name?: unknown; bold?: unknown; black?: unknown } | null;
  if (!font) return false;
  if (font.bold === true || font.black === true) return true;
  const name = typeof font.name === "string" ? font.name : "";
  const known = boldCache.get(name);
  if (known !== undefined) return known;
  const bold = /bold|black|heavy|semibold|demi/i.test(name.replace(/^[A-Z]{6}\+/, ""));
  boldCache.set(name, bold);
  return bold;
}

function toRun(item: PdfTextItem, bold: (fontName: string) => boolean): PlacedRun | null {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  const fontSize = Math.round(Math.max(Math.hypot(a, b), Math.hypot(c, d)) * 10) / 10;
  if (item.str === "" && !item.hasEOL) return null;
  return {
    text: item.str,
    x,
    y,
    width: item.width,
    fontSize,
    bold: item.str.trim() !== "" && bold(item.fontName),
    // Text turned more than 45 degrees (b dominating a) runs along the margin, not across the page.
    rotated: Math.abs(b) > Math.abs(a),
  };
}
