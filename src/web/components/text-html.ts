/**
 * @module Text to HTML as strings, the one HTML escape of the code: paragraphs for the long texts of annex
 * pages (a 160-page annex is thousands of paragraphs, and building a JSX node for each costs more than the
 * whole rest of the page), and marked text (search snippets, matches on an annex page). Every piece of
 * text is escaped here before it is joined; callers wrap the result in `raw`.
 */
import { paragraphs } from "./text-block.js";

/** A run of text, `marked` where a search matched (search's snippet segments have this shape). */
export interface MarkedText {
  readonly text: string;
  readonly marked: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

/**
 * Escapes text for HTML (or XML) element content and attribute values. `apostrophe` is its entity:
 * HTML 4 has no &apos;, so HTML takes the numeric one; XML feeds pass "&apos;".
 * @example escapeHtml(`<a href="x">'`) // "&lt;a href=&quot;x&quot;&gt;&#39;"
 */
export function escapeHtml(text: string, apostrophe = "&#39;"): string {
  return text.replace(/[&<>"']/g, (char) => (char === "'" ? apostrophe : (ESCAPES[char] ?? char)));
}

/**
 * Runs of text as HTML: each escaped, the marked ones in <mark>. Escaped first, so text that spells
 * "<mark>" (ts_headline copies a bilag's text verbatim) stays text and cannot forge a mark.
 * @example markedHtml([{ text: "a < ", marked: false }, { text: "biokul", marked: true }]) // "a &lt; <mark>biokul</mark>"
 */
export function markedHtml(runs: readonly MarkedText[]): string {
  return runs.map((r) => (r.marked ? `<mark>${escapeHtml(r.text)}</mark>` : escapeHtml(r.text))).join("");
}

/** A line cut into runs at the matches of `matcher`. */
function matchRuns(line: string, matcher: RegExp): MarkedText[] {
  const runs: MarkedText[] = [];
  let at = 0;
  for (const match of line.matchAll(matcher)) {
    const index = match.index ?? 0;
    runs.push({ text: line.slice(at, index), marked: false }, { text: match[0], marked: true });
    at = index + match[0].length;
  }
  runs.push({ text: line.slice(at), marked: false });
  return runs;
}

function markLine(line: string, matcher: RegExp | null): string {
  return matcher ? markedHtml(matchRuns(line, matcher)) : escapeHtml(line);
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
