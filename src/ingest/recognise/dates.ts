/**
 * @module Dates and clock times as Danish meeting documents write them: "20. september 2024",
 * "6.juni 2024", "20-09-2024", "20.09.2024", "10.00-12.00".
 */
import { DANISH_MONTHS } from "../../domain/index.js";

/** A date found in a text, ISO formatted, with where it stands. */
export interface FoundDate {
  readonly iso: string;
  readonly index: number;
  readonly length: number;
}

const MONTH_ALIASES: ReadonlyMap<string, number> = new Map([
  ...DANISH_MONTHS.map((name, index) => [name, index + 1] as const),
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["okt", 10],
  ["nov", 11],
  ["dec", 12],
]);

// Bounded, anchored on digits: safe to run over a whole document.
const LONG_DATE =
  /(?<![\d.])(\d{1,2})\.\s{0,2}(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s{1,3}(\d{4})(?!\d)/giu;
const NUMERIC_DATE = /(?<![\d.,-])(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?![\d])/g;

/** ISO date from parts, or null when they do not make a real date between 1990 and 2100. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** All dates in a text, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const match of text.matchAll(LONG_DATE)) {
    const month = MONTH_ALIASES.get((match[2] ?? "").toLowerCase());
    const iso = month ? isoDate(Number(match[3]), month, Number(match[1])) : null;
    if (iso) out.push({ iso, index: match.index ?? 0, length: match[0].length });
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const iso = isoDate(Number(match[4]), Number(match[3]), Number(match[1]));
    if (iso) out.push({ iso, index: match.index ?? 0, length: match[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A span of clock times "10.00-12.00" / "kl. 10:00 - 12:00", as "HH:MM". */
export interface TimeSpan {
  readonly start: string;
  readonly end: string | null;
  readonly index: number;
  readonly length: number;
}

const TIME_SPAN =
  /(?<![\d.,])([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s{0,3}[-–—]\s{0,3}(?:kl\.?\s{0,2})?([01]?\d|2[0-3])[.:]([0-5]\d))?(?![\d]|[.:,]\d)/gu;

/** Clock times and spans in a text, in order. */
export function findTimes(text: string): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const match of text.matchAll(TIME_SPAN)) {
    const start = `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
    const end = match[3] !== undefined ? `${match[3].padStart(2, "0")}:${match[4]}` : null;
    out.push({ start, end, index: match.index ?? 0, length: match[0].length });
  }
  return out;
}
