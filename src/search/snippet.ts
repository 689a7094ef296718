/** @module Turns a ts_headline snippet into safe HTML: the text escaped, the match markers made <mark>. */
import { SNIPPET_END, SNIPPET_START } from "../store/search-queries.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes the snippet's text, then turns the markers into <mark>. The order matters: ts_headline copies
 * document text verbatim, so a bilag that contains "<script>" would otherwise reach the page as markup.
 * The markers are control characters that escaping leaves alone and cleaned text never contains, so no
 * text can forge a <mark> either. The result is safe to insert raw.
 * @example snippetHtml("a <b> \u0002biokul\u0003") // "a &lt;b&gt; <mark>biokul</mark>"
 */
export function snippetHtml(snippet: string): string {
  // Line breaks of the page mean nothing in a one-paragraph snippet.
  const escaped = snippet
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  let open = false;
  let html = "";
  for (const char of escaped) {
    if (char === SNIPPET_START && !open) {
      html += "<mark>";
      open = true;
    } else if (char === SNIPPET_END && open) {
      html += "</mark>";
      open = false;
    } else if (char !== SNIPPET_START && char !== SNIPPET_END) {
      html += char;
    }
  }
  return open ? `${html}</mark>` : html;
}
