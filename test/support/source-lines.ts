/** @module Builders of extracted lines for recognition tests: text-export layout, one page per leading space. */
import type { ExtractedDocument, IngestOptions, SourceLine } from "../../src/ingest/types.js";

/** Lines of a text export: a line starting with exactly one space opens a page, as in the seeds. */
export function toLines(texts: readonly string[]): SourceLine[] {
  let page = 1;
  return texts.map((text, index) => {
    if (index > 0 && /^ \S/.test(text)) page++;
    return { line: index + 1, page, text };
  });
}

/** An extracted text document of these lines. */
export function toDocument(texts: readonly string[]): ExtractedDocument {
  const lines = toLines(texts);
  return { format: "text", pages: lines[lines.length - 1]?.page ?? 1, lines, notes: [] };
}

/** Options with a word checker good enough for structure tests: any run of letters is a word. */
export const letterWordOptions: IngestOptions = { isWord: (word: string) => /^\p{L}+$/u.test(word) };
