/**
 * @module The item page's source line, "Kilde: side 25 i referatet": the page of the imported document the
 * item stands on, linked to where that page can be read. The file's own name (often a hash such as
 * 000_3519f531f00fe676.txt) and its line numbers are provenance for the JSON API and OParl, not for a reader.
 */
import { type DocumentKind, isDocumentKind } from "../../domain/index.js";
import type { ItemSource } from "../../store/index.js";
import { annexPageUrl } from "./search-urls.js";

/** The document in the definite form, as the sentence "side 3 i dagsordenen" needs it. */
const DOCUMENT_DEFINITE: Readonly<Record<DocumentKind, string>> = {
  minutes: "referatet",
  agenda: "dagsordenen",
  "annex-pack": "bilagspakken",
  document: "dokumentet",
};

/**
 * Where the item's page can be read. A PDF opens at the page (#page=N, which PDF viewers in browsers
 * follow; the original is served inline for that). A text file has no pages a browser can jump to, so a
 * page inside an annex opens in the annex page viewer, and anything else falls back to the original.
 * @example itemSourceHref({ page: 25, kind: "minutes", format: "pdf", originalFileId: 7, annexAtPage: null })
 * // "/bilag/7/original#page=25"
 */
export function itemSourceHref(source: ItemSource): string | null {
  const page = source.page ?? 1;
  const original = source.originalFileId !== null ? `/bilag/${source.originalFileId}/original` : null;
  const annexViewer = source.annexAtPage !== null ? annexPageUrl(source.annexAtPage, page) : null;
  if (source.format === "pdf") return original ? `${original}#page=${page}` : annexViewer;
  return annexViewer ?? original;
}

/** "side 25 i referatet"; a file of an unknown kind is "dokumentet". */
export function itemSourceLabel(source: ItemSource): string {
  const document = isDocumentKind(source.kind) ? DOCUMENT_DEFINITE[source.kind] : DOCUMENT_DEFINITE.document;
  return `side ${source.page ?? 1} i ${document}`;
}

export function ItemSourceLine(props: { readonly source: ItemSource }) {
  const href = itemSourceHref(props.source);
  const label = itemSourceLabel(props.source);
  // A link into the original PDF says so, as it opens a PDF viewer rather than a page of the portal.
  const opensPdf = href?.includes("/original#page=") === true;
  return (
    <p class="item-source">
      {"Kilde: "}
      {href ? <a href={href}>{opensPdf ? `${label} (PDF)` : label}</a> : label}
    </p>
  );
}
