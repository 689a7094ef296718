/**
 * @module Money amounts in Danish text ("1,52 mio. kr.", "kr. 436.188", "15 mio.kr.") and in tables
 * whose column header gives the unit ("Kommune 1.000 kr."), converted to whole kroner.
 */
import type { ParsedAmount } from "../../domain/index.js";
import type { SourceLine } from "../types.js";

/** A Danish number: "436.188", "1,52", "37,688", "4.350", "2.579". Thousands by dot, decimals by comma. */
const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?`;
/** Small numbers written as words ("to mia. kr.", seeds/004 line 1463). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1,
  et: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
};
const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS).join("|")})`;
/** Scale words; the key is matched case-insensitively against the start of the word. */
const SCALE = String.raw`(?:milliarder|milliard|mia\.?|mrd\.?|millioner|million|mio\.?|mill\.|tusinde?)`;
/** Currency words, "t.kr."/"tkr." (thousands) included. Never followed by a letter ("krav") or "/" ("kr./ton"). */
const CURRENCY = String.raw`(?:t\.\s?kr\.?|tkr\.?|kr\.?|kroner|krone|dkk)(?![\p{L}\/])`;

/**
 * NUMBER [SCALE] CURRENCY: "1,52 mio. kr.", "15 mio.kr.", "30 mio. kroner", "93 mia. dkk", and the
 * price style "50.000,- kr.".
 */
const SUFFIX_FORM = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,\-–])(${NUMBER}|${NUMBER_WORD})(?:,-)?\s*(?:(${SCALE})\s*)?(${CURRENCY})`,
  "giu",
);
/** CURRENCY NUMBER [SCALE]: "kr. 436.188" (seeds/004 line 1148), "DKK 5 mio.". */
const PREFIX_FORM = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(kr\.|dkk)\s*(${NUMBER})(?![\p{N}])(?:\s*(${SCALE})(?![\p{L}]))?`,
  "giu",
);

/**
 * A table column header that gives the unit of the numbers below it: "Kommune 1.000 kr." (seeds/003
 * line 2578), "(i 1.000 kr.)", "t.kr.", "mio. kr.". A plain "i kr." header (seeds/004 line 1291) is not
 * taken: the gold file leaves such budget tables out, their figures carrying no scale to resolve.
 */
const TABLE_UNIT_HEADER =
  /(?:^|\s|\()(?:i\s+)?(1\.000\s*kr\.?|1000\s*kr\.?|t\.\s?kr\.?|tkr\.?|mio\.?\s*kr\.?|mia\.?\s*kr\.?)\)?\s*$/iu;
/** One number cell of a table row, the whole token. */
const NUMBER_CELL = new RegExp(`^${NUMBER}$`, "u");

/**
 * Finds the amounts of money in the lines, one entry per amount with the text as written and the value
 * in whole kroner.
 *
 * Written amounts need a currency word on the same line; qualifiers ("knap", "ca.") are not part of
 * the text. Per-unit rates ("300 kr./ton", seeds/004 line 898) and ranges ("50-75 mia.") are left out.
 * Rows under a scaled column header ("Kommune 1.000 kr.") give their last number times the scale:
 * "Horsens 2.579" is 2,579,000 kr. (seeds/003 lines 2578-2598, whose total 37.688 matches the
 * "37,688 mio. kr." of line 2574).
 *
 * @example
 * findAmounts([{ line: 399, page: 1, text: "Det samlede budget er 1,52 mio. kr., hvoraf" }]);
 * // [{ text: "1,52 mio. kr.", valueDKK: 1520000, source: { line: 399 } }]
 */
export function findAmounts(lines: readonly SourceLine[]): ParsedAmount[] {
  const amounts: ParsedAmount[] = [];
  let table: { scale: number; blanks: number } | null = null;
  for (const [index, line] of lines.entries()) {
    const text = line.text.replace(/[\u00A0\t]/g, " ");
    if (table) {
      const row = text.trim() === "" ? null : tableRow(text);
      if (text.trim() === "") {
        table.blanks++;
        if (table.blanks > 1) table = null;
        continue;
      }
      if (row && !/\b(kr\.?|kroner|dkk)\b/iu.test(text)) {
        table.blanks = 0;
        const last = row[row.length - 1]!;
        amounts.push({
          text: last,
          valueDKK: Math.round(parseDanishNumber(last) * table.scale),
          source: { line: line.line },
        });
        continue;
      }
      table = null;
    }
    const header = /kr/i.test(text) ? TABLE_UNIT_HEADER.exec(text) : null;
    // A sentence may end in "1.000 kr." too: only a header with at least two rows under it is one.
    if (header && isHeaderLine(text, header.index) && rowsBelow(lines, index) >= 2) {
      table = { scale: unitScale(header[1]!), blanks: 0 };
      continue;
    }
    // One by one: a single long line can hold more amounts than push(...) takes as arguments.
    for (const amount of amountsInLine(text, line.line)) amounts.push(amount);
  }
  return amounts;
}

