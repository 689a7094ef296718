/**
 * @module A text record (minutes or agenda) as the public may read it: the original's lines, less those
 * of its closed items and withheld pages. A closed item keeps one line, "2.3 Lukket punkt", as the
 * meeting page shows it, so the numbering still reads whole.
 */
import { rangesMeet } from "../domain/index.js";

/** Lines withheld from the public, 1-based and inclusive; `itemNumber` names a closed item's. */
export interface WithheldLines {
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly itemNumber: string | null;
}

/**
 * The text without the withheld lines.
 * @example publicRecordText("1.1 A\nx\n2.3 B\nsecret\n3 C", [{ lineStart: 3, lineEnd: 4, itemNumber: "2.3" }], "Lukket punkt")
 * // "1.1 A\nx\n2.3 Lukket punkt\n3 C"
 */
export function publicRecordText(
  text: string,
  withheld: readonly WithheldLines[],
  closedLabel: string,
): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  lines.forEach((line, index) => {
    const number = index + 1;
    if (!rangesMeet(withheld, number, number)) {
      out.push(line);
      return;
    }
    // A closed item's first line stands for it, once, with its number only.
    const item = withheld.find((w) => w.itemNumber !== null && w.lineStart === number);
    if (item) out.push(`${item.itemNumber} ${closedLabel}`);
  });
  return out.join("\n");
}
