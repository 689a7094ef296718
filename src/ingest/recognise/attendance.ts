/**
 * @module Attendance of a meeting: the "Deltagere" (present) and "Afbud" (absent) lists, each entry a
 * person with party letter, municipality and, for a substitute, whom they stand in for.
 */
import type { Attendee, ParsedAttendance, ParseWarning } from "../../domain/index.js";
import { findMunicipality } from "../entities/municipalities.js";
import { parseFieldHeading, parseNumberedHeading } from "./headings.js";
import type { LineView, ViewLine } from "./line-view.js";

/** What the attendance recogniser found and the lines it claims. */
export interface AttendanceResult {
  readonly attendance: ParsedAttendance;
  readonly claimed: readonly (readonly [number, number])[];
  readonly warnings: readonly ParseWarning[];
}

type ListKind = "present" | "absent";

/** Headings that open a list; "Deltagerfortegnelse" (seeds/004 line 25) is the page title above them. */
const LIST_HEADINGS: readonly (readonly [RegExp, ListKind])[] = [
  [/^(?:deltagere|mødedeltagere|til stede|tilstede|fremmødte|deltog|medlemmer til stede)\s*:?$/iu, "present"],
  [/^(?:afbud|fraværende|afbud fra|afbud:|forfald|ikke til stede)\s*:?$/iu, "absent"],
];
/** "Deltagere: Anna Aaen (Ø), ..." on one line. */
const INLINE_HEADING = /^(deltagere|til stede|fremmødte|afbud|fraværende)\s*:\s*(\S.{0,2000})$/iu;

/** Role words written before a name in some lists ("Borgmester Mads Duedahl (V) ..."), dropped from the name. */
const ROLE_PREFIX =
  /^(?:(?:1\.\s*|2\.\s*)?(?:borgmester|viceborgmester|rådmand|formand|næstformand|kommunalbestyrelsesmedlem|byrådsmedlem|regionsrådsformand|medlem|udvalgsformand)\s+)+/iu;

/**
 * One entry: "Hans Ejner Bertelsen (V) Morsø Kommune", "Peter E. Nielsen (A) Frederikshavn Kommune,
 * Suppl. for Birgit Hansen", "Brian Nielsen (D), Thisted Kommune" (comma after the party, seeds/004
 * line 79).
 */
const ENTRY =
  /^(?<name>[^()]{2,80}?)\s{0,3}\((?<party>[\p{Lu}]{1,3})\)\s{0,3}[,–-]?\s{0,3}(?<rest>.{0,200})$/u;
const SUBSTITUTE =
  /^(?<place>.*?)[,;]?\s*(?:\(?\s*)?(?:suppl\.?|suppleant|stedfortræder)\s+(?:for\s+)?(?<for>[^)]{2,80})\)?\s*$/iu;

/** "Name, Aalborg Kommune" with no party letter (lists that leave parties out). */
const NO_PARTY =
  /^(?<name>\p{Lu}[\p{L}.'-]{0,30}(?:\s\p{Lu}[\p{L}.'-]{0,30}){1,4}),\s{0,3}(?<rest>\p{Lu}[^(]{1,120})$/u;
/** "Name, Suppl. for Other Name": no party, no municipality, the substitute mark alone after the name. */
const SUBSTITUTE_ONLY =
  /^(?<name>\p{Lu}[\p{L}.'-]{0,30}(?:\s\p{Lu}[\p{L}.'-]{0,30}){1,4}),\s{0,3}(?<rest>(?:[Ss]uppl\.?|[Ss]uppleant|[Ss]tedfortræder)\s+(?:for\s+)?\p{Lu}[^()]{1,80})$/u;
