/** @module Stable codes for what the importer found uncertain; each warning carries one. */
export const WARNING_CODES = [
  "unassigned-text",
  "unknown-kind",
  "no-meeting-date",
  "ambiguous-heading",
  "missing-field",
  "attendance-unparsed",
  "person-near-match",
  "toc-mismatch",
  "encoding-converted",
  "empty-page",
  "truncated",
  "running-text-removed",
  "unstamped-document",
  "extraction-note",
  "cpr-number",
  "ocr-text",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export function isWarningCode(value: unknown): value is WarningCode {
  return typeof value === "string" && (WARNING_CODES as readonly string[]).includes(value);
}
