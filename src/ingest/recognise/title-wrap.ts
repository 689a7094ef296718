/**
 * @module An item heading whose title wraps onto the lines below it ("Punkt 2: Svar på forslag fra DD om
 * principbeslutning om at sikre Havnens" / "Perles fremtid på Aarhus Ø", real-pdf Aarhus minutes): which
 * lines continue the title, and the title they make together. In a PDF the continuation is set like the
 * heading (same size, same weight); in plain text it reads as the rest of a phrase.
 */
import type { TextOf } from "./item-body.js";
import { type LineView, looksEmphasised, normaliseSpace, type ViewLine } from "./line-view.js";

/** How many lines a title may wrap onto: headings of three and four lines occur, never more. */
const MAX_WRAPPED_LINES = 3;

/** Longest line that continues a plain-text title; a longer one is a paragraph of the item's text. */
const MAX_CONTINUATION_CHARS = 80;

/** A first title line this long may wrap before any word ("... samt forslag til" / "udviklingsområder"). */
const LONG_TITLE_CHARS = 45;

/**
 * Words a typesetter leaves at a line end only when the phrase goes on: a line that ends on one is cut
 * mid-title ("Afrapportering på klimaregnskab samt orientering om" / "...").
 */
const ENDS_ON_FUNCTION_WORD =
  /(?:^|\s)(?:og|i|til|for|af|om|på|med|samt|mellem|fra|ved|mod|under|efter|over|hos|&|the|and|of)$/iu;

/** Font sizes within this many points are one size (PDF sizes come as scaled floats). */
const SIZE_TOLERANCE = 0.3;

function sameStyle(a: ViewLine, b: ViewLine): boolean {
  if (a.fontSize === undefined || b.fontSize === undefined) return false;
  return Math.abs(a.fontSize - b.fontSize) <= SIZE_TOLERANCE && (a.bold ?? false) === (b.bold ?? false);
}

/**
 * True when `next` continues the title that `line` (the heading or its previous continuation) holds.
 * `title` is the title's first line without its number.
 */
function continuesTitle(
  view: LineView,
  line: ViewLine,
  next: ViewLine,
  title: string,
  stops: (text: string) => boolean,
): boolean {
  if (next.blankBefore > 0 || next.pageStart || next.page !== line.page) return false;
  // A heading set apart from the body text by size or weight: the lines set in the same style belong
  // to it, a line in body type starts the item's text.
  if (line.fontSize !== undefined && next.fontSize !== undefined && looksEmphasised(line, view)) {
    return sameStyle(line, next) && !/[.:]$/u.test(line.text);
  }
  if (line.fontSize !== undefined && next.fontSize !== undefined && !sameStyle(line, next)) return false;
  // Plain text (or a heading in body type): the next line must read as the rest of the phrase.
  if (next.text.length > MAX_CONTINUATION_CHARS || /[.:]$/u.test(next.text)) return false;
  if (/[.:;]$/u.test(line.text) || endsOnStop(next.text, stops)) return false;
  const startsLower = /^[\p{Ll}(]/u.test(next.text);
  return (startsLower && title.length >= LONG_TITLE_CHARS) || ENDS_ON_FUNCTION_WORD.test(line.text);
}

/**
 * True when the line ends in a heading glued after other words, as saved web pages print a field heading
 * after a button's label ("fold dette punkt ind Resume", real-world/12 line 50): such a line opens the
 * item's text.
 */
function endsOnStop(text: string, stops: (text: string) => boolean): boolean {
  for (const word of text.matchAll(/\s(?=\p{Lu})/gu)) {
    if (stops(text.slice((word.index ?? 0) + 1))) return true;
  }
  return false;
}

/**
 * The content position of the last line of a title whose first line ends at `end`. `stops` names lines
 * that never continue a title whatever their look: another heading, a field heading, a case line.
 *
 * @example
 * // "Punkt 2: Svar på ... sikre Havnens" / "Perles fremtid på Aarhus Ø" (both 16.3 pt bold) / "EMN-..."
 * wrappedTitleEnd(view, pos, "Svar på ... sikre Havnens", isStop); // pos + 1
 */
export function wrappedTitleEnd(
  view: LineView,
  end: number,
  title: string,
  stops: (text: string) => boolean,
): number {
  const content = view.content;
  let last = end;
  while (last - end < MAX_WRAPPED_LINES) {
    const line = content[last];
    const next = content[last + 1];
    if (!line || !next || stops(next.text) || !continuesTitle(view, line, next, title, stops)) break;
    last++;
  }
  return last;
}

/**
 * The title `first` (the heading's first title line, without its number, from content position
 * `titlePos`) joined with its continuation lines up to `end`. Each join is taken from the cleaned text,
 * so a word broken at the line end is mended as in the body ("2030-" / "fremskrivning" keeps its hyphen,
 * "kvalitets-" / "opfølgning" is one word).
 */
export function joinTitleLines(
  view: LineView,
  textOf: TextOf,
  first: string,
  titlePos: number,
  end: number,
): string {
  let title = first;
  for (let pos = titlePos + 1; pos <= end; pos++) {
    const previous = view.content[pos - 1];
    const next = view.content[pos];
    if (!previous || !next) break;
    title = appendLine(title, previous, next, textOf);
  }
  return title;
}

function appendLine(title: string, previous: ViewLine, next: ViewLine, textOf: TextOf): string {
  const head = normaliseSpace(textOf(previous.line, previous.line));
  const joined = normaliseSpace(textOf(previous.line, next.line));
  if (head !== "" && joined.startsWith(head) && joined.length > head.length) {
    return title + joined.slice(head.length);
  }
  // The cleaning took the line-end hyphen out: the broken word is one word.
  if (head.endsWith("-") && title.endsWith("-") && joined.startsWith(head.slice(0, -1))) {
    return title.slice(0, -1) + joined.slice(head.length - 1);
  }
  return `${title} ${next.text}`;
}