/** "Name, Aalborg Kommune (A)": the party letter written last. */
const PARTY_LAST = /^(?<name>[^(,]{2,80}),\s{0,3}(?<rest>[^(]{2,120}?)\s{0,3}\((?<party>\p{Lu}{1,3})\)\s*$/u;

/** Parses one attendee line, or null when the line is no entry. */
export function parseAttendee(line: string): Attendee | null {
  // A bullet or dash before the name is list layout, not part of it.
  const text = line.replace(/^[\s•·▪●○*–—-]+/u, "").trim();
  const match = ENTRY.exec(text) ?? PARTY_LAST.exec(text);
  if (match?.groups) {
    return attendee(match.groups.name ?? "", match.groups.party ?? null, match.groups.rest ?? "");
  }
  // "Søren Suppleant, Suppl. for Frida Fog": a substitute with neither party nor municipality, as
  // Rådsinfo's own minutes write one the secretariat added by name alone.
  const substituteOnly = SUBSTITUTE_ONLY.exec(text);
  if (substituteOnly?.groups) {
    return attendee(substituteOnly.groups.name ?? "", null, substituteOnly.groups.rest ?? "");
  }
  const bare = NO_PARTY.exec(text);
  if (bare?.groups && /\bkommune\b/iu.test(bare.groups.rest ?? "")) {
    return attendee(bare.groups.name ?? "", null, bare.groups.rest ?? "");
  }
  return null;
}

function attendee(rawName: string, party: string | null, rawRest: string): Attendee | null {
  const name = rawName
    .replace(ROLE_PREFIX, "")
    .replace(/[,;]\s*$/, "")
    .trim();
  if (!/^\p{Lu}/u.test(name) || name.split(" ").length > 6) return null;
  let rest = rawRest.trim();
  let substituteFor: string | null = null;
  const substitute = SUBSTITUTE.exec(rest);
  if (substitute?.groups) {
    substituteFor = (substitute.groups.for ?? "").trim().replace(/[.,;]$/, "") || null;
    rest = (substitute.groups.place ?? "").trim();
  }
  return { name, party, municipality: municipalityOf(rest), substituteFor };
}

/**
 * "Vesthimmerlands Kommune" -> "Vesthimmerlands" (as written, seeds/004 line 67); a bare name is taken
 * only when it is one of the 98 municipalities; "Region Nordjylland" -> null.
 */
function municipalityOf(rest: string): string | null {
  const cleaned = rest
    .replace(/^[,;–-]\s*/, "")
    .replace(/[.,;]\s*$/, "")
    .trim();
  // The segment that names the municipality: "borgmester, Aalborg Kommune" -> "Aalborg".
  const kommune = /(?:^|,\s*)([^,]{2,40}?)\s+(?:[Rr]egions)?[Kk]ommune\b/u.exec(cleaned);
  if (kommune?.[1]) return kommune[1].trim();
  const after = /^[Kk]ommune\s*:?\s*(\S.{1,40})$/u.exec(cleaned);
  if (after?.[1]) return after[1].trim();
  if (cleaned === "") return null;
  return findMunicipality(cleaned);
}

function listKindOf(text: string): ListKind | null {
  for (const [pattern, kind] of LIST_HEADINGS) if (pattern.test(text)) return kind;
  return null;
}

/**
 * Finds the attendance lists. A list runs from its heading over the entries that follow; one line that is
 * no entry between entries is reported, two in a row (or a heading) end the list.
 */
export function recogniseAttendance(view: LineView): AttendanceResult {
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  const claimed: [number, number][] = [];
  const warnings: ParseWarning[] = [];
  const content = view.content;
  for (let pos = 0; pos < content.length; pos++) {
    const line = content[pos] as ViewLine;
    const inline = INLINE_HEADING.exec(line.text);
    if (inline?.[1] && inline[2]) {
      const kind: ListKind = /^(afbud|fraværende)/iu.test(inline[1]) ? "absent" : "present";
      const entries = splitInline(inline[2]).map(parseAttendee);
      if (entries.length > 0 && entries.every((entry) => entry !== null)) {
        // One by one: push(...) takes only so many arguments, and one line can list very many names.
        for (const entry of entries as Attendee[]) (kind === "present" ? present : absent).push(entry);
        claimed.push([line.line, line.line]);
      }
      continue;
    }
    const kind = listKindOf(line.text);
    if (!kind) continue;
    const target = kind === "present" ? present : absent;
    let end = pos;
    let misses: ViewLine[] = [];
    for (let probe = pos + 1; probe < content.length; probe++) {
      const entryLine = content[probe] as ViewLine;
      if (
        listKindOf(entryLine.text) ||
        parseNumberedHeading(entryLine.text) ||
        parseFieldHeading(entryLine.text)
      )
        break;
      const parts = splitColumns(entryLine.text).map(parseAttendee);
      const attendees = parts.every((part) => part !== null) ? (parts as Attendee[]) : [];
      if (attendees.length > 0) {
        for (const miss of misses) {
          warnings.push({
            code: "attendance-unparsed",
            message: `An attendance line could not be read as "Name (Party) Municipality": "${miss.text}"`,
            source: { lineStart: miss.line, lineEnd: miss.line },
          });
        }
        misses = [];
        for (const attendee of attendees) target.push(attendee);
        end = probe;
        continue;
      }
      misses.push(entryLine);
      if (misses.length >= 2) break;
    }
    const endLine = content[end] as ViewLine;
    if (end > pos) {
      // A page title above the lists ("Deltagerfortegnelse", seeds/004 line 25) belongs to them.
      const above = content[pos - 1];
      const titled =
        above &&
        /^(?:deltagerfortegnelse|deltagerliste|fremmødeliste|tilstedeværelse)\s*:?$/iu.test(above.text);
      claimed.push([titled ? above.line : line.line, endLine.line]);
      pos = end;
    }
  }
  for (const warning of substituteNearMatches(present, absent)) warnings.push(warning);
  return { attendance: { present, absent }, claimed, warnings };
}

/** Name parts for comparing: lower case, hyphens as spaces ("Per Bach-Laursen" = "Per Bach Laursen"). */
function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[-.]/g, " ")
    .split(/\s+/)
    .filter((part) => part.length > 0);
}

