/**
 * @module Plain text to paragraph HTML as one string, for the long texts of annex pages: a 160-page annex
 * is thousands of paragraphs, and building a JSX node for each costs more than the whole rest of the page.
 * Every piece of text is escaped here before it is joined; callers wrap the result in `raw`.
 */
import { paragraphs } from "./text-block.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function markLine(line: string, matcher: RegExp | null): string {
  if (!matcher) return escapeHtml(line);
  let html = "";
  let at = 0;
  for (const match of line.matchAll(matcher)) {
    const index = match.index ?? 0;
    html += `${escapeHtml(line.slice(at, index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = index + match[0].length;
  }
  return html + escapeHtml(line.slice(at));
}

/**
 * Escaped paragraphs of `text`, with matches of `matcher` in <mark>; safe to pass to `raw`.
 * @example textToHtml("a < b\n\nc", null) // "<p>a &lt; b</p><p>c</p>"
 */
export function textToHtml(text: string, matcher: RegExp | null): string {
  return paragraphs(text)
    .map(
      (paragraph) =>
        `<p>${paragraph
          .split("\n")
          .map((line) => markLine(line, matcher))
          .join("<br>")}</p>`,
    )
    .join("");
}
