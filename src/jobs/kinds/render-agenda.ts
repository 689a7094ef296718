/**
 * @module `render-agenda`: a meeting's agenda as PDF (authoring/render's Typst renderer) from its working
 * copy, in the internal or the public edition, kept as the meeting's latest rendering (and, public and
 * sent, on its version). A retry renders again: the same input gives the same PDF.
 */
import type { AgendaEdition } from "../../domain/index.js";
import { agendaDraft, agendaVersions, getBodyPage, storeAgendaRendering } from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";

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
    const draft = await agendaDraft(db, payload.meetingId);
    if (!draft) throw new Error(`møde ${payload.meetingId} findes ikke`);
    const versions = await agendaVersions(db, payload.meetingId);
    const last = versions.at(-1);
    // The body's current members, substitutes left out: the front page's "Deltagere".
    const members = (await getBodyPage(db, draft.meeting.bodyId))?.members ?? [];
    const participants = members
      .filter((m) => m.role !== "substitute")
      .map((m) => ({ name: m.name, party: m.party, municipality: m.municipality }));
    const pdf = renderAgendaPdf(
      agendaDocumentOf(
        draft,
        payload.edition,
        { version: Math.max(1, versions.length), changeNote: last?.changeNote ?? null },
        participants,
      ),
    );
    const pageCount = await pdfPageCount(pdf);
    await storeAgendaRendering(db, {
      meetingId: payload.meetingId,
      kind: "agenda",
      edition: payload.edition,
      versionNumber: last?.number ?? null,
      pdf,
      pageCount,
    });
    await progress(1, 1, "Dagsordenen er dannet");
    return { pages: pageCount, bytes: pdf.byteLength };
  },
});
