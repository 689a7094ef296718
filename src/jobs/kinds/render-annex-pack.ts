/**
 * @module `render-annex-pack`: a meeting's annexes as one pack (authoring/render's pdf-lib builder:
 * contents page, "2.3 Bilag 1" on every page, bookmarks), DOCX annexes converted to PDF first, in the
 * internal edition from the working copy, the public one from the agenda as last sent (render-source.ts);
 * kept as the meeting's latest pack. Progress per annex: conversions
 * first, then the pack.
 */
import type { AgendaEdition } from "../../domain/index.js";
import { authoredAnnexContent, storeAgendaRendering } from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";
import { renderSource } from "./render-source.js";

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
    const { draft, version } = await renderSource(db, payload.meetingId, payload.edition);
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
      // An annex sent and removed since is still in the sent agenda's pack.
      const content = await authoredAnnexContent(db, annex.id, { removed: payload.edition === "public" });
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
    await storeAgendaRendering(db, {
      meetingId: payload.meetingId,
      kind: "annex-pack",
      edition: payload.edition,
      versionNumber: version?.number ?? null,
      pdf,
      pageCount,
    });
    await progress(total, total, "Bilagspakken er dannet");
    return { annexes: wanted.length, pages: pageCount, bytes: pdf.byteLength };
  },
});
