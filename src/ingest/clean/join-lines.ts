/**
 * @module Turns a block of extracted lines into clean running text: glyphs, ligatures and letter
 * spacing fixed per line, running headers dropped, wrapped lines and line-end hyphenation joined,
 * paragraphs and list entries kept.
 */
import type { SourceLine, WordChecker } from "../types.js";
import { cleanGlyphs } from "./glyphs.js";
import { shouldJoinHyphen } from "./hyphenation.js";
import { closeLetterSpacing } from "./letter-spacing.js";
import { hasUnambiguousLigatureSplit, joinSplitLigatures } from "./ligatures.js";
import { isListLine } from "./list-items.js";

/** A non-blank line of the block with what lies between it and the previous one. */
interface TextLine {
  readonly text: string;
  readonly page: number;
  /** Blank lines between this line and the previous text line. */
  readonly blanksBefore: number;
  /** A skipped (running) line or a page change lies between this line and the previous text line. */
  readonly breakBefore: boolean;
}

/** How many gaps on either side decide whether a stretch of text is double-spaced. */
const SPACING_WINDOW = 8;
/** Lines on either side within which two clear ligature splits make "af tale" a split too. */
const LIGATURE_WINDOW = 10;
/** Little words that leave a sentence open: a line ending in one of them always goes on. */
const OPEN_ENDINGS = new Set(
  "i af og til for med at en et om på fra som der de den det eller samt ved under over efter mellem hvor men så hos mod uden blandt end når hvis fordi mens".split(
    " ",
  ),
);
/** Characters of the built text that hyphen decisions see: more than any word. */
const TAIL_LENGTH = 200;
/** Gaps on either side that decide whether lines read as a list of entries. */
const LIST_WINDOW = 4;
/** Text lines on either side that set the width of a full line. */
const WIDTH_WINDOW = 20;
/** Lines that share one measured width. */
const WIDTH_STEP = 8;

/**
 * Joins a block of lines into clean text.
 *
 * Double spacing: seeds/004 has a blank line after nearly every line, so there one blank line is just
 * a line gap (lines 179-181: "politisk ud-", "", "viklingsgruppe for KlimaNord."); two or more blank
 * lines, or one after a short line that ends a sentence or a heading, are a paragraph break. Whether a
 * stretch is double-spaced is decided from the neighbouring gaps, so single-spaced blocks (seeds/003)
 * keep every blank line as a paragraph break.
 *
 * Page breaks and dropped running lines never break a sentence: text that goes on in lower case after
 * a page footer (seeds/004 lines 679-686, "skal" ... "være central motor") is joined.
 *
 * @example
 * joinLines(lines, isWord, findRunningLines(lines));
 */
export function joinLines(
  lines: readonly SourceLine[],
  isWord: WordChecker,
  skip?: ReadonlySet<number>,
): string {
  const textLines = collectTextLines(lines, skip);
  if (textLines.length === 0) return "";
  const doubleSpaced = doubleSpacingByGap(textLines);
  const widths = lineWidths(textLines);
  const lists = listLikeByGap(textLines);
  const splitLines = textLines.map((line) => hasUnambiguousLigatureSplit(line.text, isWord));
  const cleaned = textLines.map((line, index) =>
    // Runs of spaces are closed up only after the ligature step, which reads them as evidence.
    joinSplitLigatures(line.text, isWord, {
      splitsNearby: countNear(splitLines, index, LIGATURE_WINDOW) >= 2,
      unambiguousSplit: splitLines[index] === true,
    }).replace(/ {2,}/g, " "),
  );
  // Pieces are collected and joined once: growing one string and testing its end with a regex would
  // rescan the whole text at every line.
  const pieces: string[] = [cleaned[0]!];
  // The end of the text built so far, bounded: hyphen decisions look only at the last word, and
  // slicing the growing text itself would copy all of it at every line.
  let tail = cleaned[0]!.slice(-TAIL_LENGTH);
  for (let index = 1; index < cleaned.length; index++) {
    const next = cleaned[index]!;
    const glue = hyphenGlue(tail, next, isWord);
    let separatorText: string;
    if (glue === "drop-hyphen") {
      const last = pieces.length - 1;
      pieces[last] = pieces[last]!.slice(0, -1);
      tail = tail.slice(0, -1);
      separatorText = "";
    } else if (glue !== null) {
      separatorText = glue;
    } else {
      separatorText = separator(cleaned[index - 1]!, next, textLines[index]!, {
        doubleSpaced: doubleSpaced[index] === true,
        width: widths[index]!,
        listLike: lists[index] === true,
      });
    }
    pieces.push(separatorText, next);
    tail = (tail + separatorText + next).slice(-TAIL_LENGTH);
  }
  return pieces.join("");
}

