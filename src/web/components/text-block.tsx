/** @module Stored text as paragraphs: blank lines part paragraphs, single line breaks stay breaks. */

/** Renders plain text as <p> elements; escaping is hono/jsx's default. */
export function TextBlock(props: { readonly text: string }) {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return (
    <>
      {paragraphs.map((paragraph) => {
        const lines = paragraph.split("\n");
        return (
          <p>
            {lines.map((line, index) => (
              <>
                {index > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}
