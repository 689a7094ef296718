/**
 * @module `render-minutes`: a meeting's minutes as PDF (authoring/render's Typst renderer) from the
 * secretariat's record of the meeting, in the internal or the public edition, kept as the meeting's
 * latest minutes (agenda_rendering, kind 'minutes'). A retry renders again: the same record gives the
 * same PDF.
 */
import type { AgendaEdition } from "../../domain/index.js";
import { meetingRecordOf, storeMinutesRendering } from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";

export interface RenderMinutesPayload {
  readonly meetingId: number;
  readonly edition: AgendaEdition;
}

export const renderMinutesJob = defineJob({
  kind: "render-minutes",
  maxAttempts: 3,
  handler: async (payload: RenderMinutesPayload, { db, progress }) => {
    const { renderMinutesPdf } = await import("../../authoring/render/index.js");
    const { minutesDocumentOf } = await import("../../authoring/minutes-document-of.js");
    await progress(0, 1, "Danner referatet");
    const record = await meetingRecordOf(db, payload.meetingId);
    if (!record) throw new Error(`møde ${payload.meetingId} findes ikke`);
    const pdf = renderMinutesPdf(minutesDocumentOf(record, payload.edition));
    const pageCount = await pdfPageCount(pdf);
    await storeMinutesRendering(db, {
      meetingId: payload.meetingId,
      edition: payload.edition,
      pdf,
      pageCount,
    });
    await progress(1, 1, "Referatet er dannet");
    return { pages: pageCount, bytes: pdf.byteLength };
  },
});