/** Cleans the lines' glyphs and letter spacing and records the blank lines and breaks between them. */
function collectTextLines(lines: readonly SourceLine[], skip?: ReadonlySet<number>): TextLine[] {
  const out: TextLine[] = [];
  let blanks = 0;
  let broken = false;
  let lastPage: number | null = null;
  for (const line of lines) {
    if (skip?.has(line.line)) {
      broken = true;
      continue;
    }
    const text = closeLetterSpacing(cleanGlyphs(line.text)).trim();
    if (text === "") {
      blanks++;
      continue;
    }
    const pageChanged = lastPage !== null && line.page !== lastPage;
    out.push({
      text,
      page: line.page,
      blanksBefore: out.length === 0 ? 0 : blanks,
      breakBefore: broken || pageChanged,
    });
    blanks = 0;
    broken = false;
    lastPage = line.page;
  }
  return out;
}

/**
 * For each gap (index of the line after it), whether the text around it is double-spaced: at least
 * three in four neighbouring gaps hold a blank line. Counting gaps with any blank lines, not exactly
 * one, matters in seeds/004, where paragraphs are three blank lines apart and one-line paragraphs are
 * common (lines 140-146).
 */
function doubleSpacingByGap(lines: readonly TextLine[]): boolean[] {
  const single = lines.map((line, index) => index > 0 && line.blanksBefore >= 1 && !line.breakBefore);
  const counted = lines.map((line, index) => index > 0 && !line.breakBefore);
  return lines.map((_, index) => {
    let ones = 0;
    let total = 0;
    for (
      let j = Math.max(1, index - SPACING_WINDOW);
      j <= Math.min(lines.length - 1, index + SPACING_WINDOW);
      j++
    ) {
      if (!counted[j]) continue;
      total++;
      if (single[j]) ones++;
    }
    return total >= 3 && ones / total >= 0.75;
  });
}

/** What the text around a gap looks like. */
interface GapLayout {
  readonly doubleSpaced: boolean;
  readonly width: number;
  readonly listLike: boolean;
}

/**
 * For each gap, whether the lines around it read as a list of entries: in at least 80% of the
 * neighbouring gaps the next line starts with a capital or a digit although the line before has no
 * comma or hyphen at its end (names in seeds/004 lines 29-79, the day's programme at lines 112-116).
 * Wrapped Danish prose starts few lines with a capital (nouns are lower case).
 */
function listLikeByGap(lines: readonly TextLine[]): boolean[] {
  const upper = lines.map(
    (line, index) =>
      index > 0 && /^[\p{Lu}\p{N}]/u.test(line.text) && !/[,;:\-–]$/u.test(lines[index - 1]!.text),
  );
  return lines.map((_, index) => {
    let hits = 0;
    let total = 0;
    for (
      let j = Math.max(1, index - LIST_WINDOW);
      j <= Math.min(lines.length - 1, index + LIST_WINDOW);
      j++
    ) {
      total++;
      if (upper[j]) hits++;
    }
    return total >= 4 && hits / total >= 0.8;
  });
}

/**
 * The width of a full line around each line: the 90th percentile of text line lengths within
 * WIDTH_WINDOW lines, so that a table or a narrow column nearby does not set the measure.
 */
function lineWidths(lines: readonly TextLine[]): number[] {
  // A long list of short lines (names, seeds/004 lines 29-79) would make its own lines look full:
  // the block's overall measure is the floor.
  const all = lines.map((line) => line.text.length).sort((a, b) => a - b);
  const floor = all[Math.floor((all.length - 1) * 0.8)] ?? 0;
  const lengths = lines.map((line) => line.text.length);
  const widths: number[] = [];
  // The measure changes slowly: one window per WIDTH_STEP lines is enough and saves a sort per line.
  for (let chunk = 0; chunk < lines.length; chunk += WIDTH_STEP) {
    const centre = Math.min(lines.length - 1, chunk + Math.floor(WIDTH_STEP / 2));
    const window = lengths
      .slice(Math.max(0, centre - WIDTH_WINDOW), centre + WIDTH_WINDOW + 1)
      .sort((a, b) => a - b);
    const width = Math.max(floor, window[Math.floor((window.length - 1) * 0.9)] ?? 0);
    for (let index = chunk; index < Math.min(lines.length, chunk + WIDTH_STEP); index++) widths.push(width);
  }
  return widths;
}

/** How many flags are set within `window` places of `index`. */
function countNear(flags: readonly boolean[], index: number, window: number): number {
  let count = 0;
  for (let j = Math.max(0, index - window); j <= Math.min(flags.length - 1, index + window); j++) {
    if (flags[j]) count++;
  }
  return count;
}

