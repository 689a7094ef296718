/**
 * @module The meeting date of an imported document: the date its own text states, else one in its file
 * name, else (an annex pack only) a date estimated from the dates its annexes mention. An annex pack
 * usually names no meeting date at all, but its letters, notes and contracts date what had happened by
 * the time it was sent; the latest such date is the nearest known point before the meeting, so the pack
 * gets a meeting of its own there, marked as estimated, until its agenda or minutes arrive.
 */
import { DANISH_MONTHS } from "./danish-date.js";
import type { DocumentKind } from "./document-kind.js";
import { dateFromFileName } from "./file-name-date.js";

/** Where a meeting date came from: only an estimate is shown as such ("dato anslået"). */
export interface MeetingDate {
  readonly date: string;
  readonly estimated: boolean;
}

/**
 * The date that links a document to its meeting, or null when it has none.
 * @example meetingDateOf({ kind: "annex-pack", meetingDate: null, fileName: "bilag-2026-03-20.pdf", text: "" })
 * // { date: "2026-03-20", estimated: false }
 */
export function meetingDateOf(doc: {
  readonly kind: DocumentKind;
  readonly meetingDate: string | null | undefined;
  readonly fileName: string;
  readonly text: string;
}): MeetingDate | null {
  if (doc.meetingDate) return { date: doc.meetingDate, estimated: false };
  if (doc.kind !== "annex-pack") return null;
  const named = dateFromFileName(doc.fileName);
  if (named) return { date: named, estimated: false };
  const estimate = estimatePackDate(doc.text);
  return estimate ? { date: estimate, estimated: true } : null;
}

// Words that put a date ahead of the writing: a deadline, a start, an end of a period ("træder i kraft
// den 1. januar 2021", "senest den 1. maj 2020", "gælder frem til 31. december 2023", "pr. 1. juli"), or a
// date in brackets, which in these texts is a schedule's ("kronisk leddegigt (1. januar 2026)").
const AHEAD =
  /(?:\b(?:senest|inden|frist(?:en)?|træder\s+i\s+kraft|gælder|gældende|virkning|fra\s+og\s+med|til\s+og\s+med|frem\s+til|indtil|udløber|forventes|forventet|planlagt|pr\.|per|til|efter|ultimo|primo)|\()\s*(?:d\.|den)?\s*$/i;

const MONTH_PATTERN = DANISH_MONTHS.join("|");
const LONG_DATE = new RegExp(`(?<![\\d.])(\\d{1,2})\\.\\s?(${MONTH_PATTERN})\\s+(\\d{4})(?!\\d)`, "gi");
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;

/**
 * The latest date the text names as past when it was written, ISO; null when it names none. Dates that
 * the words before them put ahead (deadlines, entry into force, ends of periods) are left out.
 * @example estimatePackDate("Den 4. december 2020 vedtog et bredt flertal ... træder i kraft 1. januar 2021")
 * // "2020-12-04"
 */
export function estimatePackDate(text: string): string | null {
  let latest: string | null = null;
  const consider = (index: number, year: string, month: number, day: string) => {
    const before = text.slice(Math.max(0, index - 40), index).replace(/\s+/g, " ");
    if (AHEAD.test(before)) return;
    const iso = validDate(Number(year), month, Number(day));
    if (iso && (latest === null || iso > latest)) latest = iso;
  };
  for (const m of text.matchAll(LONG_DATE)) {
    const month = DANISH_MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    consider(m.index, m[3]!, month, m[1]!);
  }
  for (const m of text.matchAll(NUMERIC_DATE)) consider(m.index, m[3]!, Number(m[2]), m[1]!);
  for (const m of text.matchAll(ISO_DATE)) consider(m.index, m[1]!, Number(m[2]), m[3]!);
  return latest;
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
