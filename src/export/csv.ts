/**
 * @module CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote or
 * a line break, quotes doubled. A UTF-8 byte order mark goes first, or Excel reads the bytes as Windows-1252
 * and shows "Ã¦" for "æ".
 */

export type CsvValue = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";

/** One field: empty for null, quoted only when RFC 4180 §2.6 requires it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
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
