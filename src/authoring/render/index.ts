/**
 * @module The documents Rådsinfo writes: agenda PDF (Typst), annex pack (pdf-lib), DOCX annexes to PDF, and
 * the round-trip comparison that checks them against what ingest reads back.
 */
export { attendeeLine, CLOSED_ITEM_TITLE, renderAgendaPdf, visibleItem } from "./agenda-pdf.js";
export { type AnnexPackOptions, type AnnexPackProgress, annexStamp, buildAnnexPack } from "./annex-pack.js";
export { convertDocxToPdf, type DocxToPdfOptions } from "./docx-to-pdf.js";
export { isRenderError, RENDER_ERROR_CODES, RenderError, type RenderErrorCode } from "./render-error.js";
export {
  comparableText,
  expectedAgendaItems,
  expectedPackAnnexes,
  parsedAgendaItems,
  parsedPackAnnexes,
  type RoundTripAnnex,
  type RoundTripItem,
  type RoundTripScore,
  roundTripScore,
} from "./round-trip.js";
