/**
 * @module Attendance of a meeting: the "Deltagere" (present) and "Afbud" (absent) lists, each entry a
 * person with party letter, municipality and, for a substitute, whom they stand in for.
 */
import type { Attendee, ParsedAttendance, ParseWarning } from "../../domain/index.js";
import { type Entry, readEntry, splitNames } from "./attendance-entry.js";
import { descriptiveFieldLines, treatmentHistoryLines } from "./attendance-scope.js";
import { attendanceSentences } from "./attendance-sentences.js";
import { parseFieldHeading, parseNumberedHeading } from "./headings.js";
import type { LineView, ViewLine } from "./line-view.js";

type ListKind = "present" | "absent" | "roster" | "substitute";

/** Headings that open a list; "Deltagerfortegnelse" (seeds/004 line 25) is the page title above them. */
const LIST_HEADINGS: readonly (readonly [RegExp, ListKind])[] = [
  [
    /^(?:deltagere|mødedeltagere|til stede|tilstede|til stede var|tilstedeværende|fremmødte|deltog|medlemmer til stede|i mødet deltog|følgende deltog|deltagende medlemmer)$/iu,
    "present",
  ],
  [
    /^(?:afbud|fraværende|fraværende med afbud|afbud fra|forfald|ikke til stede|meldt afbud|afbud\/fravær|fravær|følgende havde meldt (?:afbud|forfald)|følgende var fraværende|fraværende medlemmer)$/iu,
    "absent",
  ],
  [/^(?:medlemmer|udvalgsmedlemmer|medlemmer af udvalget|.{0,60}\bbestår af\b.{0,60}medlemmer)$/iu, "roster"],
  [/^(?:stedfortrædere|stedfortræder|suppleanter|suppleant|indkaldte stedfortrædere)$/iu, "substitute"],
];
/** A sub-label of a list naming staff, not members ("Fra forvaltningen:", real-world/09): its names are skipped. */
// Letter lookarounds, not \b: in JavaScript \b knows only ASCII letters, so "\bøvrige" never matches.
const STAFF_LABEL =
  /(?<!\p{L})(?:forvaltning(?:en)?|administration(?:en)?|direktion(?:en)?|sekretariat(?:et)?|embedsmænd|medarbejdere|øvrige deltagere|desuden deltog|endvidere deltog|gæster|referent|sekretær)(?!\p{L})/iu;
/** Labels of a list written on one line ("Fraværende: Merete Dea Larsen (O).", "Tilstede: A, B og C"). */
const INLINE_LABEL =
  /(?:^|(?<=[\s.]))(deltagere|mødedeltagere|til stede|tilstede|til stede var|fremmødte|i mødet deltog|fraværende med afbud|fraværende|afbud fra|meldt afbud|afbud|forfald|medlemmer|stedfortrædere|suppleanter)\s*:/giu;

/** Parses one attendee line, or null when the line is no entry. */
export function parseAttendee(line: string): Attendee | null {
  return readEntry(line)?.attendee ?? null;
}

/** The kind of list a heading line opens, or null. */
function listKindOf(text: string): ListKind | null {
  const bare = text
    .replace(/^[\s•·▪●○*–—-]+/u, "")
    .replace(/[\s|:]+$/u, "")
    .trim();
  if (bare.length > 120) return null;
  for (const [pattern, kind] of LIST_HEADINGS) if (pattern.test(bare)) return kind;
  return null;
}

/** A person named in a list, with the list's meaning. */
interface Mention {
  readonly attendee: Attendee;
  readonly kind: ListKind;
}

/** A person who did not take part in some items. */
export interface PartialAbsence {
  readonly name: string;
  readonly items: readonly string[];
}

/** What the attendance recogniser found and the lines it claims. */
export interface AttendanceResult {
  readonly attendance: ParsedAttendance;
  readonly claimed: readonly (readonly [number, number])[];
  readonly warnings: readonly ParseWarning[];
  /** Per-item non-participation written in the lists ("- deltog ikke i behandlingen af punkt: 6, 8, 9"). */
  readonly partial: readonly PartialAbsence[];
}

