/**
 * @module OCR of PDF pages by the system's own programs: each page rasterised by pdftoppm (poppler-utils)
 * and read by Tesseract (tesseract-ocr with tesseract-ocr-dan), each run as a process. Like
 * read-source.ts this is an edge of ingest that touches the system (a temporary folder, child processes);
 * what comes back is parsed by the pure tesseract-tsv.ts.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceFile } from "../types.js";
import type { OcrPageText } from "./ocr-lines.js";
import { parseTesseractTsv } from "./tesseract-tsv.js";

export interface OcrOptions {
  /** Called when a page is done, with how many of the pages asked for are done. */
  readonly onPage?: ((done: number, total: number, page: number) => void) | undefined;
  /** Resolution pages are rasterised at. 200 dpi reads the 8-10 pt type of scanned minutes as well as 300 does, in about two thirds of the time. */
  readonly dpi?: number | undefined;
  /** Tesseract's language: Danish, which also reads the English words a Danish record holds. */
  readonly language?: string | undefined;
  /** The programs, by name on PATH unless given. */
  readonly tesseract?: string | undefined;
  readonly pdftoppm?: string | undefined;
}

/** What OCR of some pages gave: the text of each page read, and a note for each thing that went wrong. */
export interface OcrResult {
  readonly pages: readonly OcrPageText[];
  readonly notes: readonly string[];
}

const DEFAULT_DPI = 200;
const DEFAULT_LANGUAGE = "dan";
/** Longest one program may take on one page before it is stopped (a page takes seconds). */
const PAGE_TIMEOUT_MS = 5 * 60 * 1000;
/**
 * Tesseract runs one thread per page (OMP_THREAD_LIMIT=1: its own threads gain little and fight each
 * other) and pages run side by side up to this many, as far as the machine has cores.
 */
const MAX_PARALLEL_PAGES = 2;

/**
 * Reads the given pages of a PDF by OCR. Missing programs or language data give one note and no text
 * (never an error: the file is still imported, its scanned pages without text); a page that fails gives
 * a note naming it, and the other pages are still read.
 *
 * @example
 * const { pages, notes } = await ocrPdfPages(source, [1, 2], { onPage: (done, total) => bar.update(done) });
 */
export async function ocrPdfPages(
  source: SourceFile,
  pages: readonly number[],
  options: OcrOptions = {},
): Promise<OcrResult> {
  if (pages.length === 0) return { pages: [], notes: [] };
  const tesseract = options.tesseract ?? "tesseract";
  const pdftoppm = options.pdftoppm ?? "pdftoppm";
  const language = options.language ?? DEFAULT_LANGUAGE;
  const dpi = options.dpi ?? DEFAULT_DPI;
  const which = describePages(pages);
  const engine = await tesseractVersion(tesseract);
  if (engine === null) {
    return {
      pages: [],
      notes: [
        `${which} no text layer and Tesseract is not installed, so they stay without text (install tesseract-ocr and tesseract-ocr-${language})`,
      ],
    };
  }
  if (!(await tesseractLanguages(tesseract)).includes(language)) {
    return {
      pages: [],
      notes: [
        `${which} no text layer and Tesseract has no "${language}" language data, so they stay without text (install tesseract-ocr-${language})`,
      ],
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "raadsinfo-ocr-"));
  try {
    const pdf = join(dir, "source.pdf");
    await writeFile(pdf, source.bytes);
    const read: OcrPageText[] = [];
    const notes: string[] = [];
    let done = 0;
    let missingRasteriser = false;
    const readPage = async (page: number): Promise<void> => {
      if (missingRasteriser) return;
      const image = join(dir, `page-${page}`);
      try {
        await run(pdftoppm, [
          "-f",
          String(page),
          "-l",
          String(page),
          "-r",
          String(dpi),
          "-gray",
          "-singlefile",
          pdf,
          image,
        ]);
      } catch (error) {
        if (isMissingProgram(error)) {
          missingRasteriser = true;
          return;
        }
        notes.push(`page ${page} cannot be rasterised for OCR (${processError(error)})`);
        return;
      }
      try {
        // --psm 1: page segmentation with orientation detection, so a scan lying on its side (the
        // Ballerup annex in ../shared/real-pdf) is turned before it is read. Inverted-text detection is
        // off: council records are dark type on light paper, and it costs a second pass.
        const tsv = await run(
          tesseract,
          [
            `${image}.pgm`,
            "stdout",
            "-l",
            language,
            "--psm",
            "1",
            "--dpi",
            String(dpi),
            "-c",
            "tessedit_do_invert=0",
            "tsv",
          ],
          { OMP_THREAD_LIMIT: "1" },
        );
        read.push({ page, lines: parseTesseractTsv(tsv), engine, language });
      } catch (error) {
        notes.push(`page ${page} cannot be read by OCR (${processError(error)})`);
      } finally {
        await rm(`${image}.pgm`, { force: true });
        done++;
        options.onPage?.(done, pages.length, page);
      }
    };
    const queue = [...pages];
    const workers = Array.from(
      { length: Math.min(MAX_PARALLEL_PAGES, availableParallelism(), pages.length) },
      async () => {
        for (let page = queue.shift(); page !== undefined; page = queue.shift()) await readPage(page);
      },
    );
    await Promise.all(workers);
    if (missingRasteriser) {
      notes.push(
        `${which} no text layer and pdftoppm is not installed, so they stay without text (install poppler-utils)`,
      );
    }
    read.sort((a, b) => a.page - b.page);
    return { pages: read, notes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "page 3 has", "pages 1-8 have", "pages 2, 5 have". */
function describePages(pages: readonly number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  if (sorted.length === 1) return `page ${first} has`;
  const runs = last - first + 1 === sorted.length ? `${first}-${last}` : sorted.join(", ");
  return `pages ${runs} have`;
}

/** "tesseract 5.3.0", or null when the program is not there. */
async function tesseractVersion(tesseract: string): Promise<string | null> {
  try {
    const out = await run(tesseract, ["--version"]);
    const version = /tesseract\s+v?([\d.]+\S*)/i.exec(out)?.[1];
    return version ? `tesseract ${version}` : "tesseract";
  } catch {
    return null;
  }
}

async function tesseractLanguages(tesseract: string): Promise<string[]> {
  try {
    const out = await run(tesseract, ["--list-langs"]);
    return out
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line !== "");
  } catch {
    return [];
  }
}

/** Runs a program to its end and returns its standard output; rejects with its error and stderr. */
function run(
  program: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: PAGE_TIMEOUT_MS,
        env: { ...process.env, ...env },
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve(stdout);
      },
    );
  });
}

function isMissingProgram(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/** The reason a program failed, on one line. */
function processError(error: unknown): string {
  const failure = error as (Error & { stderr?: string; killed?: boolean }) | undefined;
  if (failure?.killed) return "it took too long and was stopped";
  const stderr = (failure?.stderr ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^(Estimating resolution|Warning\b)/i.test(line));
  return (stderr.at(-1) ?? failure?.message ?? String(error)).slice(0, 200);
}
