/**
 * @module The rich text of an item's fields: a small, safe Markdown subset the secretariat types in a
 * textarea and the store keeps as text. Paragraphs, "## heading", "- " and "1. " lists, pipe tables and
 * **bold**; nothing else is markup (no HTML, links or images), so any text is valid input and renders as
 * what it says.
 */

/** A run of text, bold or not. */
export interface RichSpan {
  readonly text: string;
  readonly bold: boolean;
}

/** One line of inline text: its spans in order. */
export type RichLine = readonly RichSpan[];

export interface RichParagraph {
  readonly kind: "paragraph";
  readonly spans: RichLine;
}

export interface RichHeading {
  readonly kind: "heading";
  readonly spans: RichLine;
}

export interface RichList {
  readonly kind: "list";
  readonly ordered: boolean;
  /** Number of the first entry of an ordered list (1 for unordered). */
  readonly start: number;
  readonly items: readonly RichLine[];
}

export interface RichTable {
  readonly kind: "table";
  /** The header row's cells, or null when the table has no "|---|" separator. */
  readonly header: readonly RichLine[] | null;
  readonly rows: readonly (readonly RichLine[])[];
}

export type RichBlock = RichParagraph | RichHeading | RichList | RichTable;

const HEADING = /^#{1,6}\s+(.*)$/;
const BULLET = /^[-*•]\s+(.*)$/;
const ORDERED = /^(\d{1,3})[.)]\s+(.*)$/;
const TABLE_ROW = /^\|.*\|?$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/**
 * Parses rich text into blocks. A blank line ends a block; lines of a paragraph are joined with a space;
 * an indented line continues the list entry above it.
 *
 * @example
 * parseRichText("## Økonomi\n\nDet koster **1,5 mio. kr.**\n\n- første\n- anden");
 * // [{ kind: "heading", spans: [{ text: "Økonomi", bold: false }] },
 * //  { kind: "paragraph", spans: [{ text: "Det koster ", bold: false }, { text: "1,5 mio. kr.", bold: true }] },
 * //  { kind: "list", ordered: false, start: 1, items: [[{ text: "første", bold: false }], [...]] }]
 */
export function parseRichText(text: string): RichBlock[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: RichBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const raw = lines[index] ?? "";
    const line = raw.trim();
    if (line === "") {
      index++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", spans: parseInline(heading[1] ?? "") });
      index++;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const rows: string[] = [];
      while (index < lines.length && TABLE_ROW.test((lines[index] ?? "").trim())) {
        rows.push((lines[index] ?? "").trim());
        index++;
      }
      blocks.push(parseTable(rows));
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = !BULLET.test(line);
      const start = ordered ? Number(ORDERED.exec(line)?.[1] ?? 1) : 1;
      const entries: string[] = [];
      while (index < lines.length) {
        const next = lines[index] ?? "";
        const trimmed = next.trim();
        if (trimmed === "") break;
        const marker = ordered ? ORDERED.exec(trimmed) : BULLET.exec(trimmed);
        if (marker) {
          entries.push((ordered ? marker[2] : marker[1]) ?? "");
        } else if (/^\s/.test(next) && entries.length > 0) {
          entries[entries.length - 1] = `${entries[entries.length - 1]} ${trimmed}`;
        } else {
          break;
        }
        index++;
      }
      blocks.push({ kind: "list", ordered, start, items: entries.map((entry) => parseInline(entry.trim())) });
      continue;
    }
    const parts: string[] = [];
    while (index < lines.length) {
      const next = (lines[index] ?? "").trim();
      if (
        next === "" ||
        HEADING.test(next) ||
        TABLE_ROW.test(next) ||
        BULLET.test(next) ||
        ORDERED.test(next)
      ) {
        break;
      }
      parts.push(next);
      index++;
    }
    blocks.push({ kind: "paragraph", spans: parseInline(parts.join(" ")) });
  }
  return blocks;
}

function parseTable(rows: readonly string[]): RichTable {
  const separatorAt = rows.findIndex((row) => TABLE_SEPARATOR.test(row));
  const cellsOf = (row: string): RichLine[] => splitCells(row).map((cell) => parseInline(cell));
  if (separatorAt === 1) {
    return {
      kind: "table",
      header: cellsOf(rows[0] ?? ""),
      rows: rows
        .slice(2)
        .filter((row) => !TABLE_SEPARATOR.test(row))
        .map(cellsOf),
    };
  }
  return { kind: "table", header: null, rows: rows.filter((row) => !TABLE_SEPARATOR.test(row)).map(cellsOf) };
}

/** Splits "| a | b |" into ["a", "b"]; "\|" is a literal bar inside a cell. */
function splitCells(row: string): string[] {
  let body = row.trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
  const cells: string[] = [];
  let current = "";
  for (let at = 0; at < body.length; at++) {
    const char = body[at];
    if (char === "\\" && body[at + 1] === "|") {
      current += "|";
      at++;
    } else if (char === "|") {
      cells.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

/**
 * Splits a line into plain and **bold** spans. An unmatched "**" stays as written; "\*" is a literal star.
 *
 * @example
 * parseInline("Det er **vigtigt** nu"); // [{text:"Det er ",bold:false},{text:"vigtigt",bold:true},{text:" nu",bold:false}]
 */
export function parseInline(text: string): RichSpan[] {
  const spans: RichSpan[] = [];
  const push = (value: string, bold: boolean): void => {
    const unescaped = value.replace(/\\\*/g, "*");
    if (unescaped === "") return;
    const last = spans[spans.length - 1];
    if (last && last.bold === bold) spans[spans.length - 1] = { text: last.text + unescaped, bold };
    else spans.push({ text: unescaped, bold });
  };
  let rest = text;
  for (;;) {
    const open = findMarker(rest, 0);
    if (open < 0) break;
    const close = findMarker(rest, open + 2);
    if (close < 0 || close === open + 2) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + 2, close), true);
    rest = rest.slice(close + 2);
  }
  push(rest, false);
  return spans;
}

/** Index of the next unescaped "**" from `from`, or -1. */
function findMarker(text: string, from: number): number {
  for (let at = text.indexOf("**", from); at >= 0; at = text.indexOf("**", at + 1)) {
    if (text[at - 1] !== "\\") return at;
  }
  return -1;
}

/**
 * The text of one line of spans, markup dropped.
 * @example richLinePlain(parseInline("Det er **vigtigt**")) // "Det er vigtigt"
 */
export function richLinePlain(spans: RichLine): string {
  return spans.map((span) => span.text).join("");
}

/**
 * The blocks as plain text, one line per paragraph, heading, list entry and table row: what search
 * indexes and what a reader of the PDF sees. List entries keep their marker ("- ", "1. "); table cells are
 * joined with a space.
 *
 * @example
 * richTextPlain(parseRichText("**Kort** sagt:\n\n1. et\n2. to")); // "Kort sagt:\n1. et\n2. to"
 */
export function richTextPlain(blocks: readonly RichBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "paragraph":
      case "heading":
        lines.push(richLinePlain(block.spans));
        break;
      case "list":
        block.items.forEach((item, at) => {
          lines.push(`${block.ordered ? `${block.start + at}.` : "-"} ${richLinePlain(item)}`);
        });
        break;
      case "table":
        for (const row of block.header ? [block.header, ...block.rows] : block.rows) {
          lines.push(row.map(richLinePlain).join(" "));
        }
        break;
    }
  }
  return lines.join("\n");
}
