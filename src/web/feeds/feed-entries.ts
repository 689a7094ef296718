/**
 * @module Turns a body's read model into feed entries (meetings and decisions, newest first) shared by RSS
 * and Atom. Closed items appear only as "Lukket punkt" in a meeting's agenda, never as a decision.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { BodyFeedData, FeedMeeting } from "../../store/index.js";
import { formatTimeRange, meetingStateLabel } from "../components/format.js";

export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** The calendar day the entry is about (meeting date), ISO. */
  readonly date: string;
  readonly updated: Date;
  readonly summary: string;
}

export interface Feed {
  readonly title: string;
  readonly url: string;
  readonly selfUrl: string;
  readonly updated: Date;
  readonly entries: readonly FeedEntry[];
}

function agendaText(meeting: FeedMeeting): string {
  return meeting.items.map((item) => `${item.number} ${item.title}`).join("\n");
}

function meetingSummary(meeting: FeedMeeting): string {
  const facts = [
    formatTimeRange(meeting.startTime, meeting.endTime),
    meeting.location,
    meetingStateLabel(meeting.state),
  ].filter(Boolean);
  const agenda = agendaText(meeting);
  return agenda ? `${facts.join(" · ")}\n\nDagsorden:\n${agenda}` : facts.join(" · ");
}

/** Midday on the meeting's day: a stable instant for feeds that want one. */
export function dayInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** Builds the feed of a body: its meetings and the decisions taken at them. */
export function buildBodyFeed(data: BodyFeedData, baseUrl: string, selfPath: string): Feed {
  const entries: FeedEntry[] = [
    ...data.meetings.map((m) => ({
      id: `${baseUrl}/moede/${m.id}`,
      title: `Møde i ${data.name} ${formatDanishDate(m.date)}`,
      url: `${baseUrl}/moede/${m.id}`,
      date: m.date,
      updated: m.modified ?? dayInstant(m.date),
      summary: meetingSummary(m),
    })),
    ...data.decisions.map((d) => ({
      id: `${baseUrl}/punkt/${d.itemId}`,
      title: `Beslutning: ${d.number} ${d.title}`,
      url: `${baseUrl}/punkt/${d.itemId}`,
      date: d.date,
      updated: d.modified ?? dayInstant(d.date),
      summary: d.decision,
    })),
  ].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
  const updated = entries.reduce<Date>((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  return {
    title: `${data.name}: møder og beslutninger`,
    url: `${baseUrl}/organ/${data.id}`,
    selfUrl: `${baseUrl}${selfPath}`,
    updated,
    entries,
  };
}
