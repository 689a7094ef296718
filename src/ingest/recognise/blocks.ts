/**
 * @module Structure inside a field: its lines become blocks (paragraphs, sub-headings, bulleted and
 * numbered lists, tables with header and rows) from layout cues the line view keeps: blank lines,
 * bullets and numbering, short lines standing alone, capitals and (PDF) weight and size, and rows of
 * cells set apart by wide gaps or ending in a run of numbers. Pure: lines in, blocks out.
 */
import type {
  FieldBlock,
  ItemBlocks,
  ItemFieldKey,
  TableBlock,
  TableHeaderGroup,
} from "../../domain/index.js";
import { normaliseSpace, type ViewLine } from "./line-view.js";

/** Cleaned text of the original lines lineStart..lineEnd (1-based, inclusive). */
export type LineText = (lineStart: number, lineEnd: number) => string;

/** What the block reader needs besides the lines. */
export interface BlockContext {
  /** Cleaned text of a line range (hyphenation joined as in the field's plain text). */
  readonly textOf: LineText;
  /** Blank lines that usually stand between two lines of one paragraph (see usualLineGap). */
  readonly gap: number;
  /** The document's body font size (PDF), or null for plain text. */
  readonly bodyFontSize: number | null;
}

/**
 * The blank lines that usually part two lines of one paragraph: 0 in most files, 1 in text that a PDF
 * converter wrote with a blank line after every line (seeds/004). A paragraph break is more than that.
 */
export function usualLineGap(lines: readonly ViewLine[]): number {
  const counts = new Map<number, number>();
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as ViewLine;
    if (line.pageStart) continue;
    counts.set(line.blankBefore, (counts.get(line.blankBefore) ?? 0) + 1);
  }
  let gap = 0;
  let most = 0;
  for (const [blanks, count] of counts) {
    if (count > most || (count === most && blanks < gap)) {
      gap = blanks;
      most = count;
    }
  }
  return gap;
}

/**
 * Reads a field's lines (the lines under its heading) as blocks.
 *
 * @example
 * fieldBlocks(view.content.slice(from, to + 1), { textOf, gap: usualLineGap(itemLines), bodyFontSize: null });
 * // [{ type: "heading", level: 1, text: "Budget 2025" }, { type: "paragraph", text: "Regnskab 2023 ..." }]
 */
export function fieldBlocks(lines: readonly ViewLine[], context: BlockContext): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  let from = 0;
  for (const table of findTables(lines, context)) {
    pushAll(blocks, flowBlocks(lines.slice(from, table.start), context));
    blocks.push(table.block);
    from = table.end + 1;
  }
  pushAll(blocks, flowBlocks(lines.slice(from), context));
  return levelHeadings(blocks, lines, context);
}

/** True when blocks hold more than paragraphs (and so say something the plain text does not). */
export function hasStructure(blocks: readonly FieldBlock[]): boolean {
  return blocks.some((block) => block.type !== "paragraph");
}

/**
 * Where a table stands at the very end of the lines after finished text, set apart by a paragraph break:
 * the index of its first line (header included), or null. A table that a sentence ending in ":"
 * introduces belongs where it stands.
 */
export function trailingTableStart(lines: readonly ViewLine[], context: BlockContext): number | null {
  const tables = findTables(lines, context);
  const last = tables.at(-1);
  if (!last || last.end !== lines.length - 1 || last.start === 0) return null;
  const before = lines[last.start - 1] as ViewLine;
  if (!endsSentence(before.text) || before.text.endsWith(":")) return null;
  if (!isBreak(lines, last.start, context.gap)) return null;
  return last.start;
}

// ---------------------------------------------------------------------------------------------------
// Tables

interface FoundTable {
  readonly start: number;
  readonly end: number;
  readonly block: TableBlock;
}

/** A number as tables print it: 851, 1.778, 37.323.308, 12,5, -3, 14 %, or a dash for none. */
const NUMBER_CELL = /^(?:[-–+]?(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d+)?%?|[-–])$/u;
const YEAR = /^(?:19|20)\d\d$/;

interface RowShape {
  readonly cells: string[];
  readonly numbers: number;
  /** A short label and one number with no gap between ("Horsens 2.579"): a row only among many. */
  readonly weak: boolean;
}

/**
 * The cells of a line read as a table row: parts between gaps of two or more spaces (or tabs), and a
 * part that ends in two or more numbers split into its label and the numbers. Null for a line that is
 * no row: a list item, one cell only, or prose.
 */
