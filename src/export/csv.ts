/**
 * @module CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote or
 * a line break, quotes doubled. A UTF-8 byte order mark goes first, or Excel reads the bytes as Windows-1252
 * and shows "Ã¦" for "æ". A text cell that a spreadsheet would read as a formula is neutralised first.
 */

export type CsvValue = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, "CSV
 * Injection"): = + - @, and tab and carriage return, which some readers skip before looking. A title such
 * as "=HYPERLINK(...)" or "-2+3" in imported text must reach the sheet as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: empty for null, quoted only when RFC 4180 §2.6 requires it. Text that starts like a formula
 * gets a leading single quote and is quoted, as OWASP advises; numbers are written as numbers.
 * @example csvField("=HYPERLINK(\"http://x\")") // "\"'=HYPERLINK(\"\"http://x\"\")\""
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: BOM, header, records, each line ended by CRLF (RFC 4180 §2.1-2.3).
 * @example toCsv(["nummer", "titel"], [["2.1", 'Status, "KlimaNord"']]) // '\uFEFFnummer,titel\r\n2.1,"Status, ""KlimaNord"""\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `${UTF8_BOM}${lines.map((line) => `${line}\r\n`).join("")}`;
}
