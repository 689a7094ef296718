/**
 * @module The annex pack's contents pages, laid out with pdf-lib in the form of the KKR packs
 * (seeds/003 lines 2-28): the heading "Indholdsfortegnelse - Bilag", then per item its number and title
 * and under it "Bilag 1: <title>", each with a dotted leader to the page the annex starts on and a link to
 * it. A long title wraps and the leader stands on its last line, as the importer's contents reader expects.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { winAnsiText } from "./win-ansi.js";

/** One line group of the contents: an item or one of its annexes. */
export interface ContentsEntry {
  readonly level: "item" | "annex";
  /** "2.3 Status fra KlimaNord" or "Bilag 1: Notat om biokul". */
  readonly text: string;
  /** 1-based page in the pack. */
  readonly page: number;
}

export interface ContentsFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 62, right: 62, top: 70, bottom: 70 } as const;
const SIZE = 10.5;
const LEADING = 15;
const ANNEX_INDENT = 18;
/** Lines a title may take: the importer joins at most two wrapped lines to the one with the leader. */
const MAX_TITLE_LINES = 3;

/** A contents line placed on a page. */
interface PlacedLine {
  readonly text: string;
  readonly x: number;
  readonly bold: boolean;
  /** The page number, on the last line of an entry only. */
  readonly page: number | null;
  /** A blank line before it (between items). */
  readonly gapBefore: boolean;
}

/** The heading block at the top of the first contents page: body and date, then the title. */
export interface ContentsHeading {
  /** "KKR Nordjylland | 20-09-2024": the KL template's header, which the importer reads body and date from. */
  readonly header: string;
  /** "Bilag til dagsorden for mødet den 20. september 2024". */
  readonly subtitle: string;
}

/**
 * How many contents pages `entries` need (the page numbers do not change the layout).
 * @example contentsPageCount([{ level: "item", text: "2.3 Status", page: 2 }], fonts) // 1
 */
export function contentsPageCount(entries: readonly ContentsEntry[], fonts: ContentsFonts): number {
  return paginate(layoutLines(entries, fonts)).length;
}

/**
 * Draws the contents pages at the start of `doc` (inserted before any page already there).
 *
 * @example
 * drawContents(pack, heading, [{ level: "item", text: "2.3 Status", page: 2 }], fonts);
 */
export function drawContents(
  doc: PDFDocument,
  heading: ContentsHeading,
  entries: readonly ContentsEntry[],
  fonts: ContentsFonts,
): PDFPage[] {
  const pages = paginate(layoutLines(entries, fonts));
  const dot = fonts.regular.widthOfTextAtSize(".", SIZE);
  const right = PAGE.width - MARGIN.right;
  // Links are made once every contents page is in: inserting a page moves the pages after it.
  const links: { page: PDFPage; rect: [number, number, number, number]; target: number }[] = [];
  const drawn = pages.map((lines, pageIndex) => {
    const page = doc.insertPage(pageIndex, [PAGE.width, PAGE.height]);
    let y = PAGE.height - MARGIN.top;
    if (pageIndex === 0) {
      page.drawText(winAnsiText(heading.header), {
        x: MARGIN.left,
        y,
        size: 9,
        font: fonts.regular,
        color: rgb(0.3, 0.3, 0.3),
      });
      y -= 2.6 * LEADING;
      page.drawText(winAnsiText(heading.subtitle), { x: MARGIN.left, y, size: 11, font: fonts.regular });
      y -= 2.2 * LEADING;
      page.drawText("Indholdsfortegnelse - Bilag", { x: MARGIN.left, y, size: 16, font: fonts.bold });
      y -= 2.4 * LEADING;
    }
    for (const line of lines) {
      if (line.gapBefore) y -= LEADING * 0.6;
      const font = line.bold ? fonts.bold : fonts.regular;
      page.drawText(line.text, { x: line.x, y, size: SIZE, font });
      if (line.page !== null) {
        const number = String(line.page);
        const numberWidth = font.widthOfTextAtSize(number, SIZE);
        page.drawText(number, { x: right - numberWidth, y, size: SIZE, font });
        const from = line.x + font.widthOfTextAtSize(line.text, SIZE) + dot;
        const dots = Math.floor((right - numberWidth - dot - from) / dot);
        if (dots > 0) page.drawText(".".repeat(dots), { x: from, y, size: SIZE, font: fonts.regular });
        links.push({ page, rect: [line.x, y - 3, right, y + SIZE], target: line.page });
      }
      y -= LEADING;
    }
    return page;
  });
  for (const link of links) {
    const target = doc.getPage(Math.min(link.target, doc.getPageCount()) - 1);
    const annotation = doc.context.register(
      doc.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: link.rect,
        Border: [0, 0, 0],
        Dest: [target.ref, "Fit"],
      }),
    );
    link.page.node.addAnnot(annotation);
  }
  return drawn;
}

/** Lines of all entries, wrapped to the width left for the leader and page number. */
function layoutLines(entries: readonly ContentsEntry[], fonts: ContentsFonts): PlacedLine[] {
  const out: PlacedLine[] = [];
  entries.forEach((entry, index) => {
    const bold = entry.level === "item";
    const font = bold ? fonts.bold : fonts.regular;
    const x = MARGIN.left + (entry.level === "annex" ? ANNEX_INDENT : 0);
    // Room for at least eight leader dots and a four-digit page number.
    const width = PAGE.width - MARGIN.right - x - font.widthOfTextAtSize("........ 9999", SIZE);
    const wrapped = wrap(winAnsiText(entry.text), font, width);
    wrapped.forEach((text, at) => {
      out.push({
        text,
        x,
        bold,
        page: at === wrapped.length - 1 ? entry.page : null,
        gapBefore: at === 0 && entry.level === "item" && index > 0,
      });
    });
  });
  return out;
}

/** Splits pages so that an entry's wrapped lines stay together with its leader line. */
function paginate(lines: readonly PlacedLine[]): PlacedLine[][] {
  const firstPageLines = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 7.2 * LEADING) / LEADING);
  const otherPageLines = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom) / LEADING);
  const pages: PlacedLine[][] = [[]];
  let room = firstPageLines;
  let index = 0;
  while (index < lines.length) {
    // The entry: this line up to and including the one that carries the page number.
    let end = index;
    while (end < lines.length - 1 && (lines[end] as PlacedLine).page === null) end++;
    const entry = lines.slice(index, end + 1);
    const cost = entry.length + (entry[0]?.gapBefore ? 1 : 0);
    if (cost > room && (pages[pages.length - 1] as PlacedLine[]).length > 0) {
      pages.push([]);
      room = otherPageLines;
    }
    (pages[pages.length - 1] as PlacedLine[]).push(...entry);
    room -= cost;
    index = end + 1;
  }
  return pages;
}

/** Word-wraps `text` to `width`, at most MAX_TITLE_LINES lines (the last cut with "…"). */
function wrap(text: string, font: PDFFont, width: number): string[] {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (current !== "" && font.widthOfTextAtSize(candidate, SIZE) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length <= MAX_TITLE_LINES) return lines.length > 0 ? lines : [""];
  const kept = lines.slice(0, MAX_TITLE_LINES);
  let last = `${kept[MAX_TITLE_LINES - 1]} ${lines.slice(MAX_TITLE_LINES).join(" ")}`;
  while (last.length > 1 && font.widthOfTextAtSize(`${last}…`, SIZE) > width) last = last.slice(0, -1);
  kept[MAX_TITLE_LINES - 1] = `${last.trimEnd()}…`;
  return kept;
}