/**
 * How text ending in a line-end hyphen or dash meets the next line: "drop-hyphen" (one word broken by
 * the typesetter), "" (a real hyphen or a number range, kept without a space), " " (a suspended
 * compound, "by- og land"), or null when the text does not end in a hyphen or dash.
 */
function hyphenGlue(text: string, next: string, isWord: WordChecker): "drop-hyphen" | "" | " " | null {
  if (isListLine(next)) return null;
  const end = text.slice(-3);
  if (/[\p{L}\p{N}]-$/u.test(end) && !end.endsWith("--")) {
    if (shouldJoinHyphen(text.slice(0, -1), next, isWord)) return "drop-hyphen";
    if (/^(og|eller|samt|,)(\s|$|,)/iu.test(next)) return " ";
    return "";
  }
  // An en dash attached to a number is a range ("2020–" / "2023", seeds/003 line 2104): no space.
  if (/\p{N}[–—]$/u.test(end) && /^\p{N}/u.test(next)) return "";
  return null;
}

/**
 * The separator between two text lines: a space (a wrapped line), a line break (a line that ended
 * before the margin on purpose: a list of names, seeds/004 lines 29-57) or a paragraph break.
 * A line ended on purpose when the next line's first word would have fitted on it.
 */
function separator(previous: string, next: string, gap: TextLine, layout: GapLayout): string {
  const { doubleSpaced, width, listLike } = layout;
  const ends = /[.!?:]["”’)]?$/u.test(previous);
  // A digit may open a block ("10.00-12.00 – KKR-møde", seeds/004 line 114); "fase" / "2, som skal"
  // (line 535) stays one sentence by the rule for lines that stop on a lower-case word.
  const nextStartsBlock = /^[\p{Lu}\p{N}"“•]/u.test(next);
  // A bullet alone on its line belongs to the text after it.
  if (/^[•●▪◦○■□➢►‣⁃∙·*–—-]$/u.test(previous)) return " ";
  const list = isListLine(next);
  if (list) return gap.breakBefore || gap.blanksBefore === 0 || doubleSpaced ? "\n" : "\n\n";
  if (gap.breakBefore) {
    // A page break or a dropped footer: a paragraph ends there only if the sentence does.
    if (ends && nextStartsBlock) return "\n\n";
  } else {
    // No paragraph starts in lower case: a blank line before "møde den 21. juni 2024." (seeds/004
    // line 144) after an open sentence is a line gap, whatever the spacing around it.
    if (gap.blanksBefore <= 2 && !ends && /^\p{Ll}/u.test(next)) return " ";
    const paragraphGap = doubleSpaced ? gap.blanksBefore >= 2 : gap.blanksBefore >= 1;
    if (paragraphGap) return "\n\n";
  }
  // A long line that stops on a word in lower case has not ended its sentence, even if a name follows
  // that would have fitted ("deltagelsen i" / "Social og Indenrigsministeriets", seeds/001 lines 75-77).
  // Lines that both open with a number are entries of one list ("9.30-10.00 – Ankomst og morgenmad" /
  // "10.00-12.00 – KKR-møde", seeds/004 lines 112-114), however they end.
  const lastWord = previous.slice(previous.lastIndexOf(" ") + 1);
  const entries = /^\p{N}/u.test(previous) && /^\p{N}/u.test(next);
  const lowerEnd = /^\p{Ll}/u.test(lastWord) && /\p{Ll}$/u.test(lastWord);
  // A line never ends on purpose on a preposition or conjunction, however short ("udviklingen af
  // energiforsyningen i" / "Danmark", seeds/003 line 578).
  if (lowerEnd && !entries && (previous.length >= width * 0.6 || OPEN_ENDINGS.has(lastWord))) return " ";
  // In a run of lines that nearly all start with a capital after an open end, each line is an entry
  // of its own (the attendee lists of seeds/004 lines 29-79), however long.
  if (listLike && nextStartsBlock && !/[,;]$/u.test(previous)) return "\n";
  // A contents line ends at its page number ("INDHOLD.......... 3", seeds/003 line 89).
  if (/(?:\.{3}|…)\s*\d+$/u.test(previous)) return "\n";
  const firstWord = /^\S+/u.exec(next)?.[0] ?? "";
  const fits = previous.length + 1 + firstWord.length <= width;
  if (!nextStartsBlock || !fits) return " ";
  // A short line that ends a sentence, or a short heading, closes a paragraph ("Mission", seeds/004
  // line 4, then one blank line, then its text).
  const short = previous.length < width * 0.7;
  const heading = previous.length < width * 0.4 && !/[,;]$/u.test(previous);
  return (short && ends) || heading ? "\n\n" : "\n";
}
