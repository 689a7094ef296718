/**
 * @module Renders a body's meetings as an iCalendar (RFC 5545) calendar: one event per meeting in Danish
 * time, its agenda in the description, closed items as "Lukket punkt".
 */
import type { BodyFeedData } from "../../store/index.js";

/** RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function compactDate(iso: string): string {
  return iso.replace(/-/g, "");
}

export function localTime(time: string): string {
  return `${time.slice(0, 2)}${time.slice(3, 5)}00`;
}

export function utcStamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function nextDay(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

// Europe/Copenhagen with the EU summer-time rule, so calendars need no outside zone data.
export const VTIMEZONE: readonly string[] = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Copenhagen",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

export function renderIcs(data: BodyFeedData, baseUrl: string, now: Date = new Date()): string {
  const host = new URL(baseUrl).hostname || "raadsinfo";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rådsinfo//Mødekalender//DA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(`${data.name}: møder`)}`,
    "X-WR-TIMEZONE:Europe/Copenhagen",
    ...VTIMEZONE,
  ];
  for (const m of data.meetings) {
    const url = `${baseUrl}/moede/${m.id}`;
    const agenda = m.items.map((item) => `${item.number} ${item.title}`).join("\n");
    lines.push("BEGIN:VEVENT", `UID:moede-${m.id}@${host}`, `DTSTAMP:${utcStamp(m.modified ?? now)}`);
    if (m.startTime) {
      lines.push(`DTSTART;TZID=Europe/Copenhagen:${compactDate(m.date)}T${localTime(m.startTime)}`);
      if (m.endTime)
        lines.push(`DTEND;TZID=Europe/Copenhagen:${compactDate(m.date)}T${localTime(m.endTime)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${compactDate(m.date)}`,
        `DTEND;VALUE=DATE:${compactDate(nextDay(m.date))}`,
      );
    }
    lines.push(`SUMMARY:${icsText(`Møde i ${data.name}`)}`);
    if (m.location) lines.push(`LOCATION:${icsText(m.location)}`);
    lines.push(`URL:${url}`);
    lines.push(`DESCRIPTION:${icsText(agenda ? `Dagsorden:\n${agenda}\n\n${url}` : url)}`);
    lines.push("END:VEVENT");
  }
  for (const a of data.announced) {
    // Named in earlier minutes only: a whole-day, tentative event until its agenda is imported.
    lines.push(
      "BEGIN:VEVENT",
      `UID:varslet-${data.id}-${a.date}@${host}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(a.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(a.date))}`,
      `SUMMARY:${icsText(`Møde i ${data.name} (planlagt)`)}`,
      "STATUS:TENTATIVE",
      `URL:${baseUrl}/organ/${data.id}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
