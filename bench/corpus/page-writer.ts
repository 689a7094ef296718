/**
 * @module Accumulates the lines of a text file in the seeds' layout: a new PDF page is a line that starts
 * with exactly one space (as in ../shared/seeds), paragraphs are wrapped and separated by a blank line.
 */
import type { PageSpan } from "../../src/domain/index.js";

const WIDTH = 85;
/** Amounts are written with no-break spaces so that wrapping never splits "1,5 mio. kr." over two lines. */
export const NBSP = "\u00a0";

export interface PageText extends PageSpan {
  readonly text: string;
}

export class PageWriter {
  readonly lines: string[] = [];
  readonly pages: { page: number; lineStart: number; lineEnd: number }[] = [];
  private linesOnPage = 0;
  private pageStartPending = true;

  constructor(private readonly linesPerPage = 48) {}

  /** 1-based number of the next line to be written. */
  get nextLine(): number {
    return this.lines.length + 1;
  }

  get page(): number {
    return Math.max(1, this.pages.length);
  }

  /** The next line opens a new page. */
  newPage(): void {
    this.pageStartPending = true;
  }

  /** Writes one line as it is (NBSPs turned back into spaces). */
  line(text: string): void {
    if (this.pageStartPending || this.linesOnPage >= this.linesPerPage) {
      this.pageStartPending = false;
      this.linesOnPage = 0;
      this.pages.push({ page: this.pages.length + 1, lineStart: this.nextLine, lineEnd: this.nextLine });
      text = ` ${text.trimStart()}`;
    }
    this.lines.push(text.replaceAll(NBSP, " "));
    this.linesOnPage++;
    this.pages.at(-1)!.lineEnd = this.lines.length;
  }

  blank(): void {
    // A blank line never opens a page: the seeds' page markers sit on text lines.
    if (this.pageStartPending) return;
    this.lines.push("");
    this.linesOnPage++;
    this.pages.at(-1)!.lineEnd = this.lines.length;
  }

  /** Writes paragraphs (separated by blank lines in `text`), wrapped at the page width. */
  paragraphs(text: string): void {
    const paragraphs = text.split(/\n\s*\n/);
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) this.blank();
      let current = "";
      for (const word of paragraph.split(/\s+/)) {
        if (!word) continue;
        if (current && current.length + 1 + word.length > WIDTH) {
          this.line(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) this.line(current);
    });
  }

  /** The text of each page, lines trimmed, for ParsedDocument.pageTexts. */
  pageTexts(): PageText[] {
    return this.pages.map((p) => ({
      ...p,
      text: this.lines
        .slice(p.lineStart - 1, p.lineEnd)
        .map((l) => l.trim())
        .join("\n")
        .trim(),
    }));
  }

  /** The whole file. */
  fileText(): string {
    return `${this.lines.join("\n")}\n`;
  }

  /** The cleaned full text: lines trimmed, page markers gone. */
  cleanText(): string {
    return this.lines
      .map((l) => l.trim())
      .join("\n")
      .trim();
  }
}
