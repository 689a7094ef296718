/**
 * @module One meeting as an iCalendar (RFC 5545) file, for "Tilføj til kalender": the same event, by
 * the same UID, as in the body's calendar (/organ/{id}/moeder.ics), so a calendar that has both keeps one.
 */
import { compactDate, foldLine, icsText, localTime, nextDay, utcStamp, VTIMEZONE } from "./ics.js";

/** What the event says of a meeting. */
export interface MeetingEvent {
  readonly id: number;
  readonly bodyName: string;
  readonly date: string;
  readonly dateEstimated: boolean;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly modified: Date | null;
}

/**
 * The calendar of one meeting: Danish time where the time is known, a whole day where it is not, and
 * tentative where the date is only estimated.
 * @example renderMeetingIcs(meeting, "https://raadsinfo.dk")
 */
export function renderMeetingIcs(m: MeetingEvent, baseUrl: string, now: Date = new Date()): string {
  const host = new URL(baseUrl).hostname || "raadsinfo";
  const url = `${baseUrl}/moede/${m.id}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rådsinfo//Møde//DA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(m.startTime ? VTIMEZONE : []),
    "BEGIN:VEVENT",
    `UID:moede-${m.id}@${host}`,
    `DTSTAMP:${utcStamp(m.modified ?? now)}`,
  ];
  if (m.startTime) {
    lines.push(`DTSTART;TZID=Europe/Copenhagen:${compactDate(m.date)}T${localTime(m.startTime)}`);
    if (m.endTime) lines.push(`DTEND;TZID=Europe/Copenhagen:${compactDate(m.date)}T${localTime(m.endTime)}`);
  } else {
    lines.push(
      `DTSTART;VALUE=DATE:${compactDate(m.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(m.date))}`,
    );
  }
  lines.push(`SUMMARY:${icsText(`${m.bodyName} møde${m.dateEstimated ? " (dato anslået)" : ""}`)}`);
  if (m.location) lines.push(`LOCATION:${icsText(m.location)}`);
  if (m.dateEstimated) lines.push("STATUS:TENTATIVE");
  lines.push(`URL:${url}`, `DESCRIPTION:${icsText(url)}`, "END:VEVENT", "END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
