/**
 * @module A compact view of a document's non-blank lines that every recogniser shares: normalised text,
 * page starts and the blank lines around each line, computed once per document.
 */
import type { SourceLine } from "../types.js";

/** One non-blank line of the source, with what recognisers need to know about its surroundings. */
export interface ViewLine {
  /** Index into the original `SourceLine[]`. */
  readonly index: number;
  /** 1-based line number in the original file. */
  readonly line: number;
  readonly page: number;
  /** The text with runs of white space collapsed to one space and trimmed. */
  readonly text: string;
  /** The text as extracted. */
  readonly raw: string;
  /** True when this line opens a page (first line of the file or a page change). */
  readonly pageStart: boolean;
  /** Blank lines directly before this line (0 at a page start that follows text). */
  readonly blankBefore: number;
  /** Blank lines directly after this line. */
  readonly blankAfter: number;
  readonly fontSize?: number;
  readonly bold?: boolean;
}

/** The view: non-blank, non-running lines in order, plus lookup by line number. */
export interface LineView {
  readonly lines: readonly SourceLine[];
  readonly content: readonly ViewLine[];
  /** Position in `content` of a line number, or -1 for blank / skipped lines. */
  positionOf(line: number): number;
  /** Most common font size of the content lines (body text), or null for plain text. */
  readonly bodyFontSize: number | null;
}

/** Collapses white space (including no-break and other Unicode spaces) and trims. */
export function normaliseSpace(text: string): string {
  // JavaScript's \s covers no-break and the other Unicode spaces; zero-width ones are glyph clean-up's job.
  // Fast path: most lines only carry a trailing space, which trim() removes without a regex.
  const trimmed = text.trim();
  if (!trimmed.includes("  ") && !/[^\S ]/.test(trimmed)) return trimmed;
  return trimmed.replace(/\s+/g, " ");
}

/** True when a line holds no visible text. */
export function isBlankText(text: string): boolean {
  return normaliseSpace(text) === "";
}

/** A ViewLine while it is being built. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds the view. `skip` holds line numbers to leave out (running headers and footers): they neither
 * appear as content nor break the blank-line counts around them.
 */
export function buildLineView(lines: readonly SourceLine[], skip: ReadonlySet<number> = new Set()): LineView {
  const content: ViewLine[] = [];
  const position = new Map<number, number>();
  const sizes = new Map<number, number>();
  let blanks = 0;
  let previousPage = -1;
  // Each line's object is built once and completed when the next text line shows the blanks after it:
  // copying it then with a spread doubled the work and the garbage on a text of millions of lines.
  let pending: Mutable<ViewLine> | null = null;
  const flush = (after: number): void => {
    if (!pending) return;
    pending.blankAfter = after;
    content.push(pending);
    position.set(pending.line, content.length - 1);
    pending = null;
  };
  lines.forEach((source, index) => {
    if (skip.has(source.line)) return;
    const text = normaliseSpace(source.text);
    const pageStart = index === 0 || source.page !== previousPage;
    previousPage = source.page;
    if (text === "") {
      blanks++;
      return;
    }
    flush(pending ? blanks : 0);
    const view: Mutable<ViewLine> = {
      index,
      line: source.line,
      page: source.page,
      text,
      raw: source.text,
      pageStart,
      blankBefore: blanks,
      blankAfter: 0,
    };
    if (source.fontSize !== undefined) view.fontSize = source.fontSize;
    if (source.bold !== undefined) view.bold = source.bold;
    if (source.fontSize !== undefined) {
      const size = Math.round(source.fontSize * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + text.length);
    }
    pending = view;
    blanks = 0;
  });
  flush(blanks);
  let bodyFontSize: number | null = null;
  let best = 0;
  for (const [size, weight] of sizes) {
    if (weight > best) {
      best = weight;
      bodyFontSize = size;
    }
  }
  return {
    lines,
    content,
    positionOf: (line) => position.get(line) ?? -1,
    bodyFontSize,
  };
}

/**
 * True when a line is set visibly larger than body text or in bold (PDF only); false for plain text,
 * where callers fall back on wording and layout.
 */
export function looksEmphasised(line: ViewLine, view: LineView): boolean {
  if (line.bold) return true;
  if (line.fontSize === undefined || view.bodyFontSize === null) return false;
  return line.fontSize >= view.bodyFontSize + 1;
}