/** Entries of one line: the line as one entry, or as a list of several ("A, B og C", two columns). */
function entriesOf(text: string, bare: boolean): Entry[] | null {
  const parts = splitNames(text);
  if (parts.length > 1) {
    const entries = parts.map((part) => readEntry(part, bare));
    if (entries.every((entry) => entry !== null)) return entries as Entry[];
  }
  const columns = splitColumns(text);
  if (columns.length > 1) {
    const entries = columns.map((part) => readEntry(part, bare));
    if (entries.every((entry) => entry !== null)) return entries as Entry[];
  }
  const one = readEntry(text, bare);
  return one ? [one] : null;
}

/** Names set in columns with wide gaps ("Jens Hansen      Mette Bro"): each column an entry. */
function columnEntries(raw: string): Entry[] | null {
  const columns = raw
    .split(/\t+|\s{3,}/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (columns.length < 2) return null;
  const entries = columns.map((column) => readEntry(column, true));
  return entries.every((entry) => entry !== null) ? (entries as Entry[]) : null;
}

/** The entries at the start of a value on one line, up to the first part that is no entry. */
function leadingEntries(value: string): Entry[] {
  const out: Entry[] = [];
  for (const part of splitNames(value)) {
    const entry = readEntry(part, true);
    if (!entry) break;
    out.push(entry);
  }
  return out;
}

/**
 * Finds the attendance: lists under a heading (a list runs from its heading over the entries that follow;
 * one line that is no entry between entries is reported, two in a row, a heading or an item end it),
 * lists on one line after a label, and sentences. A member roster counts only where the record also says
 * who attended or was absent; treatment histories are not read.
 */
export function recogniseAttendance(view: LineView): AttendanceResult {
  const mentions: Mention[] = [];
  const partial: PartialAbsence[] = [];
  const claimed: [number, number][] = [];
  const warnings: ParseWarning[] = [];
  const history = treatmentHistoryLines(view);
  const descriptive = descriptiveFieldLines(view);
  const content = view.content.filter((line) => !history.has(line.line));
  let statement = false;

  const take = (entry: Entry, listKind: ListKind): void => {
    const kind: ListKind =
      entry.status === "absent"
        ? "absent"
        : entry.status === "present" && listKind !== "substitute"
          ? "present"
          : listKind;
    mentions.push({ attendee: entry.attendee, kind });
    if (kind === "present" || kind === "absent") statement = true;
    if (entry.standIn) {
      mentions.push({
        attendee: {
          name: entry.standIn,
          party: null,
          municipality: null,
          substituteFor: entry.attendee.name,
        },
        kind: "substitute",
      });
    }
    if (entry.partialItems.length > 0) partial.push({ name: entry.attendee.name, items: entry.partialItems });
  };

  for (let pos = 0; pos < content.length; pos++) {
    const line = content[pos] as ViewLine;
    const labels = [...line.text.matchAll(INLINE_LABEL)];
    const inlineValues = labels
      .map((label, index) => {
        const start = (label.index ?? 0) + label[0].length;
        const next = labels[index + 1];
        return {
          kind: listKindOf(label[1] ?? ""),
          value: line.text.slice(start, next?.index ?? line.text.length).trim(),
        };
      })
      .filter((entry) => entry.value !== "");
    if (inlineValues.length > 0) {
      let found = false;
      for (const { kind, value } of inlineValues) {
        if (!kind || (descriptive.has(line.line) && kind !== "roster")) continue;
        if (kind === "absent") statement = true;
        for (const entry of leadingEntries(value)) {
          take(entry, kind);
          found = true;
        }
      }
      if (found) claimed.push([line.line, line.line]);
      continue;
    }
    const kind = listKindOf(line.text);
    if (!kind || (descriptive.has(line.line) && kind !== "roster")) continue;
    if (kind === "absent") statement = true;
    let end = pos;
    let misses: ViewLine[] = [];
    let staff = false;
    for (let probe = pos + 1; probe < content.length; probe++) {
      const entryLine = content[probe] as ViewLine;
      if (
        listKindOf(entryLine.text) ||
        parseNumberedHeading(entryLine.text) ||
        parseFieldHeading(entryLine.text)
      )
        break;
      // A sub-label inside the list ("Borgerrepræsentanter:", "Fra forvaltningen:"), or a staff heading
      // without a colon ("Øvrige deltagere", as Rådsinfo's own minutes set it after "Afbud").
      const label = /:$/u.test(entryLine.text)
        ? entryLine.text.length <= 80
        : entryLine.text.length <= 40 && STAFF_LABEL.test(entryLine.text);
      if (label && entriesOf(entryLine.text, false) === null) {
        staff = STAFF_LABEL.test(entryLine.text);
        end = probe;
        continue;
      }
      const entries = columnEntries(entryLine.raw) ?? entriesOf(entryLine.text, true);
      if (entries) {
        for (const miss of misses) {
          warnings.push({
            code: "attendance-unparsed",
            message: `An attendance line could not be read as "Name (Party) Municipality": "${miss.text}"`,
            source: { lineStart: miss.line, lineEnd: miss.line },
          });
        }
        misses = [];
        if (!staff) for (const entry of entries) take(entry, kind);
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

  const sentences = attendanceSentences(
    content
      .filter((line) => !descriptive.has(line.line))
      .map((line) => line.text)
      .join(" "),
  );
  if (sentences.statement) statement = true;
  for (const name of sentences.absent) {
    mentions.push({
      attendee: { name, party: null, municipality: null, substituteFor: null },
      kind: "absent",
    });
    statement = true;
  }
  for (const substitute of sentences.substitutes) {
    mentions.push({
      attendee: { name: substitute.name, party: null, municipality: null, substituteFor: substitute.for },
      kind: "substitute",
    });
    statement = true;
  }
  const attendance = statement || mentions.some((m) => m.kind === "substitute") ? resolve(mentions) : EMPTY;
  for (const warning of substituteNearMatches(attendance.present, attendance.absent)) warnings.push(warning);
  return { attendance, claimed, warnings, partial };
}

const EMPTY: ParsedAttendance = { present: [], absent: [] };

/** A name as compared: case and spacing do not count. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The present and absent lists from the mentions: the present list (or, where the record gives none, the
 * member roster) without the absent, plus the substitutes; each person once, a substitute mark kept.
 */
function resolve(mentions: readonly Mention[]): ParsedAttendance {
  const absent = new Map<string, Attendee>();
  for (const m of mentions)
    if (m.kind === "absent" && !absent.has(nameKey(m.attendee.name)))
      absent.set(nameKey(m.attendee.name), m.attendee);
  const listed = mentions.filter((m) => m.kind === "present");
  const base = listed.length > 0 ? listed : mentions.filter((m) => m.kind === "roster");
  const present = new Map<string, Attendee>();
  for (const m of [...base, ...mentions.filter((m) => m.kind === "substitute")]) {
    const name = nameKey(m.attendee.name);
    if (samePerson(absent.get(name), m.attendee)) continue;
    const namesake = present.get(name);
    const key =
      namesake && !samePerson(namesake, m.attendee) ? `${name}|${m.attendee.municipality ?? ""}` : name;
    const known = present.get(key);
    if (!known) present.set(key, m.attendee);
    else if (!known.substituteFor && m.attendee.substituteFor) {
      present.set(key, { ...known, substituteFor: m.attendee.substituteFor });
    }
  }
  // A substitute's member who is not on the absent list was absent all the same, unless the list names
  // them in another spelling (same last name: "Anika Smith" for "Annika Smith", real-world/08).
  for (const person of present.values()) {
    const member = person.substituteFor;
    if (!member || absent.has(nameKey(member))) continue;
    const last = nameParts(member).at(-1);
    if ([...absent.values()].some((a) => nameParts(a.name).at(-1) === last)) continue;
    absent.set(nameKey(member), { name: member, party: null, municipality: null, substituteFor: null });
  }
  return { present: [...present.values()], absent: [...absent.values()] };
}

/**
 * Whether an absent entry is the person a present entry names: two people of one name from different
 * municipalities ("Maria Madsen (Æ) Hjørring" present, "Maria Madsen (Æ) Thisted" absent) are two.
 */
function samePerson(absent: Attendee | undefined, present: Attendee): boolean {
  if (!absent) return false;
  return (
    absent.municipality === null ||
    present.municipality === null ||
    absent.municipality === present.municipality
  );
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
