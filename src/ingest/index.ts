/**
 * @module Ingest's public face: read a source file, extract it, parse it into a ParsedDocument.
 */
import type { ParsedDocument } from "../domain/index.js";
import { loadDanishWordChecker } from "./danish/word-checker.js";
import { extract } from "./extract/index.js";
import { type OcrOptions, withTextByOcr } from "./ocr/index.js";
import { parseExtracted } from "./parse.js";
import type { IngestOptions, SourceFile } from "./types.js";

// Search reads misspellings with it too (a query that finds nothing is corrected only where Hunspell
// rejects a word): the web and CLI hand it to search, which does not depend on ingest.
export { loadDanishWordChecker } from "./danish/word-checker.js";
export { IngestError, isIngestError } from "./ingest-error.js";
export {
  MAX_DOCX_ENTRIES,
  MAX_DOCX_PART_BYTES,
  MAX_DOCX_UNPACKED_BYTES,
  MAX_PDF_PAGES,
  MAX_TEXT_CHARS,
} from "./limits.js";
export type { OcrOptions } from "./ocr/index.js";
export { parseExtracted } from "./parse.js";
export {
  listSourceEntries,
  listSourceFiles,
  MAX_SOURCE_FILE_BYTES,
  readSourceFile,
  SOURCE_EXTENSIONS,
  type SourceEntry,
  sourceFileOf,
} from "./read-source.js";
export type { ExtractedDocument, IngestOptions, SourceFile, SourceLine, WordChecker } from "./types.js";

/** How parseSource reads a file: with `ocr`, PDF pages without a text layer are read by Tesseract. */
export interface ReadOptions {
  readonly ocr?: OcrOptions | undefined;
}

/**
 * Extracts and parses one source file; with `read.ocr`, scanned PDF pages are read by OCR first.
 *
 * @example
 * const doc = await parseSource(await readSourceFile(path), await loadIngestOptions(), { ocr: {} });
 */
export async function parseSource(
  source: SourceFile,
  options: IngestOptions,
  read: ReadOptions = {},
): Promise<ParsedDocument> {
  let extracted = await extract(source);
  if (read.ocr) extracted = await withTextByOcr(source, extracted, read.ocr);
  return parseExtracted({ file: source.file, sha256: source.sha256 }, extracted, options);
}

/** The options every parse needs: the Danish word checker (loaded once per process). */
export async function loadIngestOptions(): Promise<IngestOptions> {
  return { isWord: await loadDanishWordChecker() };
}
