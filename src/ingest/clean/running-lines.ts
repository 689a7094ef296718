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
/** Longest line a page-number pattern is tried on: a footer is a line of a few words, not a paragraph. */
const MAX_FOOTER_CHARS = 100;

/**
 * Page-number lines that need no page boundary to be recognised: "Side 27 af 72" (seeds/002 line
 * 9628), "SIDE  |  11" (seeds/004 line 684), "Page 3 of 10", and the same after the document's name or
 * date ("Referat Økonomiudvalget 04.12.2012 Side 2 af 7"). "SIDE 6 - 9" (seeds/003 line 2805) is a page
 * range in a contents box and does not match.
 */
const PAGE_NUMBER_ANYWHERE: readonly RegExp[] = [
  /^(side|page|s\.)\s*\d{1,4}\s*(af|of|\/)\s*\d{1,4}$/iu,
  /^(side|page)\s*\|\s*\d{1,4}$/iu,
  /^\d{1,4}\s*\|\s*(side|page)$/iu,
  /^\S.{0,80}\s(side|page)\s*\d{1,4}\s*(af|of|\/)\s*\d{1,4}$/iu,
];

/** "KKR Nordjylland  | 20-09-2024" (seeds/004 line 682): a name, a bar, a date and nothing else. */
const TEMPLATE_HEADER = /^[\p{L}][\p{L}\p{N} .&-]{1,60} ?\| ?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/u;

/** Page-number lines that are running text only on a page's very first or last line: "7", "- 7 -". */
const PAGE_NUMBER_AT_OUTER_EDGE: readonly RegExp[] = [/^[-–]?\s*\d{1,3}\s*[-–]?$/u];

/** Page-number lines that are running text among the first or last few lines of a page: "Side 7", "7/72", "1 of 5". */
const PAGE_NUMBER_AT_EDGE: readonly RegExp[] = [
  /^(side|page|s\.)\s*\d{1,4}$/iu,
  /^\d{1,3}\s*(\/|af|of)\s*\d{1,3}$/iu,
];

/**
 * A page number labelled "Side" after a title or date ("Referat For Økonomiudvalget Side 2", "Dato:
 * 04.12.2012 Side 1") or before one ("Side 2 - Referat"). A sentence can end so too ("Se notatet i bilag 1
 * side 2"), so such a line is running text only where it recurs at the edges of several pages with its
 * number following the page, or where it is the one page number of a one-page document.
 */
