/**
 * @module A line of field text with its annex references as links (annex-references.ts): "./." as a link
 * whose name says which annex it means, "bilag" as a link on the word.
 */
import { type AnnexReferenceTarget, annexReferenceSegments } from "./annex-references.js";

/** The text as it is when there is no target; escaping is hono/jsx's default. */
export function AnnexReferenceText(props: {
  readonly text: string;
  readonly annexes?: AnnexReferenceTarget | undefined;
}) {
  const { text, annexes } = props;
  if (!annexes) return <>{text}</>;
  return (
    <>
      {annexReferenceSegments(text).map((segment) => {
        switch (segment.kind) {
          case "marker":
            // "./." read aloud is "punktum skråstreg punktum"; the name says what it points at, and the
            // title shows the same to a mouse.
            return (
              <a href={annexes.href} aria-label={annexes.markerLabel} title={annexes.markerLabel}>
                {segment.text}
              </a>
            );
          case "word":
            return annexes.linksWords ? <a href={annexes.href}>{segment.text}</a> : segment.text;
          default:
            return segment.text;
        }
      })}
    </>
  );
}
