/**
 * @module The meeting a document belongs to: body ("KKR Nordjylland"), date, start and end time,
 * location, and the dates of the previous and next meetings.
 */
import type { ParsedMeeting, ParseWarning } from "../../domain/index.js";
import { findDates, findTimes, isoDate } from "./dates.js";
import { parseFieldHeading } from "./headings.js";
import { type LineView, normaliseSpace, type ViewLine } from "./line-view.js";
import { decisionFacts, mostNamedCommittee } from "./meeting-facts.js";
import { type MeetingHead, readMeetingHead } from "./meeting-head.js";

/** What the meeting recogniser found. */
export interface MeetingResult {
  readonly body: string | null;
  readonly meeting: ParsedMeeting;
  readonly warnings: readonly ParseWarning[];
}

const KKR_REGIONS = "Nordjylland|Midtjylland|Syddanmark|Sjælland|Hovedstaden";
const KKR_NAME = new RegExp(`\\bKKR\\s{1,3}(${KKR_REGIONS})\\b`, "gu");
const KKR_LONG = new RegExp(
  `\\bKommunekontaktråd(?:et)?\\s{1,3}(?:\\(KKR\\)\\s{1,3})?(?:i\\s{1,3})?(${KKR_REGIONS})\\b`,
  "giu",
);

/**
 * A running header that names body and date: "KKR Nordjylland  | 20-09-2024" (seeds/004 line 682). It
 * is cut from the text as a running line, so it is read from the raw lines.
 */
const HEADER_BODY_DATE = /^(.{2,60}?)\s{0,4}\|\s{0,4}(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:\s|$)/u;
/** Where the recogniser may look. */
export interface MeetingOptions {
  /** Minutes or an agenda: the whole text may be searched for what the head does not say. */
  readonly meetingDocument: boolean;
  /** Line number of the first item: the head ends above it. */
  readonly headEnd?: number | null;
  /**
   * A plain document (not an annex pack) whose head titles it a meeting's agenda or minutes with a date
   * takes its meeting facts from that head.
   */
  readonly readHead?: boolean;
}

/** Headings of a treatment history or an item's text: the head ends at them. */
const HEAD_STOP = /^(?:sags?forløb|sagens forløb|tidligere behandling|behandling i\b)/iu;

/** The head of a document: the lines above its first item and above any field heading, at most 40. */
export function headLines(content: readonly ViewLine[], headEnd: number | null | undefined): string[] {
  const out: string[] = [];
  for (const line of content) {
    if (out.length >= 40) break;
    if (out.length > 0 && headEnd != null && line.line >= headEnd) break;
    if (out.length > 0 && (parseFieldHeading(line.text) || HEAD_STOP.test(line.text))) break;
    out.push(line.text);
  }
  return out;
}

/**
 * Recognises body and meeting. Sources in order of trust: running header with date; the document's head
 * (labels, titles, the date line under a title; see meeting-head.ts); the headings of its own decisions
 * ("Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16"); the programme of the day for times
 * ("10.00-12.00 – KKR-møde", seeds/004 line 114); "næste møde ... den 22. november 2024" and "referat fra
 * ... mødet den 21. juni 2024" sentences for the neighbouring meetings.
 */
