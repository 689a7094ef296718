/**
 * @module Reads Tesseract's TSV output (`tesseract IMAGE stdout tsv`) into lines of text with the mean
 * confidence of their words. Pure: the process that makes the TSV is in tesseract.ts.
 */

/** One line Tesseract read: its words joined by spaces, and their mean confidence (0-100). */
export interface OcrLine {
  readonly text: string;
  readonly confidence: number;
  /** The block and paragraph Tesseract put the line in ("2.1"): where it changes, a paragraph ends. */
  readonly paragraph: string;
}

/** Column order of Tesseract's TSV (its first row names them; read from there, these are the fallback). */
const COLUMNS = [
  "level",
  "page_num",
  "block_num",
  "par_num",
  "line_num",
  "word_num",
  "left",
  "top",
  "width",
  "height",
  "conf",
  "text",
] as const;

/**
 * The lines of one page in Tesseract's reading order. A word row (level 5) belongs to the line its
 * block, paragraph and line numbers name; a line is kept when it has a word with text. Words Tesseract
 * gives a confidence of -1 are layout rows, not words.
 *
 * @example
 * parseTesseractTsv("level\tpage_num\t...\ttext\n5\t1\t1\t1\t1\t1\t10\t20\t50\t12\t91.5\tBallerup\n");
 * // [{ text: "Ballerup", confidence: 91.5, paragraph: "1.1" }]
 */
export function parseTesseractTsv(tsv: string): OcrLine[] {
  const rows = tsv.split(/\r?\n/);
  const header = (rows[0] ?? "").split("\t");
  const index = (name: (typeof COLUMNS)[number]) => {
    const found = header.indexOf(name);
    return found >= 0 ? found : COLUMNS.indexOf(name);
  };
  const at = {
    level: index("level"),
    block: index("block_num"),
    paragraph: index("par_num"),
    line: index("line_num"),
    conf: index("conf"),
    text: index("text"),
  };
  const lines = new Map<string, { words: string[]; confidences: number[]; paragraph: string }>();
  for (const row of rows.slice(1)) {
    const cells = row.split("\t");
    if (cells[at.level] !== "5") continue;
    const text = (cells[at.text] ?? "").trim();
    const confidence = Number(cells[at.conf]);
    if (text === "" || !Number.isFinite(confidence) || confidence < 0) continue;
    const paragraph = `${cells[at.block]}.${cells[at.paragraph]}`;
    const key = `${paragraph}.${cells[at.line]}`;
    const line = lines.get(key);
    if (line) {
      line.words.push(text);
      line.confidences.push(confidence);
    } else {
      lines.set(key, { words: [text], confidences: [confidence], paragraph });
    }
  }
  return [...lines.values()].map((line) => ({
    text: line.words.join(" "),
    confidence: roundConfidence(mean(line.confidences)),
    paragraph: line.paragraph,
  }));
}

/** Mean confidence of a page's lines, weighted by their words (a long line says more than a short one). */
export function pageConfidence(lines: readonly OcrLine[]): number {
  let words = 0;
  let sum = 0;
  for (const line of lines) {
    const count = line.text.split(" ").length;
    words += count;
    sum += line.confidence * count;
  }
  return words === 0 ? 0 : roundConfidence(sum / words);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function roundConfidence(value: number): number {
  return Math.round(value * 10) / 10;
}
