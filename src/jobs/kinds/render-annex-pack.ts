/**
 * @module `render-annex-pack`: a meeting's annexes as one pack (authoring/render's pdf-lib builder:
 * contents page, "2.3 Bilag 1" on every page, bookmarks), DOCX annexes converted to PDF first, in the
 * internal or the public edition; kept as the meeting's latest pack. Progress per annex: conversions
 * first, then the pack.
 */
import type { AgendaEdition } from "../../domain/index.js";
import {
  agendaDraft,
  agendaVersions,
  authoredAnnexContent,
  storeAgendaRendering,
} from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";

export interface RenderAnnexPackPayload {
  readonly meetingId: number;
  readonly edition: AgendaEdition;
}

export const renderAnnexPackJob = defineJob({
  kind: "render-annex-pack",
  maxAttempts: 3,
  handler: async (payload: RenderAnnexPackPayload, { db, progress, signal }) => {
    const { buildAnnexPack, convertDocxToPdf } = await import("../../authoring/render/index.js");
    const { annexPackInputOf, packAnnexes } = await import("./render-documents.js");
    const draft = await agendaDraft(db, payload.meetingId);
    if (!draft) throw new Error(`møde ${payload.meetingId} findes ikke`);
    const wanted = packAnnexes(draft, payload.edition);
    // Reading and converting each annex, then adding each to the pack: two steps per annex.
    const total = wanted.length * 2 + 1;
    const pdfs = new Map<number, Uint8Array>();
    for (const [n, { item, annex }] of wanted.entries()) {
      signal.throwIfAborted();
      await progress(
        n,
        total,
        `Læser bilag ${n + 1} af ${wanted.length} (${item.number} Bilag ${annex.position})`,
      );
      const content = await authoredAnnexContent(db, annex.id);
      if (!content) throw new Error(`bilag ${annex.id} findes ikke længere`);
      const bytes = new Uint8Array(content.content);
      pdfs.set(
        annex.id,
        annex.format === "docx" ? await convertDocxToPdf(bytes, { name: annex.fileName }) : bytes,
      );
    }
    const pdf = await buildAnnexPack(annexPackInputOf(draft, payload.edition, pdfs), {
      onProgress: ({ done, total: of }) => {
        void progress(wanted.length + done, wanted.length + of + 1, `Stempler bilag ${done} af ${of}`);
      },
    });
    const pageCount = await pdfPageCount(pdf);
    const versions = await agendaVersions(db, payload.meetingId);
    await storeAgendaRendering(db, {
      meetingId: payload.meetingId,
      kind: "annex-pack",
      edition: payload.edition,
      versionNumber: versions.at(-1)?.number ?? null,
      pdf,
      pageCount,
    });
    await progress(total, total, "Bilagspakken er dannet");
    return { annexes: wanted.length, pages: pageCount, bytes: pdf.byteLength };
  },
});
