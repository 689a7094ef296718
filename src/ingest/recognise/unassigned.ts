/**
 * @module Text that no structure claims: reported as "unassigned-text" warnings with its line range, while
 * the text itself stays in the document's full text.
 */
import type { ParseWarning } from "../../domain/index.js";
import type { LineView, ViewLine } from "./line-view.js";

/** A claimed line range, 1-based and inclusive. */
export type LineSpan = readonly [number, number];

/** How many characters of the unclaimed text a warning quotes. */
const QUOTE = 80;

/**
 * One warning per run of unclaimed content lines (consecutive in the view: blank lines and dropped
 * running lines do not split a run).
 */
export function findUnassigned(view: LineView, claimed: readonly LineSpan[]): ParseWarning[] {
  const spans = [...claimed].sort((a, b) => a[0] - b[0]);
  const warnings: ParseWarning[] = [];
  let run: ViewLine[] = [];
  let spanIndex = 0;
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return;
    // Only the opening lines make the quote: joining a run of a million lines to keep 80 characters
    // would copy the whole run.
    let joined = first.text;
    for (let index = 1; index < run.length && joined.length < QUOTE; index++) {
      joined += ` ${(run[index] as ViewLine).text}`;
    }
    const quote = joined.slice(0, QUOTE);
    warnings.push({
      code: "unassigned-text",
      message: `Lines ${first.line}-${last.line} (${run.length} text lines) belong to no item, list or document: "${quote}${quote.length === QUOTE ? "…" : ""}"`,
      source: { lineStart: first.line, lineEnd: last.line },
    });
    run = [];
  };
  for (const line of view.content) {
    while (spanIndex < spans.length && (spans[spanIndex] as LineSpan)[1] < line.line) spanIndex++;
    const span = spans[spanIndex];
    const inside = span !== undefined && span[0] <= line.line && line.line <= span[1];
    if (inside) flush();
    else run.push(line);
  }
  flush();
  return warnings;
}
