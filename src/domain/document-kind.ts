/** @module The kinds of meeting document Rådsinfo recognises. */
export const DOCUMENT_KINDS = ["minutes", "agenda", "annex-pack", "document"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Danish labels for the interface. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  minutes: "Referat",
  agenda: "Dagsorden",
  "annex-pack": "Bilagspakke",
  document: "Dokument",
};
