/**
 * @module The privacy gate's first step: a `cpr-number` warning for every line that holds a Danish CPR
 * number, with its line and page, so the store can withhold that field or page from the public and list
 * the finding for the body's secretariat. The message never repeats the number.
 */
import { findCprNumbers } from "../../domain/cpr-number.js";
import type { ParseWarning } from "../../domain/index.js";
import type { SourceLine } from "../types.js";

/**
 * One warning per line with a CPR number in it.
 * @example cprWarnings([{ line: 7, page: 2, text: "Borger, cpr. 120390-1234" }]); // [{ code: "cpr-number", ... }]
 */
export function cprWarnings(lines: readonly SourceLine[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const line of lines) {
    // Cheap test first: a CPR number has at least ten digits on its line.
    if (!/\d{6}-?\d{4}/.test(line.text)) continue;
    const found = findCprNumbers(line.text);
    if (found.length === 0) continue;
    const where = found.map((f) => `characters ${f.start + 1}-${f.end}`).join(", ");
    warnings.push({
      code: "cpr-number",
      message: `A CPR number (personnummer) on page ${line.page}, line ${line.line} (${where}): withheld from the public until the secretariat releases it or replaces the file`,
      source: { lineStart: line.line, lineEnd: line.line },
    });
  }
  return warnings;
}
