/**
 * @module What an annex upload may be (issue 13): a PDF or a Word document (DOCX), up to a size limit,
 * told by its first bytes as well as its name, so a renamed program is refused. Anything else gets one
 * Danish line.
 */

/** The most an uploaded annex may weigh: 50 MB, above every annex pack in the seeds and real-pdf. */
export const ANNEX_MAX_BYTES = 50 * 1024 * 1024;

export const ANNEX_FORMATS = ["pdf", "docx"] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export const ANNEX_MIME: Readonly<Record<AnnexFormat, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The one message for a file that is no PDF or DOCX, or too large. */
export function annexRefusalMessage(fileName: string): string {
  return `Filen "${fileName}" kan ikke bruges som bilag: upload en PDF- eller Word-fil (.docx) på højst ${ANNEX_MAX_BYTES / 1024 / 1024} MB.`;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
// "%PDF-" (ISO 32000-1 §7.5.2; readers accept it within the first 1024 bytes, we ask for it at the start).
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
// A DOCX is a ZIP: "PK\x03\x04" (APPNOTE.TXT §4.3.7).
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The format of an upload, or null when it is neither a PDF nor a DOCX, or larger than the limit.
 * @example annexFormatOf("bilag.pdf", bytes) // "pdf"
 */
export function annexFormatOf(fileName: string, bytes: Uint8Array): AnnexFormat | null {
  if (bytes.byteLength === 0 || bytes.byteLength > ANNEX_MAX_BYTES) return null;
  const name = fileName.toLowerCase();
  if (name.endsWith(".pdf") && startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (name.endsWith(".docx") && startsWith(bytes, ZIP_MAGIC)) return "docx";
  return null;
}
