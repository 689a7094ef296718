/**
 * @module The annex pack: every annex of a meeting in agenda order, in one PDF, with pdf-lib. A contents
 * page lists each item and its annexes with the page they start on; every page of an annex is stamped in
 * its top margin with "2.3 Bilag 1" (on its first page with the annex's title too, so that the importer
 * tells the first page from the running stamp) and at the foot with the running "Side n af m"; the
 * bookmarks hold an entry per item with one per annex under it.
 */
import { PDFDocument, type PDFDocument as PDFDocumentType, StandardFonts } from "pdf-lib";
import { type AnnexPackEntry, type AnnexPackInput, formatDanishDate } from "../../domain/index.js";
import { headerDate } from "./header-date.js";
import { type ContentsEntry, contentsPageCount, drawContents } from "./pack-contents.js";
import { stampCorner } from "./page-stamp.js";
import { addOutline, type OutlineEntry } from "./pdf-outline.js";
import { RenderError } from "./render-error.js";
import { winAnsiText } from "./win-ansi.js";

/** Progress of a pack being built: annexes done of all. */
export interface AnnexPackProgress {
  readonly done: number;
  readonly total: number;
}

export interface AnnexPackOptions {
  /** Called after each annex is added (for a job's progress bar). */
  readonly onProgress?: (progress: AnnexPackProgress) => void;
}

/**
 * The stamp of every page of an annex.
 * @example annexStamp({ itemNumber: "2.3", annexNumber: 1 }) // "2.3 Bilag 1"
 */
export function annexStamp(annex: Pick<AnnexPackEntry, "itemNumber" | "annexNumber">): string {
  return `${annex.itemNumber} Bilag ${annex.annexNumber}`;
}

/** "2.3 Status fra KlimaNord", the item's line in the contents and its bookmark. */
function itemLine(annex: AnnexPackEntry): string {
  return `${annex.itemNumber} ${annex.itemTitle?.trim() || `Punkt ${annex.itemNumber}`}`;
}

/** 'Bilag 1 til punkt 2.3 ("Notat om biokul")', how an error names an annex. */
function annexName(annex: AnnexPackEntry): string {
  return `Bilag ${annex.annexNumber} til punkt ${annex.itemNumber} ("${annex.title}")`;
}

/**
 * Builds the annex pack.
 *
 * @example
 * const pdf = await buildAnnexPack({ body: "KKR Nordjylland", meetingDate: "2024-09-20", annexes });
 * @throws RenderError ("annex-damaged") naming the first annex that is not a readable PDF.
 */
export async function buildAnnexPack(
  input: AnnexPackInput,
  options: AnnexPackOptions = {},
): Promise<Uint8Array> {
  const sources = await Promise.all(input.annexes.map(loadAnnex));
  const pack = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await pack.embedFont(StandardFonts.Helvetica),
    bold: await pack.embedFont(StandardFonts.HelveticaBold),
  };

  // Page numbers: the contents pages come first, and their number depends only on the entries.
  const placeholder = contentsEntries(input.annexes, sources, 0);
  const contentsPages = contentsPageCount(placeholder, fonts);
  const entries = contentsEntries(input.annexes, sources, contentsPages);
  const totalPages = contentsPages + sources.reduce((sum, source) => sum + source.getPageCount(), 0);

  const outline: OutlineEntry[] = [];
  let pageIndex = contentsPages;
  for (const [index, annex] of input.annexes.entries()) {
    const source = sources[index] as PDFDocumentType;
    let copied: Awaited<ReturnType<PDFDocumentType["copyPages"]>>;
    try {
      copied = await pack.copyPages(source, source.getPageIndices());
    } catch (error) {
      throw damaged(annex, error);
    }
    const stamp = winAnsiText(annexStamp(annex));
    copied.forEach((page, at) => {
      pack.addPage(page);
      const label = at === 0 ? `${stamp}: ${winAnsiText(annex.title)}` : stamp;
      stampCorner(page, label, "top-right", { font: fonts.bold, size: 9 });
      stampCorner(page, `Side ${pageIndex + at + 1} af ${totalPages}`, "bottom-right", {
        font: fonts.regular,
        size: 8,
      });
    });
    const last = outline[outline.length - 1];
    const annexBookmark: OutlineEntry = { title: `Bilag ${annex.annexNumber}: ${annex.title}`, pageIndex };
    if (last && input.annexes[index - 1]?.itemNumber === annex.itemNumber) {
      outline[outline.length - 1] = { ...last, children: [...(last.children ?? []), annexBookmark] };
    } else {
      outline.push({ title: itemLine(annex), pageIndex, children: [annexBookmark] });
    }
    pageIndex += copied.length;
    options.onProgress?.({ done: index + 1, total: input.annexes.length });
  }

  const date = formatDanishDate(input.meetingDate);
  const contents = drawContents(
    pack,
    {
      header: `${input.body} | ${headerDate(input.meetingDate)}`,
      subtitle: `Bilag til dagsorden for mødet den ${date}`,
    },
    entries,
    fonts,
  );
  contents.forEach((page, at) => {
    stampCorner(page, `Side ${at + 1} af ${totalPages}`, "bottom-right", { font: fonts.regular, size: 8 });
  });
  addOutline(pack, [{ title: "Indholdsfortegnelse - Bilag", pageIndex: 0 }, ...outline]);

  const title = `Bilag, ${input.body}, ${date}`;
  pack.setTitle(title, { showInWindowTitleBar: true });
  pack.setAuthor(input.body);
  pack.setLanguage("da-DK");
  pack.setCreator("Rådsinfo");
  pack.setProducer("Rådsinfo (pdf-lib)");
  // Without object streams: saving is several times faster and the file only a little larger.
  return pack.save({ useObjectStreams: false });
}

/** The contents: per item a line, then a line per annex; pages counted from `firstPage` contents pages. */
function contentsEntries(
  annexes: readonly AnnexPackEntry[],
  sources: readonly PDFDocumentType[],
  contentsPages: number,
): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  let page = contentsPages + 1;
  annexes.forEach((annex, index) => {
    if (annexes[index - 1]?.itemNumber !== annex.itemNumber) {
      entries.push({ level: "item", text: itemLine(annex), page });
    }
    entries.push({ level: "annex", text: `Bilag ${annex.annexNumber}: ${annex.title}`, page });
    page += (sources[index] as PDFDocumentType).getPageCount();
  });
  return entries;
}

/** Loads one annex, or throws one Danish line naming it. */
async function loadAnnex(annex: AnnexPackEntry): Promise<PDFDocumentType> {
  try {
    const doc = await PDFDocument.load(annex.pdf, { updateMetadata: false, throwOnInvalidObject: true });
    // pdf-lib loads some garbage without complaint and fails first when the page tree is read.
    if (doc.getPages().length === 0) throw new Error("no pages");
    return doc;
  } catch (error) {
    // pdf-lib's EncryptedPDFError is compiled to ES5, so instanceof does not see it: read its message.
    if (error instanceof Error && /is encrypted/.test(error.message)) {
      throw new RenderError(
        "annex-damaged",
        `${annexName(annex)} er en krypteret PDF og kan ikke samles i bilagspakken.`,
        {
          cause: error,
        },
      );
    }
    throw damaged(annex, error);
  }
}

function damaged(annex: AnnexPackEntry, cause: unknown): RenderError {
  return new RenderError(
    "annex-damaged",
    `${annexName(annex)} er ikke en læsbar PDF og kan ikke samles i bilagspakken.`,
    {
      cause,
    },
  );
}
