/**
 * @module The sizes ingest refuses beyond, checked before the costly stages, each with the one-line
 * IngestError that names the file. The numbers are generous for council material and small enough that
 * a hostile file is refused in a moment instead of filling the heap.
 */
import { IngestError } from "./ingest-error.js";

/**
 * Most characters of text a document may carry into cleaning and recognition. Parsing is linear in the
 * text (bench/parse-linearity.ts: about half a second per MB, a 50 MB text in well under a minute);
 * the largest annex pack in the seeds is 0.4 MB, so 100 million characters leaves two hundred times the
 * room while keeping one parse within the heap of a default Node process.
 */
export const MAX_TEXT_CHARS = 100_000_000;

/**
 * Most pages a PDF may have. pdf.js builds each page's operator list and text, about 10-50 ms a page;
 * 5,000 pages is ten times the largest annex pack seen (a few hundred pages) and still minutes, not hours.
 */
export const MAX_PDF_PAGES = 5_000;

/**
 * Most bytes a DOCX may declare it unpacks to, all entries together. A Word file's XML is a few times its
 * text and images are stored as they are; 200 MB holds a document of 100 MB of text or many images.
 * A zip bomb (1.2 MB unpacking to 400 MB of XML) is refused before anything is inflated.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Most bytes one XML part of a DOCX (document.xml, footnotes, styles ...) may unpack to before mammoth
 * parses it. mammoth builds a DOM of the whole part, which costs 50 to 125 times the XML: 20 MB of
 * ordinary paragraphs took 1 GB and 17 s, 20 MB of one-word paragraphs 2.5 GB and 40 s. 16 MB holds
 * about 9 million characters of text in ordinary paragraphs (thousands of pages) and keeps the worst
 * case near 2 GB. Images and other parts mammoth does not parse count only towards the total.
 */
export const MAX_DOCX_PART_BYTES = 16 * 1024 * 1024;

/** Most entries a DOCX may have. Word writes a dozen plus one per image; 10,000 is far beyond that. */
export const MAX_DOCX_ENTRIES = 10_000;

const MB = 1024 * 1024;

/**
 * Refuses a text longer than MAX_TEXT_CHARS.
 *
 * @example
 * checkTextLength("x.txt", text.length); // throws "x.txt: the text is longer than 100 million characters (123 million)"
 */
export function checkTextLength(file: string, chars: number): void {
  if (chars > MAX_TEXT_CHARS) {
    throw new IngestError(
      file,
      `the text is longer than ${MAX_TEXT_CHARS / 1e6} million characters (${Math.ceil(chars / 1e6)} million)`,
    );
  }
}

/** Refuses a PDF of more than MAX_PDF_PAGES pages. */
export function checkPdfPages(file: string, pages: number): void {
  if (pages > MAX_PDF_PAGES) {
    throw new IngestError(file, `the PDF has more than ${MAX_PDF_PAGES} pages (${pages})`);
  }
}

/** Refuses a DOCX whose zip declares more than MAX_DOCX_ENTRIES entries. */
export function checkDocxEntries(file: string, entries: number): void {
  if (entries > MAX_DOCX_ENTRIES) {
    throw new IngestError(file, `the DOCX has more than ${MAX_DOCX_ENTRIES} entries (${entries})`);
  }
}

/** Refuses a DOCX whose entries together declare more than MAX_DOCX_UNPACKED_BYTES. */
export function checkDocxUnpackedSize(file: string, bytes: number): void {
  if (bytes > MAX_DOCX_UNPACKED_BYTES) {
    throw new IngestError(
      file,
      `the DOCX unpacks to more than ${MAX_DOCX_UNPACKED_BYTES / MB} MB (${Math.ceil(bytes / MB)} MB)`,
    );
  }
}

/** Refuses one XML part of a DOCX that declares more than MAX_DOCX_PART_BYTES, before it is inflated. */
export function checkDocxPartSize(file: string, part: string, bytes: number): void {
  if (bytes > MAX_DOCX_PART_BYTES) {
    throw new IngestError(
      file,
      `the DOCX part ${part} unpacks to more than ${MAX_DOCX_PART_BYTES / MB} MB (${Math.ceil(bytes / MB)} MB)`,
    );
  }
}