function rowCells(line: ViewLine): RowShape | null {
  if (BULLET.test(line.raw)) return null;
  const parts = line.raw
    .trim()
    .split(/ {2,}|\t+/)
    .map(normaliseSpace)
    .filter((part) => part !== "");
  const cells: string[] = [];
  for (const part of parts) {
    const tokens = part.split(" ");
    let first = tokens.length;
    while (first > 0 && NUMBER_CELL.test(tokens[first - 1] as string)) first--;
    const trailing = tokens.length - first;
    const shortLabel = trailing === 1 && parts.length === 1 && first > 0 && part.length <= 40;
    if (
      trailing >= 2 ||
      (trailing === 1 && first === 0) ||
      (trailing >= 1 && parts.length > 1) ||
      shortLabel
    ) {
      if (first > 0) cells.push(tokens.slice(0, first).join(" "));
      pushAll(cells, tokens.slice(first));
    } else {
      cells.push(part);
    }
  }
  if (cells.length < 2) return null;
  // Two sentences parted by a double space are prose, not cells.
  if (
    parts.length > 1 &&
    parts.some((part, index) => index < parts.length - 1 && /\p{Ll}{3,}[.!?]$/u.test(part))
  )
    return null;
  const label = cells[0] as string;
  if (label.length > 80 || endsSentence(label)) return null;
  const numbers = cells.filter((cell) => NUMBER_CELL.test(cell)).length;
  const weak = parts.length === 1 && numbers < 2;
  if (weak && !(cells.length === 2 && numbers === 1)) return null;
  return { cells, numbers, weak };
}

/** Runs of rows with the same number of cells, each with the header found above it. */
function findTables(lines: readonly ViewLine[], context: BlockContext): FoundTable[] {
  const shapes = lines.map(rowCells);
  const tables: FoundTable[] = [];
  let index = 0;
  let claimedTo = -1;
  while (index < lines.length) {
    const shape = shapes[index];
    if (!shape) {
      index++;
      continue;
    }
    let end = index;
    while (end + 1 < lines.length && shapes[end + 1]?.cells.length === shape.cells.length) end++;
    const rows = shapes.slice(index, end + 1) as RowShape[];
    const numeric = rows.every((row) => row.numbers > 0);
    const weak = rows.some((row) => row.weak);
    if ((rows.length >= 3 && !weak) || (rows.length >= 2 && numeric && !weak) || (weak && rows.length >= 4)) {
      tables.push(buildTable(lines, index, end, rows, claimedTo + 1, context));
      claimedTo = end;
    }
    index = end + 1;
  }
  return tables;
}

function buildTable(
  lines: readonly ViewLine[],
  first: number,
  last: number,
  shapes: readonly RowShape[],
  earliest: number,
  context: BlockContext,
): FoundTable {
  const columns = (shapes[0] as RowShape).cells.length;
  let rows = shapes.map((shape) => shape.cells);
  const labelled = rows.some((row) => !NUMBER_CELL.test(row[0] as string));
  // A first row of years over rows of other numbers is the header row ("Kommune  2024  2025").
  const top = rows[0] as string[];
  if (
    rows.length >= 3 &&
    top.slice(1).every((cell) => YEAR.test(cell) || !NUMBER_CELL.test(cell)) &&
    rows.slice(1).some((row) => row.slice(1).some((cell) => NUMBER_CELL.test(cell) && !YEAR.test(cell)))
  ) {
    rows = rows.slice(1);
    return { start: first, end: last, block: { type: "table", header: top, rows } };
  }
  let start = first;
  while (start > earliest && first - start < 16 && isHeaderLine(lines[start - 1] as ViewLine)) start--;
  const header = assembleHeader(lines.slice(start, first), columns, labelled, context);
  const block: TableBlock = header
    ? {
        type: "table",
        header: header.header,
        ...(header.groups ? { headerGroups: header.groups } : {}),
        rows,
      }
    : { type: "table", header: [], rows };
  return { start: header ? first - header.used : first, end: last, block };
}

/** A line that may be a header cell above a table: short, no sentence, no list item. */
function isHeaderLine(line: ViewLine): boolean {
  return (
    line.text.length <= 60 && !endsSentence(line.text) && !BULLET.test(line.raw) && !ORDERED.test(line.raw)
  );
}

interface AssembledHeader {
  readonly header: string[];
  readonly groups?: TableHeaderGroup[];
  /** Lines (counted back from the first row) that the header took. */
  readonly used: number;
}

/**
 * The header over a table's rows from the short lines above them, tried two ways. Each line a header
 * row whose cells a wide gap or a repeated first word parts ("År 2024 (i 2025 priser) År 2025" over
 * "i kr. i kr."); or each group of lines that stand together one cell, the last groups one per column
 * and any groups before them spanning the columns evenly (seeds/004 item 2.8: "Social- og
 * sundhedshjælpere" over "Dimensionering 2024" and "Dimensionering 2025").
 */
