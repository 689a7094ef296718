/**
 * @module Where the headed fields of one item start: headings alone on their line (also bulleted or in
 * capitals), labels with their text on the same line, and headings glued to the end of a sentence.
 */
import {
  type FieldTarget,
  hasBullet,
  readFieldHeading,
  readGluedHeading,
  readInlineHeading,
} from "./field-headings.js";
import { type LineView, looksEmphasised, type ViewLine } from "./line-view.js";

const ANNEX_LINE = /^bilag\s{0,2}\d{1,3}\b/iu;

/** How a heading stands: alone on its line, as a label before its text, or glued after a sentence. */
export type HeadingLayout = "line" | "inline" | "glued";

/** One field heading of an item, at a content position of the line view. */
export interface FieldStart {
  readonly pos: number;
  readonly target: FieldTarget;
  /** The heading as printed, without a closing colon or a bullet. */
  readonly heading: string;
  readonly layout: HeadingLayout;
  /** Glued: the heading text that ends the line (to be cut from the field before it). */
  readonly gluedText?: string;
}

/** The content position where a field's text starts (the heading's own line for a label). */
export function textStart(start: FieldStart): number {
  return start.layout === "inline" ? start.pos : start.pos + 1;
}

/** The last content position of the field before `start` (a glued heading's line is shared). */
export function previousEnd(start: FieldStart): number {
  return start.layout === "glued" ? start.pos : start.pos - 1;
}

/**
 * Finds the field headings between content positions `from` and `to` (exclusive). Where the item prints
 * its headings as bullets of a list (real-world 19, "• Resume", "• Sagsfremstilling"), a heading without
 * a bullet is a sub-heading inside a field ("Økonomiske forhold og konsekvenser") and opens no field.
 */
export function findFieldStarts(view: LineView, from: number, to: number): FieldStart[] {
  const starts: (FieldStart & { bulleted: boolean })[] = [];
  for (let probe = from; probe < to; probe++) {
    const line = view.content[probe];
    if (!line) continue;
    const alone = readFieldHeading(line.text);
    if (alone && isFieldHeadingLine(view, line)) {
      starts.push({ pos: probe, ...alone, layout: "line", bulleted: hasBullet(line.text) });
      continue;
    }
    const inline = readInlineHeading(line.text);
    if (inline) {
      starts.push({
        pos: probe,
        target: inline.target,
        heading: inline.heading,
        layout: "inline",
        bulleted: false,
      });
      continue;
    }
    const glued = probe + 1 < to ? readGluedHeading(line.text) : null;
    if (glued) {
      starts.push({
        pos: probe,
        target: glued.target,
        heading: glued.heading,
        layout: "glued",
        gluedText: line.text.slice(glued.at),
        bulleted: false,
      });
    }
  }
  // Under "Bilag" the annexes are listed, and one may be called "Indstilling" (the Aarhus minutes:
  // "Bilag", "Indstilling", "Bilag 1: Beslutningsforslag"): a name followed by a numbered annex is no heading.
  for (let index = starts.length - 1; index > 0; index--) {
    const start = starts[index] as FieldStart;
    const previous = starts[index - 1] as FieldStart;
    const after = view.content[start.pos + 1];
    if (
      previous.target.kind === "extra" &&
      previous.target.key === "bilag" &&
      after &&
      ANNEX_LINE.test(after.text)
    ) {
      starts.splice(index, 1);
    }
  }
  const bulleted = starts.filter((start) => start.bulleted).length;
  const kept = bulleted >= 2 ? starts.filter((start) => start.bulleted || start.layout !== "line") : starts;
  return unlikeHeadingsDropped(view, kept).map(({ bulleted: _bulleted, ...start }) => start);
}

/**
 * Where the item's own field headings are set in bold, a heading of another layout's field ("Økonomi")
 * set in plain text is a sub-heading inside the field it stands in, not a field of its own: a layout
 * sets all its field headings alike. Capitals set a heading apart as weight does ("BESLUTNINGSFORSLAG FRA
 * DD" under bold headings in the Aarhus minutes).
 */
function unlikeHeadingsDropped<T extends FieldStart>(view: LineView, starts: readonly T[]): T[] {
  const lineOf = (start: FieldStart) => view.content[start.pos];
  const boldCore = starts.some(
    (start) => start.layout === "line" && start.target.kind !== "extra" && lineOf(start)?.bold === true,
  );
  if (!boldCore) return [...starts];
  return starts.filter((start) => {
    const line = lineOf(start);
    return (
      start.layout !== "line" ||
      start.target.kind !== "extra" ||
      line?.bold !== false ||
      inCapitals(line.text)
    );
  });
}

/**
 * A field word can also begin a sentence in running text; in a PDF the heading is set apart by weight or
 * size, so when font data exists and the line is not emphasised while its neighbours share its size,
 * trust the data. Plain text has no such data and the word alone on its line decides.
 */
function isFieldHeadingLine(view: LineView, line: ViewLine): boolean {
  if (line.fontSize === undefined && line.bold === undefined) return true;
  if (view.bodyFontSize === null) return true;
  return looksEmphasised(line, view) || line.text.length <= 20 || inCapitals(line.text);
}

/** "BESLUTNINGSFORSLAG FRA DD": capitals set a heading apart as weight does. */
function inCapitals(text: string): boolean {
  return /\p{Lu}{3}/u.test(text) && !/\p{Ll}/u.test(text);
}
