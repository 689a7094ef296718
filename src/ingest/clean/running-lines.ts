/**
 * @module Finds running headers and footers (page numbers, the body and date line, repeated document
 * titles) so that cleaning can drop them from the text.
 */
import type { SourceLine } from "../types.js";

/** Text lines from a page boundary within which a header or footer can sit. */
const EDGE_LINES = 3;
/** A line repeated at page edges this often is running text even without a page number beside it. */
const MIN_REPEATS = 3;
/** Lines (blank ones included) between a header line and the page number it sits beside. */
const NEAR_PAGE_NUMBER = 2;

/**
 * Page-number lines that need no page boundary to be recognised: "Side 27 af 72" (seeds/002 line
 * 9628), "SIDE  |  11" (seeds/004 line 684), "Page 3 of 10", "3 / 10". "SIDE 6 - 9" (seeds/003 line
 * 2805) is a page range in a contents box and does not match.
 */
const PAGE_NUMBER_ANYWHERE: readonly RegExp[] = [
  /^(side|page|s\.)\s*\d{1,4}\s*(af|of|\/)\s*\d{1,4}$/iu,
  /^(side|page)\s*\|\s*\d{1,4}$/iu,
  /^\d{1,4}\s*\|\s*(side|page)$/iu,
];

/** "KKR Nordjylland  | 20-09-2024" (seeds/004 line 682): a name, a bar, a date and nothing else. */
const TEMPLATE_HEADER = /^[\p{L}][\p{L}\p{N} .&-]{1,60} ?\| ?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/u;

/** Page-number lines that are running text only at a page edge: "7", "- 7 -", "Side 7", "7/72". */
const PAGE_NUMBER_AT_EDGE: readonly RegExp[] = [
  /^[-–]?\s*\d{1,3}\s*[-–]?$/u,
  /^(side|page|s\.)\s*\d{1,4}$/iu,
  /^\d{1,3}\s*(\/|af|of)\s*\d{1,3}$/iu,
];

/**
 * Returns the line numbers of running headers and footers.
 *
 * A line is running text when it is a page number (see the patterns above), or when its shape (digits
 * masked, spaces collapsed, case folded) recurs at the edges of several pages: "KKR Nordjylland  |
 * 20-09-2024" stands at four page breaks of seeds/004 (lines 682, 948, 1751, 1845). Page edges are the
 * first and last few text lines of each page, taken from `SourceLine.page`, so the rule works for any
 * body and any layout whose extraction keeps pages.
 *
 * @example
 * const skip = findRunningLines(doc.lines);
 * joinLines(doc.lines, isWord, skip);
 */
