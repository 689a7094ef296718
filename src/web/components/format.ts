/** @module Small Danish formatting helpers shared by pages and feeds: times, states, roles, sizes. */
import {
  formatDanishDate,
  isMeetingState,
  isMembershipRole,
  MEETING_STATE_LABELS,
  MEMBERSHIP_ROLE_LABELS,
} from "../../domain/index.js";

/** "10:00" -> "10.00", the Danish way of writing a clock time. */
export function formatTime(time: string | null): string | null {
  return time ? time.slice(0, 5).replace(":", ".") : null;
}

/** "kl. 10.00-12.00", "kl. 10.00" or null. */
export function formatTimeRange(start: string | null, end: string | null): string | null {
  const from = formatTime(start);
  const to = formatTime(end);
  if (!from) return null;
  return to ? `kl. ${from}-${to}` : `kl. ${from}`;
}

// Built once: constructing an Intl.DateTimeFormat costs about 0.2 ms, which every page paid for its
// "Senest opdateret" line (9 % of the meeting page's CPU time under load).
const DANISH_MOMENT = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as "22. november 2026 kl. 05.20", Danish time. */
export function formatDanishDateTime(moment: Date): string {
  const parts = DANISH_MOMENT.formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${formatDanishDate(`${get("year")}-${get("month")}-${get("day")}`)} kl. ${get("hour")}.${get("minute")}`;
}

/** A meeting's date, "20. september 2024", or "ca. 1. januar 2020" where it was estimated from its annexes. */
export function meetingDateLabel(date: string, estimated = false): string {
  return estimated ? `ca. ${formatDanishDate(date)}` : formatDanishDate(date);
}

/** What an imported file is, for its download link: "referatet", "bilagspakken". */
export function documentKindNoun(kind: string): string {
  const nouns: Readonly<Record<string, string>> = {
    minutes: "referatet",
    agenda: "dagsordenen",
    "annex-pack": "bilagspakken",
  };
  return nouns[kind] ?? "dokumentet";
}

export function meetingStateLabel(state: string): string {
  return isMeetingState(state) ? MEETING_STATE_LABELS[state] : state;
}

export function roleLabel(role: string): string {
  return isMembershipRole(role) ? MEMBERSHIP_ROLE_LABELS[role] : role;
}

/** Bytes as "12 kB" or "1,4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1).replace(".", ",")} MB`;
}

/** "Aalborg Kommune" from the stored municipality "Aalborg". */
export function municipalityLabel(municipality: string | null): string | null {
  if (!municipality) return null;
  return /kommune$/i.test(municipality) ? municipality : `${municipality} Kommune`;
}

/** "side 3" or "side 3-7". */
export function pageRangeLabel(start: number | null, end: number | null): string | null {
  if (start === null) return null;
  return end !== null && end !== start ? `side ${start}-${end}` : `side ${start}`;
}

/** A share 0..1 as "87 %". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The first words of a text, cut at a word boundary, for a teaser. */
export function teaser(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, cut > 0 ? cut : max)} …`;
}

const DANISH_LIST = new Intl.ListFormat("da", { style: "long", type: "conjunction" });

/**
 * Names as a Danish sentence lists them.
 * @example danishList(["Anna Aaen", "Bo Ring", "Ib Holm"]); // "Anna Aaen, Bo Ring og Ib Holm"
 */
export function danishList(names: readonly string[]): string {
  return DANISH_LIST.format(names);
}
