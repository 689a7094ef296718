/**
 * @module One line read as a municipal agenda item heading, in the numbering layouts Danish publishers
 * use: "Punkt 3: Title", "147. Title", "Pkt. 15 Title", "1 Title", "31Title" (number glued to the title),
 * "åbent 1 Title" (status before the number), "N (Åben) Title ....p" (contents line), and a number on a
 * line of its own ("Sag nr. 162", "Pkt. 15", "1"). Also the lines that look numbered but are no item:
 * dates ("1. september 2022"), list entries that read as sentences, case and KLE lines.
 */
import { splitLeader } from "./toc.js";

/** How the number is written: the shapes a document keeps for all of its items. */
export type ItemNumberShape = "prefixed" | "dotted" | "bare" | "glued" | "status";

/** A line that can open (or, in a contents list, name) an agenda item. */
export interface ItemLine {
  /** The number as printed, without prefix word or trailing dot: "49", "162". */
  readonly number: string;
  readonly value: number;
  /** The title as printed, without a status word in front and without leader dots and page number. */
  readonly title: string;
  /** A status word ("lukket", "(Lukket)") or the title marks the item closed. */
  readonly closed: boolean;
  readonly shape: ItemNumberShape;
  /** A contents line: leader dots and a page number followed the title. */
  readonly contents: boolean;
}

/** A number standing alone on its line ("Pkt. 15", "Sag nr. 162", "1"), the title on a line next to it. */
export interface ItemNumberLine {
  readonly number: string;
  readonly value: number;
  readonly prefixed: boolean;
}

// Bounded quantifiers only: these run once per line, so no pattern may backtrack on long lines.
const PREFIX = String.raw`(?:punkt|pkt\.?|dagsordenspunkt|sag\s{1,3}nr\.?)`;
const PREFIXED = new RegExp(String.raw`^${PREFIX}\s{0,3}(\d{1,3})\s{0,3}[.:)\-–]?\s{0,8}(\S.{0,400})$`, "iu");
const STATUS_FIRST = /^(åben|åbent|lukket)\s{1,8}(\d{1,3})\.?\s{1,40}(\S.{0,400})$/iu;
const DOTTED = /^(\d{1,3})\.(?!\d)\s{0,8}(\S.{0,400})$/u;
const BARE = /^(\d{1,3})\s{1,40}(\S.{0,400})$/u;
const GLUED = /^(\d{1,3})(\p{Lu}\p{Ll}{2,}.{0,400})$/u;
const NUMBER_ALONE = new RegExp(String.raw`^(${PREFIX}\s{0,3})?(\d{1,3})\.?$`, "iu");
/** Web list glyphs in front of a heading ("• Pkt. 15 ...", "• 1 Title"); a dash marks a list entry. */
const BULLET = /^[•·▪●○◦]\s{0,4}/u;

const MONTHS =
  /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b/iu;

/** A status word printed in front of the title: "(Åben) ", "Lukket: ", "åbent ". Not "Lukket punkt". */
const LEADING_STATUS = /^\(?(åben|åbent|lukket|lukkede?)\)?(?:\s{0,3}[:\-–]\s{0,3}|\s{1,3})(?!punkt)(?=\S)/iu;

/** A contents list flattened onto one line is a page or two of text, not a whole document. */
const MAX_FLATTENED_CONTENTS = 20_000;

/** Removes leading web list glyphs. */
export function stripBullet(text: string): string {
  return text.replace(BULLET, "");
}

/** A title is closed when it says so ("(Lukket punkt)", "LUKKET PUNKT - Salg", "Lukket punkt"). */
export function titleSaysClosed(title: string): boolean {
  return /\blukke(?:t|de)\b/iu.test(title);
}

/** Splits a leading status word off a title: "(Åben) Meddelelser" -> open, "Meddelelser". */
export function splitStatus(title: string): { title: string; closed: boolean | null } {
  const match = LEADING_STATUS.exec(title);
  if (!match?.[1]) return { title, closed: null };
  return { title: title.slice(match[0].length), closed: /^lukke/iu.test(match[1]) };
}

/**
 * A title begins like a heading and does not read as a sentence or a list entry: capital, digit, quote
 * or bracket first; no closing full stop after a word; no trailing comma; not a date ("september 2022").
 */
