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
/** Lines on either side within which one clear ligature split makes "af tale" a split too. */
const LIGATURE_WINDOW = 10;

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
  const typical = typicalLength(textLines);
  const splitLines = textLines.map((line) => hasUnambiguousLigatureSplit(line.text, isWord));
  const cleaned = textLines.map((line, index) =>
    joinSplitLigatures(line.text, isWord, { splitsNearby: near(splitLines, index, LIGATURE_WINDOW) }),
  );
  // Pieces are collected and joined once: growing one string and testing its end with a regex would
  // rescan the whole text at every line.
  const pieces: string[] = [];
  let current = cleaned[0]!;
  for (let index = 1; index < cleaned.length; index++) {
    const next = cleaned[index]!;
    const hyphen = joinHyphenated(current, next, isWord);
    if (hyphen !== null) {
      current = hyphen;
      continue;
    }
    pieces.push(
      current,
      separator(cleaned[index - 1]!, next, textLines[index]!, doubleSpaced[index] === true, typical),
    );
    current = next;
  }
  pieces.push(current);
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
 * For each gap (index of the line after it), whether the text around it is double-spaced: most
 * neighbouring gaps hold exactly one blank line.
 */
function doubleSpacingByGap(lines: readonly TextLine[]): boolean[] {
  const single = lines.map((line, index) => index > 0 && line.blanksBefore === 1 && !line.breakBefore);
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
    return total >= 3 && ones / total >= 0.6;
  });
}

/** The length of a full line in this block: the 80th percentile of text line lengths. */
function typicalLength(lines: readonly TextLine[]): number {
  const lengths = lines.map((line) => line.text.length).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.8)] ?? 0;
}

function near(flags: readonly boolean[], index: number, window: number): boolean {
  for (let j = Math.max(0, index - window); j <= Math.min(flags.length - 1, index + window); j++) {
    if (flags[j]) return true;
  }
  return false;
}

/**
 * Joins text ending in a line-end hyphen or dash with the next line, or returns null when the text
 * does not end in one. Keeps the hyphen for real compounds and a space for suspended ones ("by- og land").
 */
function joinHyphenated(text: string, next: string, isWord: WordChecker): string | null {
  if (isListLine(next)) return null;
  if (/[\p{L}\p{N}]-$/u.test(text) && !/--$/.test(text)) {
    const head = text.slice(0, -1);
    if (shouldJoinHyphen(head, next, isWord)) return head + next;
    if (/^(og|eller|samt|,)(\s|$|,)/iu.test(next)) return `${text} ${next}`;
    return text + next;
  }
  // An en dash attached to a number is a range ("2020–" / "2023", seeds/003 line 2104): no space.
  if (/\p{N}[–—]$/u.test(text) && /^\p{N}/u.test(next)) return text + next;
  return null;
}

/** The separator between two text lines: a space, a line break or a paragraph break. */
function separator(
  previous: string,
  next: string,
  gap: TextLine,
  doubleSpaced: boolean,
  typical: number,
): string {
  const ends = /[.!?:]["”’)]?$/u.test(previous);
  const nextStartsBlock = /^[\p{Lu}\p{N}"“•]/u.test(next);
  const short = previous.length < typical * 0.7;
  const list = isListLine(next);
  if (gap.breakBefore) {
    // A page break or a dropped footer: a paragraph ends there only if the sentence does.
    if (list) return "\n";
    return ends && nextStartsBlock ? "\n\n" : " ";
  }
  const blanks = gap.blanksBefore;
  const paragraphGap = doubleSpaced ? blanks >= 2 : blanks >= 1;
  if (paragraphGap) return "\n\n";
  if (list) return "\n";
  if (doubleSpaced && blanks === 1 && short && nextStartsBlock && (ends || !/[,;]$/.test(previous))) {
    return "\n\n";
  }
  if (short && ends && nextStartsBlock) return "\n";
  return " ";
}
