/**
 * @module Annex references in an item's field text: the marker "./." (Danish minutes put it in the margin
 * where a paragraph has an annex: seeds/004 line 357, "./. Overordnet program for Klimapolitisk
 * Dialogforum er vedlagt i bilag.") and the word "bilag" itself, found so that the page can link them to
 * the item's public annexes.
 */
import type { FileRef } from "../../store/index.js";

/**
 * "./." standing alone, not part of a path or an ellipsis ("../.", "./..").
 *
 * The word rule: "bilag", "bilaget" and "bilagene" (any case) as whole words, so "(bilag)", "vedlagt i
 * bilag." and "Bilag 2" link. A compound is a different word and is left as it is: "tillægsbilag" and
 * "bilagsmateriale" have a letter on one side, and linking part of a word would split it for a screen reader.
 */
const ANNEX_REFERENCE =
  /(?<![\p{L}\p{N}/.])\.\/\.(?![/.])|(?<![\p{L}\p{N}-])bilag(?:et|ene)?(?![\p{L}\p{N}-])/giu;

export type AnnexReferenceSegment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "marker"; readonly text: string }
  | { readonly kind: "word"; readonly text: string };

/**
 * Splits text into plain runs and annex references.
 * @example annexReferenceSegments("Se (bilag).")
 * // [{ kind: "text", text: "Se (" }, { kind: "word", text: "bilag" }, { kind: "text", text: ")." }]
 */
export function annexReferenceSegments(text: string): AnnexReferenceSegment[] {
  const segments: AnnexReferenceSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(ANNEX_REFERENCE)) {
    const start = match.index;
    if (start > last) segments.push({ kind: "text", text: text.slice(last, start) });
    segments.push({ kind: match[0] === "./." ? "marker" : "word", text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/** The text names an annex, by marker or by word. */
export function mentionsAnnex(text: string): boolean {
  return annexReferenceSegments(text).some((segment) => segment.kind !== "text");
}

/** The id of the item page's annex list, which references with several (or no) annexes lead to. */
export const ITEM_ANNEX_SECTION_ID = "punkt-bilag";

/** Where an item's annex references lead, and what a "./." marker is called for a screen reader. */
export interface AnnexReferenceTarget {
  readonly href: string;
  /** The accessible name of "./.", which says nothing read aloud. */
  readonly markerLabel: string;
  /** The word "bilag" links too; not when the item has no public annex, as the link would lead nowhere. */
  readonly linksWords: boolean;
}

/**
 * One annex: its page. Several: the item's annex list on the same page. None: the "./." marker still
 * leads to the annex section, which says that the annexes are not published, so that a reader who meets
 * the marker learns why there is nothing to open.
 */
export function annexReferenceTarget(annexes: readonly FileRef[]): AnnexReferenceTarget {
  const [only] = annexes;
  if (annexes.length === 1 && only) {
    return { href: `/bilag/${only.id}`, markerLabel: `Bilag: ${only.title}`, linksWords: true };
  }
  if (annexes.length > 1) {
    return { href: `#${ITEM_ANNEX_SECTION_ID}`, markerLabel: "Se punktets bilag", linksWords: true };
  }
  return {
    href: `#${ITEM_ANNEX_SECTION_ID}`,
    markerLabel: "Om punktets bilag, som ikke er offentliggjort",
    linksWords: false,
  };
}
