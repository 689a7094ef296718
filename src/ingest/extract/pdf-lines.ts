/**
 * @module Page layout for PDF extraction: text runs placed on a page become lines in reading order,
 * with two-column pages read column by column and paragraph gaps kept as blank lines. Pure geometry,
 * no pdf.js, so it can be tested on made-up runs.
 */
import type { SourceLine } from "../types.js";

/** A run of text placed on the page: x from the left, y from the bottom (PDF user space). */
export interface PlacedRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly bold: boolean;
  /** Set for text turned more than 45 degrees (a margin note running up the page). */
  readonly rotated?: boolean;
}

/** A line of a page before numbering; null stands for a blank line (a paragraph gap). */
export type PageLine = Omit<SourceLine, "line" | "page"> | null;

/** A piece of one visual line between two wide horizontal gaps. */
interface Segment {
  readonly runs: readonly PlacedRun[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

/** A built line with its place on the page. */
interface Placed {
  readonly y: number;
  readonly size: number;
  readonly line: NonNullable<PageLine>;
}

/** A gap wider than this many font sizes separates columns (or table cells), not words. */
const COLUMN_GAP_EM = 1.5;
/**
 * A gap between two runs wider than this many font sizes is a word space even where the PDF put no space
 * glyph there. Kerned or split words ("Perles fr" / "emtid") meet at a gap of about zero, a space is
 * 0.2-0.3 em; letter-spaced lines are measured against their own letter gap (see wordGapOf).
 */
const WORD_GAP_EM = 0.15;

/**
 * Builds the lines of one page in reading order.
 *
 * Runs whose baselines lie within a third of the font size share a visual line. A page is read as two
 * columns when many of its lines have two long pieces either side of one vertical gutter; a line that
 * crosses the gutter (a heading over both columns) ends one band of columns and starts the next. A
 * step between lines clearly larger than the page's usual leading becomes a blank line. Turned text
 * (a margin note running up the page) follows the page's lines, one line per run.
 *
 * @example
 * buildPageLines([{ text: "Referat", x: 56, y: 780, width: 70, fontSize: 18, bold: true }]);
 * // [{ text: "Referat", fontSize: 18, bold: true }]
 */
export function buildPageLines(runs: readonly PlacedRun[]): PageLine[] {
  const visible = runs.filter((run) => run.text.trim() !== "");
  // Space runs (pdf.js's own word spaces, from the font's space glyph or the gap it measured) stay with
  // the text so that placeLine can see them; they never make a line or a segment on their own.
  const rows = groupRows(runs.filter((run) => run.text !== "" && !run.rotated));
  const segmented = rows.map(splitSegments).filter((segments) => segments.length > 0);
  const gutter = findGutter(segmented);
  const ordered =
    gutter === null
      ? segmented.map((segments) => placeLine(segments.flatMap((s) => s.runs)))
      : readColumns(segmented, gutter);
  // Turned text has no place in the flow of lines: each run stands as a line of its own after the
  // page's text, left to right, so nothing is lost and nothing is woven into a sentence.
  const turned = visible
    .filter((run) => run.rotated)
    .sort((p, q) => p.x - q.x || q.y - p.y)
    .map((run): PageLine => ({ text: run.text, fontSize: run.fontSize, bold: run.bold }));
  const lines = withParagraphGaps(ordered);
  return turned.length === 0 ? lines : [...lines, ...(lines.length > 0 ? [null] : []), ...turned];
}

/** Groups runs into visual lines, top to bottom. Sorted by height, each run meets only the open line. */
function groupRows(runs: readonly PlacedRun[]): PlacedRun[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: PlacedRun[][] = [];
  let open: PlacedRun[] | null = null;
  for (const run of sorted) {
    const first = open?.[0];
    if (open && first && Math.abs(first.y - run.y) <= Math.max(first.fontSize, run.fontSize) / 3) {
      open.push(run);
    } else {
      open = [run];
      rows.push(open);
    }
  }
  for (const row of rows) row.sort((p, q) => p.x - q.x);
  return rows;
}

/**
 * Splits a visual line at gaps wider than COLUMN_GAP_EM font sizes. Space runs neither bridge a gap
 * (pdf.js may fill the whole gap between two cells with one) nor start or end a segment.
 */
function splitSegments(row: readonly PlacedRun[]): Segment[] {
  const segments: Segment[] = [];
  let current: PlacedRun[] = [];
  let end = Number.NEGATIVE_INFINITY;
  const close = () => {
    while (current.length > 0 && isSpaceRun(current[current.length - 1]!)) current.pop();
    if (current.length === 0) return;
    segments.push({
      runs: current,
      x0: current[0]!.x,
      // Reduced, not spread into Math.max: a row of a hundred thousand runs would overflow the stack.
      x1: current.reduce((most, run) => Math.max(most, run.x + run.width), Number.NEGATIVE_INFINITY),
      y: current[0]!.y,
      size: current.reduce((most, run) => Math.max(most, run.fontSize), Number.NEGATIVE_INFINITY),
    });
  };
  for (const run of row) {
    if (isSpaceRun(run)) {
      if (current.length > 0) current.push(run);
      continue;
    }
    if (current.length > 0 && run.x - end > run.fontSize * COLUMN_GAP_EM) {
      close();
      current = [];
    }
    current.push(run);
    end = Math.max(end, run.x + run.width);
  }
  close();
  return segments;
}

function isSpaceRun(run: PlacedRun): boolean {
  return run.text.trim() === "";
}

/**
 * The x of a column gutter, or null for a one-column page. A gutter needs at least four lines (and a
 * quarter of all lines) made of exactly two pieces that each span a quarter of the text width, all
 * split at the same place. Table rows have short cells and do not count.
 */
function findGutter(rows: readonly Segment[][]): number | null {
  const all = rows.flat();
  if (all.length === 0) return null;
  const left = all.reduce((least, segment) => Math.min(least, segment.x0), Number.POSITIVE_INFINITY);
  const right = all.reduce((most, segment) => Math.max(most, segment.x1), Number.NEGATIVE_INFINITY);
  const minWidth = (right - left) / 4;
  const gutters = rows
    .filter((row) => row.length === 2 && row.every((segment) => segment.x1 - segment.x0 >= minWidth))
    .map((row) => (row[0]!.x1 + row[1]!.x0) / 2);
  if (gutters.length < Math.max(4, rows.length / 4)) return null;
  const sorted = [...gutters].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const near = gutters.filter((x) => Math.abs(x - median) <= 20).length;
  return near >= gutters.length * 0.8 ? median : null;
}

/** Orders a two-column page: within each band between full-width lines, the left column, then the right. */
function readColumns(rows: readonly Segment[][], gutter: number): Placed[] {
  const out: Placed[] = [];
  let leftColumn: Placed[] = [];
  let rightColumn: Placed[] = [];
  const flush = () => {
    for (const line of leftColumn) out.push(line);
    for (const line of rightColumn) out.push(line);
    leftColumn = [];
    rightColumn = [];
  };
  for (const row of rows) {
    const crossing = row.some((segment) => segment.x0 < gutter && segment.x1 > gutter);
    if (crossing) {
      flush();
      out.push(placeLine(row.flatMap((segment) => segment.runs)));
      continue;
    }
    const leftRuns = row.filter((segment) => segment.x1 <= gutter).flatMap((segment) => segment.runs);
    const rightRuns = row.filter((segment) => segment.x0 >= gutter).flatMap((segment) => segment.runs);
    if (leftRuns.length > 0) leftColumn.push(placeLine(leftRuns));
    if (rightRuns.length > 0) rightColumn.push(placeLine(rightRuns));
  }
  flush();
  return out;
}

/**
 * Joins the runs of one line, left to right: one space where the PDF placed a space run (of a space's
 * width) between two runs, or left a gap wider than a word gap (wordGapOf) without one; nothing where runs meet, so that a
 * word split into runs by kerning ("T" / "eknisk") stays one word.
 */
function placeLine(allRuns: readonly PlacedRun[]): Placed {
  const runs = allRuns.filter((run) => !isSpaceRun(run));
  const wordGap = wordGapOf(runs);
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  let spaced = false;
  for (const run of allRuns) {
    if (isSpaceRun(run)) {
      // pdf.js also emits zero-width space runs where the font changes (before a superscript note
      // number): only a space run as wide as a real space separates words.
      if (run.width >= run.fontSize * WORD_GAP_EM) spaced = text !== "";
      continue;
    }
    if (
      text !== "" &&
      (spaced || run.x - end > run.fontSize * wordGap) &&
      !text.endsWith(" ") &&
      !run.text.startsWith(" ")
    ) {
      text += " ";
    }
    text += run.text;
    end = Math.max(end, run.x + run.width);
    spaced = false;
  }
  const size = runs.reduce((most, run) => Math.max(most, run.fontSize), Number.NEGATIVE_INFINITY);
  const bold = runs.every((run) => run.bold);
  return { y: runs[0]!.y, size, line: { text, fontSize: size, bold } };
}

/**
 * The gap, in font sizes, above which two runs of a line are two words. Where a line is set glyph by
 * glyph (each run one character, as letter-spaced headings and some generators write), the letters of a
 * word stand apart too: the word gap is then measured above the line's usual gap between letters, so
 * that "K O M M U N E" with tracking is not split into letters while the wider gaps between its words are.
 */
function wordGapOf(runs: readonly PlacedRun[]): number {
  const letterGaps: number[] = [];
  for (let index = 1; index < runs.length; index++) {
    const previous = runs[index - 1]!;
    const current = runs[index]!;
    if ([...previous.text].length !== 1 || [...current.text].length !== 1) continue;
    letterGaps.push((current.x - (previous.x + previous.width)) / current.fontSize);
  }
  if (letterGaps.length < 3) return WORD_GAP_EM;
  letterGaps.sort((a, b) => a - b);
  const usual = letterGaps[Math.floor((letterGaps.length - 1) / 2)]!;
  return Math.max(WORD_GAP_EM, usual + WORD_GAP_EM);
}

/**
 * Inserts a blank line where the step down to the next line is clearly larger than the page's usual
 * leading, measured in font sizes so that headings and footnotes do not set the measure. The usual
 * leading is the lower quartile of the steps (a page of few lines has as many gaps as lines, and its
 * median would be a paragraph gap), held to 1.05-2.5 so that a double-spaced page keeps its own measure.
 */
function withParagraphGaps(lines: readonly Placed[]): PageLine[] {
  const stepAt = (index: number) => {
    const previous = lines[index - 1]!;
    const current = lines[index]!;
    return (previous.y - current.y) / Math.max(previous.size, current.size);
  };
  const steps = lines
    .slice(1)
    .map((_, index) => stepAt(index + 1))
    .filter((step) => step > 0)
    .sort((a, b) => a - b);
  const quartile = steps[Math.floor((steps.length - 1) * 0.25)] ?? 1.2;
  const usual = Math.min(2.5, Math.max(1.05, quartile));
  const out: PageLine[] = [];
  lines.forEach((current, index) => {
    if (index > 0 && stepAt(index) > Math.max(usual * 1.4, usual + 0.5)) out.push(null);
    out.push(current.line);
  });
  return out;
}