/**
 * A substitute stands in for a member who should be on the absent list; when the name is written
 * differently there ("Suppl. for Birgit Hansen" and absent "Birgit Stenbak Hansen", seeds/004 lines
 * 55/73) the two are linked by first and last name and the difference is reported, never silently merged.
 */
function substituteNearMatches(present: readonly Attendee[], absent: readonly Attendee[]): ParseWarning[] {
  const out: ParseWarning[] = [];
  // Looked up, not searched per substitute: a long file can list thousands of people.
  const absentNames = new Set(absent.map((a) => a.name));
  const firstByEnds = new Map<string, Attendee>();
  for (const a of absent) {
    const key = endsKey(nameParts(a.name));
    if (!firstByEnds.has(key)) firstByEnds.set(key, a);
  }
  for (const person of present) {
    const wanted = person.substituteFor;
    if (!wanted || absentNames.has(wanted)) continue;
    const near = firstByEnds.get(endsKey(nameParts(wanted)));
    if (near) {
      out.push({
        code: "person-near-match",
        message: `${person.name} substitutes for "${wanted}", written "${near.name}" in the absent list: taken as the same person.`,
      });
    }
  }
  return out;
}

/** First and last name part as one key (a name without parts has its own key, "[]"). */
function endsKey(parts: readonly string[]): string {
  return parts.length === 0 ? "[]" : JSON.stringify([parts[0], parts[parts.length - 1]]);
}

/**
 * A list set in two columns comes out with two entries on one line ("Jes Lunde (B) Aalborg Kommune Jesper
 * Greth (V) Rebild Kommune"): split after "Kommune" where another "Name (P)" follows.
 */
function splitColumns(text: string): string[] {
  if ((text.match(/\(\p{Lu}{1,3}\)/gu) ?? []).length < 2) return [text];
  return text
    .split(/(?<=\b[Kk]ommune)[,;]?\s+(?=\p{Lu}[^()]{1,60}\(\p{Lu}{1,3}\))/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Splits "A (V), B (A) Aalborg Kommune; C (Ø)" into entries: after each closing party bracket's entry. */
function splitInline(text: string): string[] {
  return text
    .split(/;|,(?=\s*\p{Lu}[\p{L}.\s-]{1,60}\()/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
