/** @module Stored text as paragraphs: blank lines part paragraphs, single line breaks stay breaks. */
import { AnnexReferenceText } from "./annex-reference-text.js";
import type { AnnexReferenceTarget } from "./annex-references.js";

/**
 * Splits text into paragraphs at blank lines, but joins a paragraph that ends mid-sentence to a next one
 * that starts in lower case: extracted text keeps a blank line where a page broke a sentence (seeds/004,
 * the decision of item 2.8: "fordelingen af lærepladser" / "blandt kommunerne i KKR Nordjylland").
 */
export function paragraphs(text: string): string[] {
  const result: string[] = [];
  for (const part of text.split(/\n\s*\n/)) {
    const paragraph = part.trim();
    if (paragraph === "") continue;
    const previous = result.at(-1);
    if (previous !== undefined && !/[.:;!?)”"]$/.test(previous) && /^\p{Ll}/u.test(paragraph)) {
      result[result.length - 1] = `${previous} ${paragraph}`;
    } else {
      result.push(paragraph);
    }
  }
  return result;
}

/**
 * Renders plain text as <p> elements; escaping is hono/jsx's default. With `annexes`, an item's annex
 * references ("./.", "bilag") link to its annexes.
 */
export function TextBlock(props: {
  readonly text: string;
  readonly annexes?: AnnexReferenceTarget | undefined;
}) {
  return (
    <>
      {paragraphs(props.text).map((paragraph) => {
        const lines = paragraph.split("\n");
        return (
          <p>
            {lines.map((line, index) => (
              <>
                {index > 0 ? <br /> : null}
                <AnnexReferenceText text={line} annexes={props.annexes} />
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}