/** The written amounts of one line, in the order they appear. */
export function amountsInLine(text: string, lineNumber: number): ParsedAmount[] {
  // Every amount has a currency word and a digit or number word; most lines have neither.
  if (!/kr(?:\.|\b|one)|dkk/i.test(text)) return [];
  const found: { index: number; amount: ParsedAmount }[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(SUFFIX_FORM)) {
    const [whole, number = "", scale, currency = ""] = match;
    const index = match.index ?? 0;
    if (isRange(text, index)) continue;
    const after = text.slice(index + whole.length);
    // "kr./ton" is a rate; "regnskab 2023 kr. 84.900" (seeds/004 line 1261) is a year before the
    // currency-first form "kr. 84.900", which the second pass finds.
    if (/^\.?\s*\//.test(after)) continue;
    if (/^(kr|dkk)/iu.test(currency) && /^\.?\s*\d/.test(after)) continue;
    const value = amountValue(number, scale, currency);
    if (value === null) continue;
    const written = whole.trim();
    found.push({ index, amount: { text: written, valueDKK: value, source: { line: lineNumber } } });
    taken.push([index, index + whole.length]);
  }
  // Both kinds of match come in text order and the taken spans do not overlap, so one pointer over the
  // taken spans finds any overlap (a search per match would be quadratic on a long line of amounts).
  let next = 0;
  for (const match of text.matchAll(PREFIX_FORM)) {
    const [whole, , number = "", scale] = match;
    const index = match.index ?? 0;
    while (next < taken.length && (taken[next] as [number, number])[1] <= index) next++;
    const span = taken[next];
    if (span && span[0] < index + whole.length) continue;
    const value = amountValue(number, scale, "kr.");
    if (value === null) continue;
    found.push({ index, amount: { text: whole.trim(), valueDKK: value, source: { line: lineNumber } } });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.amount);
}

/** "50-75 mia.": the second number of a range is no amount of its own. */
function isRange(text: string, index: number): boolean {
  return /\d\s*[-–]\s*$/.test(text.slice(Math.max(0, index - 4), index));
}

function amountValue(number: string, scale: string | undefined, currency: string): number | null {
  const base = NUMBER_WORDS[number.toLowerCase()] ?? parseDanishNumber(number);
  if (!Number.isFinite(base)) return null;
  // A number word without a scale ("to kr.") is too rare to be worth the false hits ("et kr.-beløb").
  if (NUMBER_WORDS[number.toLowerCase()] !== undefined && !scale) return null;
  const factor = (scale ? scaleOf(scale) : 1) * (/^t\.?\s?kr|^tkr/iu.test(currency) ? 1000 : 1);
  return Math.round(base * factor);
}

/** Parses "1.234.567,89" (Danish) to 1234567.89. */
export function parseDanishNumber(text: string): number {
  return Number(text.replace(/\./g, "").replace(",", "."));
}

function scaleOf(scale: string): number {
  const word = scale.toLowerCase();
  if (word.startsWith("mia") || word.startsWith("mrd") || word.startsWith("milliard")) return 1e9;
  if (word.startsWith("mio") || word.startsWith("mill")) return 1e6;
  if (word.startsWith("tusind")) return 1e3;
  return 1;
}

function unitScale(unit: string): number {
  const word = unit.toLowerCase();
  if (word.startsWith("mio")) return 1e6;
  if (word.startsWith("mia")) return 1e9;
  return 1e3;
}

/** A unit header is short and holds no other number than the unit's own (not "i alt 1.000 kr."). */
function isHeaderLine(text: string, unitIndex: number): boolean {
  const before = text.slice(0, unitIndex);
  return text.trim().length <= 80 && !/\d/.test(before) && !/\bi alt\b/iu.test(before);
}

/**
 * The number cells at the end of a table row whose label has a letter ("Lemvig    571" -> ["571"]), or
 * null. Done by splitting rather than one pattern: nested repeats of digit runs backtrack
 * exponentially on a long line of digits.
 */
function tableRow(text: string): string[] | null {
  const tokens = text.trim().split(/\s+/);
  let first = tokens.length;
  while (first > 0 && NUMBER_CELL.test(tokens[first - 1]!)) first--;
  if (first === tokens.length || first === 0) return null;
  const label = tokens.slice(0, first).join(" ");
  return /\p{L}/u.test(label) && !/\d/.test(label) ? tokens.slice(first) : null;
}

/** How many table rows follow line `index`, allowing one blank line between rows. */
function rowsBelow(lines: readonly SourceLine[], index: number): number {
  let rows = 0;
  let blanks = 0;
  for (let next = index + 1; next < lines.length && rows < 2; next++) {
    const text = lines[next]!.text.replace(/[\u00A0\t]/g, " ");
    if (text.trim() === "") {
      if (++blanks > 1) break;
      continue;
    }
    if (!tableRow(text)) break;
    rows++;
    blanks = 0;
  }
  return rows;
}
