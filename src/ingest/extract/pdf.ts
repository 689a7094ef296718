/**
 * @module Extraction of PDF files with pdf.js: text items grouped into lines by their baseline, with
 * page numbers, font size and boldness per line (the cues recognition uses for headings).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { IngestError } from "../ingest-error.js";
import type { ExtractedDocument, SourceFile, SourceLine } from "../types.js";

/** The part of a pdf.js text item that line building needs. */
interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly hasEOL: boolean;
}

/** A run of text placed on the page: x from the left, y from the bottom (PDF user space). */
interface PlacedRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly bold: boolean;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js is large: load it only when a PDF actually arrives. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** pdf.js warns about every standard font unless it is told where its own font files are. */
function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve("pdfjs-dist/package.json");
  return `${pathToFileURL(join(dirname(packageJson), "standard_fonts")).href}/`;
}

/**
 * Extracts the text of a PDF, one SourceLine per visual line, numbered across the whole document.
 * A vertical gap clearly larger than the line spacing becomes one blank line, so paragraph breaks survive
 * as they do in the text seeds. Encrypted or unreadable files throw an IngestError.
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
    standardFontDataUrl: standardFontDataUrl(),
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
    const lines: SourceLine[] = [];
    const notes: string[] = [];
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
      const page = await doc.getPage(pageNumber);
      // Fonts reach commonObjs (with their real names, e.g. "ABCDEF+Calibri-Bold") only once the page's
      // operator list has been built; text content alone gives generic family names.
      await page.getOperatorList();
      const content = await page.getTextContent();
      const runs: PlacedRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const run = toRun(item as PdfTextItem, (name) => isBoldFont(page.commonObjs, name));
        if (run) runs.push(run);
      }
      const pageLines = buildLines(runs);
      for (const pageLine of pageLines) {
        const line = lines.length + 1;
        if (pageLine === null) {
          lines.push({ line, page: pageNumber, text: "" });
        } else {
          lines.push({ line, page: pageNumber, ...pageLine });
        }
      }
      page.cleanup();
    }
    if (lines.every((line) => line.text.trim() === "")) {
      notes.push("the PDF has no text layer (scanned pages?)");
    }
    return { format: "pdf", pages: doc.numPages, lines, notes };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(source.file, "the PDF is broken and its text cannot be read", { cause: error });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Maps pdf.js's open errors to one readable line. */
function pdfOpenError(file: string, error: unknown): IngestError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return new IngestError(file, "the PDF is encrypted", { cause: error });
  return new IngestError(file, "the PDF is broken and cannot be opened", { cause: error });
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
  // Only horizontal text makes lines; rotated margin text (b or c non-zero) is read as its own lines.
  const fontSize = Math.round(Math.max(Math.hypot(a, b), Math.hypot(c, d)) * 10) / 10;
  if (item.str === "" && !item.hasEOL) return null;
  return {
    text: item.str,
    x,
    y,
    width: item.width,
    fontSize,
    bold: item.str.trim() !== "" && bold(item.fontName),
  };
}

/** Builds the lines of one page, top to bottom; null stands for a blank line (a paragraph gap). */
export function buildLines(runs: readonly PlacedRun[]): (Omit<SourceLine, "line" | "page"> | null)[] {
  const visible = runs.filter((run) => run.text.trim() !== "");
  // Runs whose baselines lie within a third of the font size share a line: superscripts and mixed
  // fonts on one line differ by a little, neighbouring lines by a whole line height. Sorted by height,
  // a run only needs comparing with the line being built, which keeps a crowded page linear.
  const sorted = [...visible].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: PlacedRun[][] = [];
  let open: PlacedRun[] | null = null;
  for (const run of sorted) {
    const first = open?.[0];
    if (open && first && Math.abs(first.y - run.y) <= Math.max(first.fontSize, run.fontSize) / 3) {
      open.push(run);
    } else {
      open = [run];
      groups.push(open);
    }
  }
  const built = groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const run of group) {
      // A gap wider than a quarter of the font size is a space that the PDF left implicit.
      if (
        text !== "" &&
        run.x - end > run.fontSize * 0.25 &&
        !text.endsWith(" ") &&
        !run.text.startsWith(" ")
      ) {
        text += " ";
      }
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    const size = Math.max(...group.map((run) => run.fontSize));
    const bold = group.every((run) => run.bold || run.text.trim() === "");
    return { y: group[0]!.y, size, line: { text, fontSize: size, bold } };
  });
  // A paragraph gap is a step between lines clearly larger than the page's usual line step, measured
  // in font sizes so that headings and footnotes do not set the measure.
  const steps = built
    .slice(1)
    .map((current, index) => (built[index]!.y - current.y) / Math.max(current.size, built[index]!.size))
    .filter((step) => step > 0);
  // The lower quartile, held to the range of ordinary leading: a page of few lines has more gaps than
  // lines, and its median would be a paragraph gap.
  const usual = Math.min(1.5, Math.max(1.05, quantile(steps, 0.25) ?? 1.2));
  const out: (Omit<SourceLine, "line" | "page"> | null)[] = [];
  built.forEach((current, index) => {
    const previous = built[index - 1];
    if (previous) {
      const step = (previous.y - current.y) / Math.max(previous.size, current.size);
      if (step > Math.max(usual * 1.4, usual + 0.5)) out.push(null);
    }
    out.push(current.line);
  });
  return out;
}

function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)];
}