const LABELLED_PAGE_NUMBER: readonly RegExp[] = [
  /^\S.{0,80}\s(side|page)\s*\d{1,4}$/iu,
  /^(side|page)\s*\d{1,4}\s*[|–-]\s*\p{L}.{0,80}$/iu,
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
  const labelled = new Map<string, SourceLine[]>();
  for (const line of lines) {
    // Every page-number pattern has a digit and is short; most lines fail this before any rewriting.
    if (!/\d/.test(line.text) || line.text.trim().length > MAX_FOOTER_CHARS) continue;
    const text = normaliseSpace(line.text);
    if (text === "") continue;
    const place = edge.get(line.line)?.place;
    if (PAGE_NUMBER_ANYWHERE.some((pattern) => pattern.test(text))) running.add(line.line);
    else if (place !== undefined && PAGE_NUMBER_AT_EDGE.some((pattern) => pattern.test(text))) {
      if (isPageCount(text)) running.add(line.line);
    } else if (place !== undefined && LABELLED_PAGE_NUMBER.some((pattern) => pattern.test(text))) {
      const shape = shapeOf(text);
      const places = labelled.get(shape) ?? [];
      places.push(line);
      labelled.set(shape, places);
    } else if (isOuterEdge(place) && PAGE_NUMBER_AT_OUTER_EDGE.some((pattern) => pattern.test(text))) {
      // Only the very first or last line of a page: a goal or item number just below a page's first
      // line is content ("Mål" / "1", seeds/000 lines 1456-1457).
      running.add(line.line);
    }
  }
  const lastPage = lines.length > 0 ? (lines[lines.length - 1] as SourceLine).page : 0;
  for (const found of labelled.values()) {
    const pageSet = new Set(found.map((line) => line.page));
    const onePage =
      lastPage === 1 && found.length === 1 && /(?:side|page)\s*1(?!\d)/iu.test(found[0]?.text ?? "");
    if (onePage || (pageSet.size >= 2 && numbersFollowPages(found))) {
      for (const line of found) running.add(line.line);
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
  const lineByNumber = new Map<number, SourceLine>();
  for (const line of lines) {
    pageOfLine.set(line.line, line.page);
    lineByNumber.set(line.line, line);
  }
  // A header beside the page number stands on nearly every numbered page; a field heading that happens to
  // open two of three pages ("Indstilling" under "Referat ... Side 2") does not.
  const numberedPages = new Set(numberLines.map((found) => pageOfLine.get(found)));
  for (const [shape, pageSet] of pagesByShape) {
    if (pageSet.size < Math.max(2, numberedPages.size * 0.75)) continue;
    const places = linesByShape.get(shape) ?? [];
    const besidePageNumber = places.filter((place) =>
      nearAny(
        numberLines,
        place,
        NEAR_PAGE_NUMBER,
        (found) => pageOfLine.get(found) === pageOfLine.get(place),
      ),
    ).length;
    if (
      besidePageNumber >= Math.max(2, places.length * 0.75) &&
      numbersFollowPages(linesAt(places, lineByNumber))
    ) {
      for (const place of places) running.add(place);
    }
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
    const places = linesByKey.get(key) ?? [];
    if (
      pageSet.size >= MIN_REPEATS &&
      pageSet.size >= pageCount * 0.5 &&
      numbersFollowPages(linesAt(places, lineByNumber))
    ) {
      for (const place of places) running.add(place);
    }
  }
  return running;
}

/**
 * True unless a page-number pattern with a count names a page beyond it ("3 af 2" is a score or a
 * fraction, not a page).
 */
function isPageCount(text: string): boolean {
  const count = /(\d{1,4})\s*(?:af|of|\/)\s*(\d{1,4})$/iu.exec(text);
  return count === null || Number(count[1]) <= Number(count[2]);
}

/**
 * True when the lines of a repeated shape differ only in numbers that follow the page: the same text on
 * every page ("Sager på vej – Sundhed og Omsorg 2025"), or a number that grows with the page it stands
 * on ("Referat 12. marts 2024 – side 3"). Numbered headings share a shape too ("7.3 Anbefalinger" and
 * "9.3 Anbefalinger" open chapters of the KL report in ../shared/real-pdf, each beside its page number),
 * but their numbers do not step with the pages, and they are content.
 */
function numbersFollowPages(lines: readonly SourceLine[]): boolean {
  const found = lines.map((line) => ({
    page: line.page,
    numbers: (line.text.match(/\d+/g) ?? []).map(Number),
  }));
  const first = found[0];
  if (!first) return false;
  for (let index = 0; index < first.numbers.length; index++) {
    const values = found.map((entry) => entry.numbers[index]);
    if (values.every((value) => value === values[0])) continue;
    // A page number is the page's place in the file plus a fixed offset (a cover or a contents page
    // left unnumbered); most of the lines must agree on that offset.
    const offsets = new Map<number, number>();
    for (const entry of found) {
      const value = entry.numbers[index];
      if (value === undefined) continue;
      offsets.set(value - entry.page, (offsets.get(value - entry.page) ?? 0) + 1);
    }
    const agreeing = Math.max(0, ...offsets.values());
    if (agreeing < found.length * 0.75) return false;
  }
  return found.every((entry) => entry.numbers.length === first.numbers.length);
}

function linesAt(places: readonly number[], lineByNumber: ReadonlyMap<number, SourceLine>): SourceLine[] {
  return places.flatMap((place) => {
    const line = lineByNumber.get(place);
    return line ? [line] : [];
  });
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