function titleLike(title: string): boolean {
  if (title.length < 2 || title.length > 250) return false;
  if (!/^[\p{Lu}\d"“”„«'‘’(]/u.test(title)) return false;
  if (MONTHS.test(title)) return false;
  if (/[,;]$/.test(title)) return false;
  if (/[\p{Ll}\d)]\.$/u.test(title) && !/\b(?:mv|m\.v|bl\.a|etc|inkl|ca|nr|jf|tidl|pkt|kl)\.$/iu.test(title))
    return false;
  return true;
}

/** A line read as a title alone (next to a number standing on its own line), or null. */
export function readTitle(text: string): { title: string; closed: boolean } | null {
  const status = splitStatus(stripBullet(text).trim());
  const title = status.title.trim();
  if (!titleLike(title) || /^[\p{L} .-]{2,40}:\s/u.test(title)) return null;
  return { title, closed: status.closed ?? titleSaysClosed(title) };
}

/** The numbering shapes in order of precedence, each with what it captures. */
const SHAPES: readonly { shape: ItemNumberShape; pattern: RegExp; number: number; rest: number }[] = [
  { shape: "prefixed", pattern: PREFIXED, number: 1, rest: 2 },
  { shape: "status", pattern: STATUS_FIRST, number: 2, rest: 3 },
  { shape: "dotted", pattern: DOTTED, number: 1, rest: 2 },
  { shape: "bare", pattern: BARE, number: 1, rest: 2 },
  { shape: "glued", pattern: GLUED, number: 1, rest: 2 },
];

function readShape(
  line: string,
): { shape: ItemNumberShape; numberText?: string; rest?: string; statusClosed: boolean | null } | null {
  for (const { shape, pattern, number, rest } of SHAPES) {
    const match = pattern.exec(line);
    if (!match) continue;
    const statusClosed = shape === "status" ? /^lukket/iu.test(match[1] ?? "") : null;
    return { shape, numberText: match[number], rest: match[rest], statusClosed };
  }
  return null;
}

/** Reads an item heading line (normalised text), or null. */
export function parseItemLine(text: string): ItemLine | null {
  if (text.length > 420) return null;
  const line = stripBullet(text);
  const read = readShape(line);
  if (!read) return null;
  const { shape, numberText, rest, statusClosed } = read;
  if (!numberText || !rest) return null;
  const value = Number(numberText);
  if (value === 0) return null;
  let title = rest.trim();
  let contents = false;
  const leader = splitLeader(title);
  if (leader) {
    title = leader.title;
    contents = true;
  }
  const status = splitStatus(title);
  title = status.title.trim();
  if (!titleLike(title)) return null;
  const closed = statusClosed ?? status.closed ?? titleSaysClosed(title);
  return { number: String(value), value, title, closed: closed || titleSaysClosed(title), shape, contents };
}

/** Reads a number standing alone on its line, or null. */
export function parseItemNumberLine(text: string): ItemNumberLine | null {
  const match = NUMBER_ALONE.exec(stripBullet(text));
  if (!match?.[2]) return null;
  const value = Number(match[2]);
  if (value === 0) return null;
  return { number: String(value), value, prefixed: match[1] !== undefined };
}

/**
 * A case or classification line that stands above or below an item heading and is no title: "EMN-2025-
 * 003383", "SAG-2024-03326 hlth", "Sagsnr.: 12/27845", "Sagnr.: 1-51-71-3321-08", "Sagsnr. 16/34038",
 * "Sagsid.: 20/33839, Sagsinitialer: AGVA", "Brevid: 3830997", KLE numbers "85.02.02-G01-5-17" and
 * "00.32.10P19-0010". Returns the case number.
 */
export function parseCaseMarkLine(text: string): string | null {
  if (text.length > 160) return null;
  const line = stripBullet(text);
  const system = /^([A-ZÆØÅ]{2,6}-\d{4}-\d{2,8})(?:\s{1,8}[\p{L}/, ]{0,60})?$/u.exec(line);
  if (system?.[1]) return system[1];
  const kle = /^(\d{2}\.\d{2}\.\d{2}(?:[-.]?[A-ZÆØÅ]\d{2})?(?:[-.]?\d{1,6}){0,3}(?:-\d{2})?)$/u.exec(line);
  if (kle?.[1]) return kle[1];
  const labelled =
    /^(?:sags?nr|sagsnummer|sags?[\s-]?id|j\.?\s?nr|journal\s?nr|journalnummer|brevid|dok(?:ument)?\.?\s?nr)\.?\s{0,3}:?\s{0,3}([\w./-]{3,40})/iu.exec(
      line,
    );
  if (labelled?.[1]) return labelled[1];
  // "Udvalget for sundhed for alle Brevid: 3830997": a label after the body's name.
  const trailing = /\b(?:brevid|sagsnr|sagsid)\.?\s{0,3}:\s{0,3}([\w./-]{3,40})$/iu.exec(line);
  return trailing?.[1] ?? null;
}

/**
 * Splits a contents list flattened onto one line ("... 1 (Åben) Meddelelser .....4 2 (Åben) Lokalplan 367
 * ...........4 3 (Åben) ..."): each entry ends in leader dots and a page number, and the numbers rise by
 * one, which finds where the first entry starts after the text before it. A last entry cut off without
 * its leader is kept when it carries the next number.
 */
export function splitFlattenedContents(text: string): ItemLine[] {
  if (text.length > MAX_FLATTENED_CONTENTS) return [];
  const pieces: string[] = [];
  let from = 0;
  // Each run of dots is matched once and the page number after it read by a bounded pattern: a pattern
  // that asks for the number right after an unbounded run backtracks quadratically on a long run of dots.
  for (const run of text.matchAll(/[.…]{4,}/gu)) {
    const after = (run.index ?? 0) + run[0].length;
    const page = /^\s{0,3}\d{1,4}(?=\s|$)/u.exec(text.slice(after, after + 12));
    if (!page) continue;
    pieces.push(text.slice(from, after + page[0].length).trim());
    from = after + page[0].length;
  }
  if (pieces.length < 2) return [];
  const tail = text.slice(from).trim();
  const entries: ItemLine[] = [];
  for (let index = 1; index < pieces.length; index++) {
    const entry = parseItemLine(pieces[index] as string);
    if (entry) entries.push(entry);
  }
  const second = entries[0];
  if (!second) return [];
  // The first piece carries the text before the list: its entry starts at the number before the second's.
  const first = pieces[0] as string;
  const expected = String(second.value - 1);
  const starts = [...first.matchAll(new RegExp(String.raw`(?:^|\s)${expected}\s`, "gu"))];
  for (let index = starts.length - 1; index >= 0; index--) {
    const start = starts[index];
    const entry = parseItemLine(first.slice(start?.index ?? 0).trim());
    if (entry?.number === expected) {
      entries.unshift(entry);
      break;
    }
  }
  const last = entries[entries.length - 1];
  const cut = tail !== "" ? parseItemLine(tail) : null;
  if (cut && last && cut.value === last.value + 1) entries.push(cut);
  return entries.filter(
    (entry, index) => index === 0 || entry.value > (entries[index - 1] as ItemLine).value,
  );
}