export function findRunningLines(lines: readonly SourceLine[]): Set<number> {
  const running = new Set<number>();
  const edge = edgeLines(lines);
  for (const line of lines) {
    // Every page-number pattern has a digit and is short; most lines fail this before any rewriting.
    if (!/\d/.test(line.text) || line.text.trim().length > 40) continue;
    const text = normaliseSpace(line.text);
    if (text === "") continue;
    if (PAGE_NUMBER_ANYWHERE.some((pattern) => pattern.test(text))) running.add(line.line);
    else if (
      isOuterEdge(edge.get(line.line)?.place) &&
      PAGE_NUMBER_AT_EDGE.some((pattern) => pattern.test(text))
    ) {
      // Only the very first or last line of a page: a goal or item number just below a page's first
      // line is content ("Mål" / "1", seeds/000 lines 1456-1457).
      running.add(line.line);
    }
  }
  // Repeated shapes at page edges. A running line stands at the same place on each page (first line,
  // second line, last line ...), so a shape is counted per place from the page's top or bottom.
  const pagesByKey = new Map<string, Set<number>>();
  const linesByKey = new Map<string, number[]>();
  const pagesByShape = new Map<string, Set<number>>();
  const linesByShape = new Map<string, number[]>();
  for (const [lineNumber, { place, line }] of edge) {
    const shape = shapeOf(line.text);
    if (shape.length < 3) continue;
    for (const [key, pagesMap, linesMap] of [
      [`${place} ${shape}`, pagesByKey, linesByKey],
      [shape, pagesByShape, linesByShape],
    ] as const) {
      const pageSet = pagesMap.get(key) ?? new Set<number>();
      pageSet.add(line.page);
      pagesMap.set(key, pageSet);
      // Pushed, not copied: a header on every page would otherwise copy its list once per page.
      const lineList = linesMap.get(key) ?? [];
      lineList.push(lineNumber);
      linesMap.set(key, lineList);
    }
  }
  // A repeated shape is running text when it stands next to a page number at most of its places
  // (seeds/004: "KKR Nordjylland  |  20-09-2024" two lines above "SIDE  |  11"), or when it is at the
  // same edge place of at least half of all pages (a document title repeated as a header). Text seeds
  // mark pages loosely (any paragraph that starts with one space), so a shape that merely recurs at a
  // few "edges" ("Beslutning", "Formål") is not enough.
  const pageCount = new Set(lines.map((line) => line.page)).size;
  const numberLines = [...running].sort((a, b) => a - b);
  // Beside means on the same page: the first line of a page follows the page number of the page before
  // ("Baggrund" opening page 4 of a rendered agenda, right after "Side 3 af 8"), and is not its header.
  const pageOfLine = new Map<number, number>();
  for (const line of lines) pageOfLine.set(line.line, line.page);
  for (const [shape, pageSet] of pagesByShape) {
    if (pageSet.size < 2) continue;
    const places = linesByShape.get(shape) ?? [];
    const besidePageNumber = places.filter((place) =>
      nearAny(
        numberLines,
        place,
        NEAR_PAGE_NUMBER,
        (found) => pageOfLine.get(found) === pageOfLine.get(place),
      ),
    ).length;
    if (besidePageNumber >= Math.max(2, places.length * 0.75)) for (const place of places) running.add(place);
  }
  // The KL template's header "<body>  |  <date>" is running text wherever it recurs, also where the
  // extraction kept no page number beside it.
  const templateHeaders = new Map<string, number[]>();
  for (const line of lines) {
    if (!line.text.includes("|")) continue;
    const text = normaliseSpace(line.text);
    if (!TEMPLATE_HEADER.test(text)) continue;
    const shape = shapeOf(text);
    const places = templateHeaders.get(shape) ?? [];
    places.push(line.line);
    templateHeaders.set(shape, places);
  }
  for (const places of templateHeaders.values()) {
    if (places.length >= 2) for (const place of places) running.add(place);
  }
  for (const [key, pageSet] of pagesByKey) {
    if (pageSet.size >= MIN_REPEATS && pageSet.size >= pageCount * 0.5) {
      for (const place of linesByKey.get(key) ?? []) running.add(place);
    }
  }
  return running;
}

/** The first or last text line of a page. */
function isOuterEdge(place: string | undefined): boolean {
  return place === "t0" || place === "b0";
}

/**
 * True when a sorted list holds a number other than `value` within `distance` of it that `accept` takes.
 * A binary search finds the window: a scan of the whole list for every place would grow with pages times
 * pages.
 */
function nearAny(
  sorted: readonly number[],
  value: number,
  distance: number,
  accept: (found: number) => boolean,
): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value - distance) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < sorted.length && (sorted[index] as number) <= value + distance; index++) {
    if (sorted[index] !== value && accept(sorted[index] as number)) return true;
  }
  return false;
}

/** The first and last few text lines of every page, by line number, with their place ("t0", "b1"). */
function edgeLines(lines: readonly SourceLine[]): Map<number, { place: string; line: SourceLine }> {
  const byPage = new Map<number, SourceLine[]>();
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const page = byPage.get(line.page) ?? [];
    page.push(line);
    byPage.set(line.page, page);
  }
  const edge = new Map<number, { place: string; line: SourceLine }>();
  for (const pageLines of byPage.values()) {
    pageLines.slice(-EDGE_LINES).forEach((line, index, last) => {
      edge.set(line.line, { place: `b${last.length - 1 - index}`, line });
    });
    // The top wins where a short page's lines are both.
    pageLines.slice(0, EDGE_LINES).forEach((line, index) => {
      edge.set(line.line, { place: `t${index}`, line });
    });
  }
  return edge;
}

function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00A0]+/g, " ").trim();
}

/** The shape a running line keeps from page to page: digits masked, spaces collapsed, case folded. */
function shapeOf(text: string): string {
  return normaliseSpace(text).toLowerCase().replace(/\d+/g, "#");
}
