/**
 * @module The documents Rådsinfo writes: agenda PDF (Typst), annex pack (pdf-lib), DOCX annexes to PDF, text
 * to PDF pages, the whole meeting in one PDF, and the round-trip comparison that checks them against what ingest reads back.
 */
export { attendeeLine, CLOSED_ITEM_TITLE, renderAgendaPdf, visibleItem } from "./agenda-pdf.js";
export { type AnnexPackOptions, type AnnexPackProgress, annexStamp, buildAnnexPack } from "./annex-pack.js";
export {
  type DecisionLetter,
  decisionLetterFileName,
  renderDecisionLetterPdf,
} from "./decision-letter-pdf.js";
export { convertDocxToPdf, type DocxToPdfOptions } from "./docx-to-pdf.js";
export {
  buildMeetingWholePdf,
  type MeetingWholeInput,
  type MeetingWholeOptions,
  type MeetingWholePart,
} from "./meeting-whole-pdf.js";
export { guestLine, renderMinutesPdf, substituteLine, visibleMinutesItem } from "./minutes-pdf.js";
export { isRenderError, RENDER_ERROR_CODES, RenderError, type RenderErrorCode } from "./render-error.js";
export {
  comparableText,
  expectedAgendaItems,
  expectedMinutesAttendance,
  expectedMinutesItems,
  expectedPackAnnexes,
  f1Score,
  parsedAgendaItems,
  parsedMinutesAttendance,
  parsedMinutesItems,
  parsedPackAnnexes,
  type RoundTripAnnex,
  type RoundTripAttendee,
  type RoundTripItem,
  type RoundTripMinutesItem,
  type RoundTripScore,
  roundTripScore,
} from "./round-trip.js";
export { renderTextPdf, type TextPdfOptions } from "./text-pdf.js";
