/**
 * @module A result's snippet: the ts_headline call that picks the passages around the matches, and its
 * output read back as text segments, the matches marked. Plain data: the web escapes and marks it.
 */
import { type RawBuilder, sql } from "kysely";
import type { SnippetSegment } from "./search-index-types.js";

/** Control characters that cannot occur in cleaned text, so they mark matches unambiguously. */
const SNIPPET_START = "\u0002";
const SNIPPET_END = "\u0003";

/** ts_headline settings: two short passages around the matches, joined by an ellipsis. */
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The passages of `text` around the matches of `tsquery`, matches between the markers.
 * @example sql`select ${headline(sql`fp.text`, sql`q.mq`)} from ...`
 */
export function headline(text: RawBuilder<unknown>, tsquery: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`ts_headline('danish', ${text}, ${tsquery}, ${HEADLINE_OPTIONS})`;
}

/**
 * A contents page's leaders (four or more dots, middle dots or underscores, spaced or not) between a
 * title and its page number: in a snippet they are a wall of dots that pushes the words out of sight.
 */
const LEADERS = / ?(?:[.·_…] ?){4,}/g;

/**
 * Reads a headline into segments: whitespace runs made one space (line breaks of a page mean nothing in a
 * one-paragraph snippet), a contents page's dot leaders made one " … ", a marker that opens twice or
 * closes unopened ignored, an unclosed one closed.
 * ts_headline copies document text verbatim, markup included: the segments are text, never HTML.
 * @example snippetSegments("a <b>\n\u0002biokul\u0003") // [{ text: "a <b> ", marked: false }, { text: "biokul", marked: true }]
 */
export function snippetSegments(headlineText: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  let run = "";
  const flush = () => {
    if (run !== "") segments.push({ text: run, marked });
    run = "";
  };
  for (const char of headlineText.replace(/\s+/g, " ").replace(LEADERS, " … ").trim()) {
    if (char === SNIPPET_START && !marked) {
      flush();
      marked = true;
    } else if (char === SNIPPET_END && marked) {
      flush();
      marked = false;
    } else if (char !== SNIPPET_START && char !== SNIPPET_END) {
      run += char;
    }
  }
  flush();
  return segments;
}