export function recogniseMeeting(view: LineView, options: MeetingOptions): MeetingResult {
  const warnings: ParseWarning[] = [];
  const headerCounts = new Map<string, { count: number; body: string; iso: string }>();
  for (const line of view.lines) {
    const text = normaliseSpace(line.text);
    if (text.length > 80) continue;
    const match = HEADER_BODY_DATE.exec(text);
    const iso = match ? isoDate(Number(match[4]), Number(match[3]), Number(match[2])) : null;
    if (!match || !iso) continue;
    const body = (match[1] ?? "").trim();
    const key = `${body}|${iso}`;
    const entry = headerCounts.get(key) ?? { count: 0, body, iso };
    entry.count++;
    headerCounts.set(key, entry);
  }
  const header = [...headerCounts.values()].sort((a, b) => b.count - a.count)[0];
  const content = view.content;
  const head: MeetingHead | null =
    options.meetingDocument || options.readHead ? readMeetingHead(headLines(content, options.headEnd)) : null;

  // One string of the content so that dates and phrases that wrap over lines are found.
  const joined = content.map((line) => line.text).join(" ");
  if (!options.meetingDocument) {
    // An annex pack or plain document names many dates; only its running header dates the meeting, or
    // the head of a plain document that titles itself a meeting's record.
    const titledHead = head?.titled && head.date ? head : null;
    return {
      body: header
        ? (bodyFrom(header.body) ?? mostNamedBody(joined))
        : (mostNamedBody(joined) ?? titledHead?.body ?? null),
      meeting: {
        date: header?.iso ?? titledHead?.date ?? null,
        startTime: titledHead?.startTime ?? null,
        endTime: titledHead?.endTime ?? null,
        location: titledHead?.location ?? null,
        previousMeetingDate: null,
        nextMeetingDate: null,
      },
      warnings,
    };
  }
  const decisions = decisionFacts(content);
  let date: string | null = header?.iso ?? head?.date ?? decisions.date;
  let startTime: string | null = head?.startTime ?? null;
  let endTime: string | null = head?.endTime ?? null;
  const location: string | null = head?.location ?? null;

  if (startTime === null) {
    const programme =
      programmeTimes(content.map((line) => line.text)) ?? headTimes(content.slice(0, 30).map((l) => l.text));
    if (programme) {
      startTime = programme.start;
      endTime = programme.end;
    }
  }

  if (endTime === null) endTime = closingTime(joined);

  const dates = findDates(joined);
  let previousMeetingDate: string | null = null;
  let nextMeetingDate: string | null = null;
  for (const found of dates) {
    const before = joined.slice(Math.max(0, found.index - 90), found.index).toLowerCase();
    if (
      nextMeetingDate === null &&
      /(?:næste|kommende) (?:møde|kkr-møde)/u.test(before) &&
      (!date || found.iso > date)
    ) {
      nextMeetingDate = found.iso;
    } else if (
      previousMeetingDate === null &&
      /referat(?:et)?\b.{0,80}møde|(?:forrige|seneste|sidste) (?:møde|kkr-møde)/u.test(before) &&
      (!date || found.iso < date)
    ) {
      previousMeetingDate = found.iso;
    }
  }

  if (date === null) {
    // Last resort: the date most often named in the text, if it stands out.
    const counts = new Map<string, number>();
    for (const found of dates) counts.set(found.iso, (counts.get(found.iso) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (best && best[1] >= 2 && (!second || best[1] > second[1])) {
      date = best[0];
      warnings.push({
        code: "no-meeting-date",
        message: `No dated header or title; the meeting date ${best[0]} is the date the text names most often.`,
      });
    } else {
      warnings.push({ code: "no-meeting-date", message: "No meeting date found." });
    }
  }

  const kkr = mostNamedBody(joined);
  const body =
    (header ? bodyFrom(header.body) : null) ??
    (head?.body ? (kkrOf(head.body) ?? head.body) : null) ??
    kkr ??
    decisions.bodyOn(date) ??
    titledBody(content.slice(0, 15).map((line) => line.text)) ??
    mostNamedCommittee(joined);
  return {
    body,
    meeting: { date, startTime, endTime, location, previousMeetingDate, nextMeetingDate },
    warnings,
  };
}

/** "Mødet sluttede kl. 21.05." (real-world/08), "mødet hævet kl.: 20.35" (real-world/17): the end time. */
function closingTime(text: string): string | null {
  const match =
    /\bmødet\s+(?:sluttede|slut|blev\s+hævet|hævet|hævedes|afsluttedes|afsluttet)\s+kl\.?\s*:?\s*(\d{1,2}[.:]\d{2})/iu.exec(
      text,
    );
  return match?.[1] ? (findTimes(match[1])[0]?.start ?? null) : null;
}

/** "Kommunekontaktrådet Syddanmark" -> "KKR Syddanmark": a KKR under its short name, else null. */
function kkrOf(text: string): string | null {
  return mostNamedBody(text);
}

/**
 * The meeting's own slot in the day's programme: a time span followed by words naming the meeting
 * ("10.00-12.00 – KKR-møde"), not arrival, breakfast or lunch (seeds/004 lines 112-116).
 */
function programmeTimes(lines: readonly string[]): { start: string; end: string | null } | null {
  let fallback: { start: string; end: string | null } | null = null;
  for (const text of lines) {
    if (text.length > 160) continue;
    for (const time of findTimes(text)) {
      if (time.end === null) continue;
      const rest = text.slice(time.index + time.length, time.index + time.length + 60).toLowerCase();
      const before = text.slice(Math.max(0, time.index - 40), time.index).toLowerCase();
      if (/møde|mødet|kkr\b/u.test(rest) && !/formøde|frokost|morgenmad|ankomst/u.test(rest)) return time;
      if (fallback === null && /\bkl\.?\s*$/u.test(before) && /møde/u.test(before + rest)) fallback = time;
    }
  }
  return fallback;
}

/** A "kl. 10.00-13.00" on the first page of an agenda or minutes: the meeting's own time. */
function headTimes(lines: readonly string[]): { start: string; end: string | null } | null {
  for (const text of lines) {
    if (text.length > 160) continue;
    for (const time of findTimes(text)) {
      if (/\bkl\.?\s*$/iu.test(text.slice(Math.max(0, time.index - 6), time.index))) return time;
    }
  }
  return null;
}

/** The body named in a running header, if it is one we know the form of. */
function bodyFrom(text: string): string | null {
  const match = new RegExp(`\\bKKR\\s{1,3}(${KKR_REGIONS})\\b`, "u").exec(text);
  if (match) return `KKR ${match[1]}`;
  return text.length <= 40 && /^\p{Lu}/u.test(text) ? text : null;
}

/**
 * A body other than a KKR, named in the document's title: "Dagsorden for Økonomiudvalget", "Referat -
 * Byrådet den 3. marts 2025", "Referat fra mødet i Social- og Sundhedsudvalget".
 */
function titledBody(lines: readonly string[]): string | null {
  for (const text of lines) {
    const match =
      /^(?:[Rr]eferat|[Dd]agsorden|[Bb]eslutningsprotokol)\s{0,3}(?:[-–:|]|for|fra|til)?\s{0,3}(?:mødet?\s{1,3}i\s{1,3})?(\p{Lu}[\p{L}\s-]{2,60}?)(?:\s{1,3}(?:den|d\.)\s.*|(?:\s{1,3}[-–|]|,)\s.*)?$/u.exec(
        text,
      );
    const name = match?.[1]?.trim();
    if (name && !/^(?:fra|for|til|den|mødet)$/iu.test(name)) return name;
  }
  return null;
}

/** The KKR the text names most often ("KKR Midtjylland" in seeds/003), or null. */
function mostNamedBody(text: string): string | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(KKR_NAME))
    counts.set(`KKR ${match[1]}`, (counts.get(`KKR ${match[1]}`) ?? 0) + 1);
  for (const match of /kommunekontaktråd/iu.test(text) ? text.matchAll(KKR_LONG) : []) {
    const region = (match[1] ?? "").replace(/^./u, (c) => c.toUpperCase());
    counts.set(`KKR ${region}`, (counts.get(`KKR ${region}`) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}
