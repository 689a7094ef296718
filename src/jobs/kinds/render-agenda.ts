/**
 * @module `render-agenda`: a meeting's agenda as PDF (authoring/render's Typst renderer), the internal
 * edition from its working copy, the public one from the agenda as last sent (render-source.ts), kept as
 * the meeting's latest rendering (and, public, on its version). A retry renders again: the same input
 * gives the same PDF.
 */
import type { AgendaEdition } from "../../domain/index.js";
import { getBodyPage, storeAgendaRendering } from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";
import { renderSource } from "./render-source.js";

export interface RenderAgendaPayload {
  readonly meetingId: number;
  readonly edition: AgendaEdition;
}

export const renderAgendaJob = defineJob({
  kind: "render-agenda",
  maxAttempts: 3,
  handler: async (payload: RenderAgendaPayload, { db, progress }) => {
    const { renderAgendaPdf } = await import("../../authoring/render/index.js");
    const { agendaDocumentOf } = await import("./render-documents.js");
    await progress(0, 1, "Danner dagsordenen");
    const { draft, version } = await renderSource(db, payload.meetingId, payload.edition);
    // The body's current members, substitutes left out: the front page's "Deltagere".
    const members = (await getBodyPage(db, draft.meeting.bodyId))?.members ?? [];
    const participants = members
      .filter((m) => m.role !== "substitute")
      .map((m) => ({ name: m.name, party: m.party, municipality: m.municipality }));
    const pdf = renderAgendaPdf(
      agendaDocumentOf(
        draft,
        payload.edition,
        { version: version?.number ?? 1, changeNote: version?.changeNote ?? null },
        participants,
      ),
    );
    const pageCount = await pdfPageCount(pdf);
    await storeAgendaRendering(db, {
      meetingId: payload.meetingId,
      kind: "agenda",
      edition: payload.edition,
      versionNumber: version?.number ?? null,
      pdf,
      pageCount,
    });
    await progress(1, 1, "Dagsordenen er dannet");
    return { pages: pageCount, bytes: pdf.byteLength };
  },
});
