/**
 * @module `render-meeting-whole` (issue 16): the meeting's public record (minutes, else agenda) and every
 * public annex in one PDF with a bookmark per document, kept per meeting under the fingerprint of the
 * public files it was made from (store/read/meeting-whole-queries.ts). PDF originals are cut (an annex's
 * own pages of its pack), text originals set as pages, Word annexes converted as in the annex pack; a
 * record written here is its public edition as the render jobs made it.
 * Progress per document: "Samler mødet: 3 af 9 dokumenter".
 */
import type { Kysely } from "kysely";
import {
  type Database,
  type MeetingWholeAnnex,
  type MeetingWholeRecord,
  meetingWholeSources,
  minutesRenderingPdf,
  type OparlSourceContent,
  oparlSourceContents,
  publicAgendaPdf,
  storeMeetingWholePdf,
} from "../../store/index.js";
import { defineJob } from "../define-job.js";
import { pdfPageCount } from "./render-page-count.js";

export interface RenderMeetingWholePayload {
  readonly meetingId: number;
  /** The fingerprint of the public files when the job was asked for: how a page finds its job again. */
  readonly fingerprint: string;
}

/** The job's result: each document's bookmark title and page count, and the whole. */
export interface MeetingWholeResult {
  readonly fingerprint: string;
  readonly parts: readonly { readonly title: string; readonly pages: number }[];
  readonly pages: number;
  readonly bytes: number;
}

/** "Samler mødet: 3 af 9 dokumenter", the line a visitor waiting for the PDF reads. */
export function meetingWholeStep(done: number, total: number): string {
  return `Samler mødet: ${done} af ${total} ${total === 1 ? "dokument" : "dokumenter"}`;
}

export const renderMeetingWholeJob = defineJob({
  kind: "render-meeting-whole",
  maxAttempts: 3,
  handler: async (
    payload: RenderMeetingWholePayload,
    { db, progress, signal },
  ): Promise<MeetingWholeResult> => {
    const { buildMeetingWholePdf } = await import("../../authoring/render/index.js");
    // The files as they are now: a record changed since the job was asked for is made as it now reads.
    const sources = await meetingWholeSources(db, payload.meetingId);
    if (!sources) throw new Error(`møde ${payload.meetingId} findes ikke`);
    const total = (sources.record ? 1 : 0) + sources.annexes.length;
    if (total === 0) throw new Error("mødet har ingen offentlige dokumenter");
    await progress(0, total, meetingWholeStep(0, total));
    const contents = await sourceContents(db, sources.record, sources.annexes);
    const parts: { title: string; pdf: Uint8Array }[] = [];
    if (sources.record) {
      signal.throwIfAborted();
      parts.push(await recordPart(db, sources.meetingId, sources.record, contents));
      await progress(parts.length, total, meetingWholeStep(parts.length, total));
    }
    for (const annex of sources.annexes) {
      signal.throwIfAborted();
      parts.push(await annexPart(annex, contents));
      await progress(parts.length, total, meetingWholeStep(parts.length, total));
    }
    const pdf = await buildMeetingWholePdf({ body: sources.bodyName, meetingDate: sources.date, parts });
    const pages = await pdfPageCount(pdf);
    await storeMeetingWholePdf(db, {
      meetingId: sources.meetingId,
      fingerprint: sources.fingerprint,
      pdf,
      pageCount: pages,
    });
    const partPages = await Promise.all(parts.map((p) => pdfPageCount(p.pdf)));
    return {
      fingerprint: sources.fingerprint,
      parts: parts.map((p, at) => ({ title: p.title, pages: partPages[at] ?? 0 })),
      pages,
      bytes: pdf.byteLength,
    };
  },
});

type Contents = ReadonlyMap<number, OparlSourceContent>;

async function sourceContents(
  db: Kysely<Database>,
  record: MeetingWholeRecord | null,
  annexes: readonly MeetingWholeAnnex[],
): Promise<Contents> {
  const ids = new Set(annexes.map((a) => a.sourceFileId));
  if (record?.origin === "import") ids.add(record.sourceFileId);
  return new Map((await oparlSourceContents(db, [...ids])).map((s) => [s.id, s]));
}

function contentOf(contents: Contents, id: number): OparlSourceContent {
  const content = contents.get(id);
  if (!content) throw new Error(`den importerede fil ${id} findes ikke længere`);
  return content;
}

/** A text original's lines as imported: its own bytes where kept (line numbers count those), else its text. */
function originalText(source: OparlSourceContent): string {
  return source.content ? new TextDecoder().decode(source.content) : source.text;
}

/**
 * The record as PDF: the public edition rendered here as it is; an imported public PDF as it is, a text
 * record set as pages, less its withheld lines.
 */
async function recordPart(
  db: Kysely<Database>,
  meetingId: number,
  record: MeetingWholeRecord,
  contents: Contents,
): Promise<{ title: string; pdf: Uint8Array }> {
  const { CLOSED_ITEM_TITLE, renderTextPdf } = await import("../../authoring/render/index.js");
  const { publicRecordText } = await import("../../export/public-record-text.js");
  const title = record.kind === "minutes" ? "Referat" : "Dagsorden";
  if (record.origin === "rendering") {
    const rendered =
      record.kind === "minutes"
        ? await minutesRenderingPdf(db, meetingId, "public")
        : await publicAgendaPdf(db, meetingId, "agenda");
    if (!rendered || !("pdf" in rendered))
      throw new Error(`${record.kind === "minutes" ? "referatets" : "dagsordenens"} PDF findes ikke længere`);
    return { title, pdf: rendered.pdf };
  }
  const source = contentOf(contents, record.sourceFileId);
  if (record.whole && source.format === "pdf" && source.content) return { title, pdf: source.content };
  const text =
    source.format === "text"
      ? record.whole
        ? originalText(source)
        : publicRecordText(originalText(source), record.hidden, CLOSED_ITEM_TITLE)
      : // A Word or web page record: its extracted text (the store never keeps a part of it withheld).
        source.text;
  return { title, pdf: await renderTextPdf(text, { title }) };
}

/** An annex as PDF: its own part of its pack (pages or lines), a Word annex converted. */
async function annexPart(
  annex: MeetingWholeAnnex,
  contents: Contents,
): Promise<{ title: string; pdf: Uint8Array }> {
  const { annexStamp, convertDocxToPdf, isRenderError, renderTextPdf } = await import(
    "../../authoring/render/index.js"
  );
  const { cutAnnex } = await import("../../export/annex-part.js");
  const title =
    annex.itemNumber !== null && annex.annexNumber !== null
      ? `${annexStamp({ itemNumber: annex.itemNumber, annexNumber: annex.annexNumber })}: ${annex.title}`
      : annex.title;
  const source = contentOf(contents, annex.sourceFileId);
  const part = await cutAnnex(source, annex);
  if (part?.mime === "application/pdf") return { title, pdf: part.bytes };
  if (part) return { title, pdf: await renderTextPdf(part.text ?? "", { title }) };
  // Not cut: a Word file (or a web page) that is the annex as a whole.
  if (source.format === "docx" && source.content) {
    try {
      return { title, pdf: await convertDocxToPdf(source.content, { name: annex.title }) };
    } catch (error) {
      // Without LibreOffice on this server the annex's extracted text still reads.
      if (!(isRenderError(error) && error.code === "docx-converter-missing")) throw error;
    }
  }
  return { title, pdf: await renderTextPdf(source.text, { title }) };
}
