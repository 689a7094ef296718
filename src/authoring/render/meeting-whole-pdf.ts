/**
 * @module The whole meeting in one PDF (issue 16): its documents one after the other (the record, then
 * the annexes), each already a PDF, merged with pdf-lib; a bookmark per document opens its first page
 * and every page is numbered "Side n af m" at its foot, as in the annex pack.
 */
import { PDFDocument, type PDFDocument as PDFDocumentType, StandardFonts } from "pdf-lib";
import { formatDanishDate } from "../../domain/index.js";
import { stampCorner } from "./page-stamp.js";
import { addOutline, type OutlineEntry } from "./pdf-outline.js";
import { RenderError } from "./render-error.js";

/** One document of the meeting: its bookmark's title and its pages. */
export interface MeetingWholePart {
  readonly title: string;
  readonly pdf: Uint8Array;
}

export interface MeetingWholeInput {
  readonly body: string;
  readonly meetingDate: string;
  readonly parts: readonly MeetingWholePart[];
}

export interface MeetingWholeOptions {
  /** Called after each document is added (for a job's progress line). */
  readonly onPart?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Merges the parts into one PDF with a bookmark per part.
 *
 * @example
 * const pdf = await buildMeetingWholePdf({ body: "KKR Nordjylland", meetingDate: "2024-09-20", parts });
 * @throws RenderError ("annex-damaged") naming the first part that is not a readable PDF.
 */
export async function buildMeetingWholePdf(
  input: MeetingWholeInput,
  options: MeetingWholeOptions = {},
): Promise<Uint8Array> {
  const whole = await PDFDocument.create({ updateMetadata: false });
  const font = await whole.embedFont(StandardFonts.Helvetica);
  const outline: OutlineEntry[] = [];
  for (const [index, part] of input.parts.entries()) {
    const source = await loadPart(part);
    let pages: Awaited<ReturnType<PDFDocumentType["copyPages"]>>;
    try {
      pages = await whole.copyPages(source, source.getPageIndices());
    } catch (error) {
      throw damaged(part, error);
    }
    outline.push({ title: part.title, pageIndex: whole.getPageCount() });
    for (const page of pages) whole.addPage(page);
    await options.onPart?.(index + 1, input.parts.length);
  }
  const total = whole.getPageCount();
  whole.getPages().forEach((page, at) => {
    stampCorner(page, `Side ${at + 1} af ${total}`, "bottom-right", { font, size: 8 });
  });
  addOutline(whole, outline);
  const title = `${input.body}, mødet ${formatDanishDate(input.meetingDate)}`;
  whole.setTitle(title, { showInWindowTitleBar: true });
  whole.setAuthor(input.body);
  whole.setLanguage("da-DK");
  whole.setCreator("Rådsinfo");
  whole.setProducer("Rådsinfo (pdf-lib)");
  // Without object streams: saving is several times faster and the file only a little larger.
  return whole.save({ useObjectStreams: false });
}

async function loadPart(part: MeetingWholePart): Promise<PDFDocumentType> {
  try {
    const doc = await PDFDocument.load(part.pdf, { updateMetadata: false, ignoreEncryption: true });
    // pdf-lib loads some garbage without complaint and fails first when the page tree is read.
    if (doc.getPages().length === 0) throw new Error("no pages");
    return doc;
  } catch (error) {
    throw damaged(part, error);
  }
}

function damaged(part: MeetingWholePart, cause: unknown): RenderError {
  return new RenderError(
    "annex-damaged",
    `"${part.title}" er ikke en læsbar PDF og kan ikke samles med mødets øvrige dokumenter.`,
    { cause },
  );
}
