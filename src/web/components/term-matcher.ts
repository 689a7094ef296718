/**
 * @module Text with every occurrence of a search term wrapped in <mark>, built as JSX nodes so escaping
 * stays hono/jsx's default (no raw HTML).
 */
import type { Child } from "hono/jsx";
import { paragraphs, TextBlock } from "./text-block.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case-insensitive matcher for a term, or null for an empty term. */
export function termMatcher(term: string): RegExp | null {
  const trimmed = term.trim();
  return trimmed === "" ? null : new RegExp(escapeRegExp(trimmed), "giu");
}

/** How often the matcher matches the text. */
export function countMatches(text: string, matcher: RegExp): number {
  return text.match(matcher)?.length ?? 0;
}

function marked(line: string, matcher: RegExp): Child[] {
  const nodes: Child[] = [];
  let at = 0;
  for (const match of line.matchAll(matcher)) {
    const index = match.index ?? 0;
    if (index > at) nodes.push(line.slice(at, index));
    nodes.push(<mark>{match[0]}</mark>);
    at = index + match[0].length;
  }
  if (at < line.length) nodes.push(line.slice(at));
  return nodes;
}

/** Like TextBlock, with matches of `matcher` marked; without a matcher it is TextBlock. */
export function HighlightedText(props: { readonly text: string; readonly matcher: RegExp | null }) {
  const { matcher } = props;
  if (!matcher) return <TextBlock text={props.text} />;
  return (
    <>
      {paragraphs(props.text).map((paragraph) => (
        <p>
          {paragraph.split("\n").map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              {marked(line, matcher)}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