function assembleHeader(
  lines: readonly ViewLine[],
  columns: number,
  labelled: boolean,
  context: BlockContext,
): AssembledHeader | null {
  if (lines.length === 0) return null;
  const dataColumns = labelled ? columns - 1 : columns;
  const padded = (cells: readonly string[]): string[] =>
    cells.length === columns ? [...cells] : ["", ...cells];
  // One header row per line, read from the bottom up while lines split.
  const splitRows: string[][] = [];
  for (let index = lines.length - 1; index >= 0; index--) {
    const raw = (lines[index] as ViewLine).raw;
    const cells = splitHeaderLine(raw, columns) ?? (labelled ? splitHeaderLine(raw, dataColumns) : null);
    if (!cells) break;
    splitRows.unshift(padded(cells));
  }
  if (splitRows.length > 0) {
    const header = Array.from({ length: columns }, (_, column) =>
      normaliseSpace(splitRows.map((row) => row[column] ?? "").join(" ")),
    );
    return { header, used: splitRows.length };
  }
  // Groups of lines that stand closer together than lines of a paragraph do.
  const groups: { from: number; to: number }[] = [];
  lines.forEach((line, index) => {
    const open = groups.at(-1);
    if (open && index > 0 && line.blankBefore < context.gap && !line.pageStart) open.to = index;
    else groups.push({ from: index, to: index });
  });
  const textOfGroup = (group: { from: number; to: number }): string =>
    normaliseSpace(context.textOf((lines[group.from] as ViewLine).line, (lines[group.to] as ViewLine).line));
  if (groups.length < dataColumns) return null;
  const columnGroups = groups.slice(groups.length - dataColumns);
  const header = padded(columnGroups.map(textOfGroup));
  let spanning = 0;
  for (let count = Math.min(groups.length - dataColumns, dataColumns - 1); count >= 2; count--) {
    if (dataColumns % count === 0) {
      spanning = count;
      break;
    }
  }
  const spanGroups = groups.slice(groups.length - dataColumns - spanning, groups.length - dataColumns);
  const firstUsed = (spanGroups[0] ?? (columnGroups[0] as { from: number })).from;
  const used = lines.length - firstUsed;
  if (spanning === 0) return { header, used };
  const span = dataColumns / spanning;
  const groupCells: TableHeaderGroup[] = spanGroups.map((group) => ({ text: textOfGroup(group), span }));
  return {
    header,
    groups: labelled ? [{ text: "", span: 1 }, ...groupCells] : groupCells,
    used,
  };
}

/** A header line parted into `count` cells by wide gaps, or before each repeat of its first word. */
function splitHeaderLine(raw: string, count: number): string[] | null {
  if (count < 2) return null;
  const parts = raw
    .trim()
    .split(/ {2,}|\t+/)
    .map(normaliseSpace)
    .filter((part) => part !== "");
  if (parts.length === count) return parts;
  const tokens = normaliseSpace(raw).split(" ");
  const firstWord = (tokens[0] as string).toLowerCase();
  const starts = tokens.flatMap((token, index) => (token.toLowerCase() === firstWord ? [index] : []));
  if (starts.length !== count) return null;
  return starts.map((at, index) => tokens.slice(at, starts[index + 1] ?? tokens.length).join(" "));
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs, headings and lists

/** A bullet as Word, PDF converters and typists set it, followed by the item's text. */
const BULLET = /^\s*[•·▪◦●■□➢►✓*\-–—]\s+\S/u;
/** A numbered or lettered item: "1.", "2)", "a)", "b.", "iv)". */
const ORDERED = /^\s*(\d{1,2}|[a-zæøå]|[ivx]{1,4})[.)]\s+\S/iu;

/** The order value of a numbered item's marker in a list of the given style, or null. */
function orderValue(raw: string, style: "digit" | "letter" | "roman"): number | null {
  const match = ORDERED.exec(raw);
  const marker = match?.[1]?.toLowerCase();
  if (!marker) return null;
  if (style === "digit") return /^\d+$/.test(marker) ? Number(marker) : null;
  if (style === "roman") return romanValue(marker);
  return /^[a-zæøå]$/.test(marker) ? "abcdefghijklmnopqrstuvwxyzæøå".indexOf(marker) + 1 : null;
}

function romanValue(marker: string): number | null {
  const romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
  const at = romans.indexOf(marker);
  return at === -1 ? null : at + 1;
}

