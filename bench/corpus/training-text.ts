/**
 * @module Reads the seeds at run time and turns their prose into sentences to train the word model on.
 * Nothing of the seeds is stored in the repository or written out whole: only word statistics are used.
 */
import { readFileSync } from "node:fs";

/** Lines that are not prose: dotted contents lines, page numbers, case numbers, URLs, tables of figures. */
function isProseLine(line: string): boolean {
  if (line.length < 3) return false;
  if (/\.{4,}|https?:|www\.|@|SAG-\d/.test(line)) return false;
  const letters = (line.match(/\p{L}/gu) ?? []).length;
  return letters / line.length > 0.6;
}

/**
 * The seeds' prose as sentences: lines joined, line-end hyphens closed where a lower-case letter follows
 * (a rough join is enough for word statistics), whitespace collapsed, split at sentence ends.
 */
export function trainingSentences(paths: readonly string[]): string[] {
  const sentences: string[] = [];
  for (const path of paths) {
    const lines = readFileSync(path, "utf8")
      .split(/\r?\n/)
      .map((l) => l.replace(/[\uE000-\uF8FF\uFFFD\t]/g, " ").trim());
    let paragraph = "";
    const flush = () => {
      for (const s of paragraph.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ])/)) {
        const words = s.trim().split(/\s+/);
        if (words.length >= 6 && words.length <= 45 && /[.!?]$/.test(s.trim()))
          sentences.push(words.join(" "));
      }
      paragraph = "";
    };
    for (const line of lines) {
      if (!isProseLine(line)) {
        if (line === "") continue;
        flush();
        continue;
      }
      if (/\p{Ll}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) paragraph = paragraph.slice(0, -1) + line;
      else paragraph = paragraph ? `${paragraph} ${line}` : line;
    }
    flush();
  }
  return sentences;
}