function orderStyle(raw: string): "digit" | "letter" | "roman" | null {
  const marker = ORDERED.exec(raw)?.[1]?.toLowerCase();
  if (!marker) return null;
  if (/^\d+$/.test(marker)) return marker === "1" ? "digit" : null;
  if (marker === "i") return "roman";
  return marker === "a" ? "letter" : null;
}

/** A line ends a sentence (or a lead-in): ".", "!", "?", ":" or ";" after a word, not an abbreviation. */
function endsSentence(text: string): boolean {
  // The pattern is tried at every word of the line; a line whose last character can end no match (a
  // wrapped line ends on a letter) is settled without it.
  if (!SENTENCE_LAST.includes(text.at(-1) ?? "\n")) return false;
  return /(?:\p{L}{3,}|\d|\))[.!?]["”’)]?$|[:;]$/u.test(text);
}

/** The characters a match of endsSentence's pattern can end with. */
const SENTENCE_LAST = '.!?"”’):;';

/** True when a paragraph break stands before line `index`: more blank lines than between lines. */
function isBreak(lines: readonly ViewLine[], index: number, gap: number): boolean {
  if (index === 0) return true;
  const line = lines[index] as ViewLine;
  const previous = lines[index - 1] as ViewLine;
  // A page break inside a sentence is no paragraph break (text goes on in lower case).
  if (!/[.:;!?)”"]$/.test(previous.text) && /^\p{Ll}/u.test(line.text)) return false;
  return line.blankBefore > gap;
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A sub-heading: a short line opening a paragraph, without closing punctuation, followed by text that
 * starts a sentence. In capitals, or in a PDF set larger or in bold, it may stand apart from its text;
 * otherwise it must bind to the text under it, so that a one-line paragraph ("Godkendt") stays text.
 */
function isHeading(lines: readonly ViewLine[], index: number, context: BlockContext): boolean {
  const line = lines[index] as ViewLine;
  const next = lines[index + 1];
  const text = line.text;
  if (!next || text.length > 80 || !/^[\p{Lu}\d]/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  if (/[.,:;!?\-–]$/.test(text) || BULLET.test(line.raw) || ORDERED.test(line.raw)) return false;
  // A lead-in clause ("Administrationen indstiller, at") is no heading.
  if (text.includes(", ")) return false;
  const previous = lines[index - 1];
  const opens = isBreak(lines, index, context.gap) || (previous !== undefined && endsSentence(previous.text));
  if (!opens) return false;
  const nextText = stripMarker(stripMarker(next.text, false), true);
  if (!/^[\p{Lu}\d"“„]/u.test(nextText)) return false;
  if (line.fontSize !== undefined && context.bodyFontSize !== null) {
    return isEmphasised(line, context) || isCapitals(text);
  }
  if (isCapitals(text)) return true;
  return text.length <= 70 && !isBreak(lines, index + 1, context.gap);
}

function isEmphasised(line: ViewLine, context: BlockContext): boolean {
  if (line.bold) return true;
  return (
    line.fontSize !== undefined && context.bodyFontSize !== null && line.fontSize >= context.bodyFontSize + 1
  );
}

/** Where a list opens at `index`: its kind, or null. */
function listStart(
  lines: readonly ViewLine[],
  index: number,
  gap: number,
): { ordered: false } | { ordered: true; style: "digit" | "letter" | "roman" } | null {
  const line = lines[index] as ViewLine;
  const previous = lines[index - 1];
  if (BULLET.test(line.raw)) {
    // A dash at the start of a line inside a sentence is no bullet: a list opens a paragraph, follows a
    // finished sentence or a lead-in ("Fra KKR Nordjylland blev det bl.a. bemærket," over "– at ...",
    // seeds/004 item 2.3), or has a second bullet right after.
    const opens =
      isBreak(lines, index, gap) ||
      previous === undefined ||
      endsSentence(previous.text) ||
      previous.text.endsWith(",") ||
      hasNextBullet(lines, index, gap);
    return opens ? { ordered: false } : null;
  }
  const style = orderStyle(line.raw);
  if (!style) return null;
  // A lone "1." (a date, "1. september") is no list: the next number must follow within the next lines.
  for (let probe = index + 1; probe < Math.min(lines.length, index + 12); probe++) {
    const value = orderValue((lines[probe] as ViewLine).raw, style);
    if (value === 2) return { ordered: true, style };
    if (value !== null || isBreak(lines, probe, gap)) break;
  }
  return null;
}

/** True when another bullet follows within a few lines of the same paragraph. */
function hasNextBullet(lines: readonly ViewLine[], index: number, gap: number): boolean {
  for (let probe = index + 1; probe < Math.min(lines.length, index + 6); probe++) {
    if (isBreak(lines, probe, gap)) return false;
    if (BULLET.test((lines[probe] as ViewLine).raw)) return true;
  }
  return false;
}

/** Paragraphs, headings and lists of lines that hold no table. */
function flowBlocks(lines: readonly ViewLine[], context: BlockContext): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  const text = (from: number, to: number): string =>
    normaliseSpace(context.textOf((lines[from] as ViewLine).line, (lines[to] as ViewLine).line));
  let index = 0;
  while (index < lines.length) {
    const list = listStart(lines, index, context.gap);
    if (list) {
      const items: string[] = [];
      let expected = 1;
      let at = index;
      while (at < lines.length) {
        const line = lines[at] as ViewLine;
        const isItem = list.ordered ? orderValue(line.raw, list.style) === expected : BULLET.test(line.raw);
        if (!isItem) break;
        let end = at;
        while (
          end + 1 < lines.length &&
          !isBreak(lines, end + 1, context.gap) &&
          !BULLET.test((lines[end + 1] as ViewLine).raw) &&
          !(list.ordered && orderValue((lines[end + 1] as ViewLine).raw, list.style) === expected + 1)
        ) {
          end++;
        }
        items.push(stripMarker(text(at, end), list.ordered));
        expected++;
        at = end + 1;
        if (at < lines.length && isBreak(lines, at, context.gap)) break;
      }
      blocks.push({ type: "list", ordered: list.ordered, items });
      index = at;
      continue;
    }
    if (isHeading(lines, index, context)) {
      blocks.push({ type: "heading", level: 1, text: (lines[index] as ViewLine).text });
      index++;
      continue;
    }
    let end = index;
    while (
      end + 1 < lines.length &&
      !isBreak(lines, end + 1, context.gap) &&
      !listStart(lines, end + 1, context.gap) &&
      !(isEmphasised(lines[end + 1] as ViewLine, context) && isHeading(lines, end + 1, context))
    ) {
      end++;
    }
    blocks.push({ type: "paragraph", text: text(index, end) });
    index = end + 1;
  }
  return blocks;
}

function stripMarker(text: string, ordered: boolean): string {
  return ordered
    ? text.replace(/^(?:\d{1,2}|[a-zæøå]|[ivx]{1,4})[.)]\s+/iu, "")
    : text.replace(/^[•·▪◦●■□➢►✓*\-–—]\s+/u, "");
}

/**
 * Two kinds of sub-heading in one field (capitals or a larger size over plain short lines) become two
 * levels; one kind alone is level 1.
 */
function levelHeadings(
  blocks: readonly FieldBlock[],
  lines: readonly ViewLine[],
  context: BlockContext,
): FieldBlock[] {
  const strongTexts = new Set(
    lines
      .filter(
        (line) =>
          isCapitals(line.text) ||
          (line.fontSize !== undefined &&
            context.bodyFontSize !== null &&
            line.fontSize >= context.bodyFontSize + 1),
      )
      .map((line) => line.text),
  );
  const headings = blocks.filter((block) => block.type === "heading");
  const strong = headings.filter((block) => strongTexts.has(block.text));
  if (strong.length === 0 || strong.length === headings.length) return [...blocks];
  return blocks.map((block) =>
    block.type === "heading" && !strongTexts.has(block.text) ? { ...block, level: 2 } : block,
  );
}

/**
 * Appends one by one: push(...items) passes every item as an argument, which overflows the stack on
 * long inputs.
 */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A field's lines as content positions of the line view (inclusive), under its heading. */
export interface FieldRange {
  readonly key: ItemFieldKey;
  readonly from: number;
  readonly to: number;
}

/**
 * Blocks of an item's fields from their line ranges (a repeated heading adds a range to its field);
 * undefined when no field has more structure than paragraphs.
 */
export function itemBlocks(
  content: readonly ViewLine[],
  ranges: readonly FieldRange[],
  context: BlockContext,
): ItemBlocks | undefined {
  const byField = new Map<ItemFieldKey, FieldBlock[]>();
  for (const range of ranges) {
    if (range.to < range.from) continue;
    const blocks = fieldBlocks(content.slice(range.from, range.to + 1), context);
    const known = byField.get(range.key);
    if (known) pushAll(known, blocks);
    else byField.set(range.key, blocks);
  }
  const result: Partial<Record<ItemFieldKey, readonly FieldBlock[]>> = {};
  let any = false;
  for (const [key, blocks] of byField) {
    if (!hasStructure(blocks)) continue;
    result[key] = blocks;
    any = true;
  }
  return any ? result : undefined;
}
