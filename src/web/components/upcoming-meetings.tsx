/**
 * @module Coming meetings in date order: those in the store (planned or with an agenda) and the dates
 * the minutes announce for a next meeting not stored yet, marked as announced.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { AnnouncedMeeting, MeetingRef } from "../../store/index.js";
import { formatTime, meetingStateLabel } from "./format.js";

type Coming =
  | { readonly kind: "stored"; readonly date: string; readonly meeting: MeetingRef }
  | { readonly kind: "announced"; readonly date: string; readonly announced: AnnouncedMeeting };

export function UpcomingMeetings(props: {
  readonly meetings: readonly MeetingRef[];
  readonly announced: readonly AnnouncedMeeting[];
  readonly limit?: number;
}) {
  const coming: Coming[] = [
    ...props.meetings.map((meeting): Coming => ({ kind: "stored", date: meeting.date, meeting })),
    ...props.announced.map((announced): Coming => ({ kind: "announced", date: announced.date, announced })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, props.limit ?? 6);
  if (coming.length === 0) return <p>Der er ingen kommende møder i kalenderen.</p>;
  return (
    <ul class="meeting-list">
      {coming.map((entry) => {
        if (entry.kind === "announced") {
          const a = entry.announced;
          return (
            <li>
              <a href={`/organ/${a.bodyId}`}>{`${a.bodyName}, ${formatDanishDate(a.date)}`}</a>
              <span class="meeting-list__meta">
                Varslet i <a href={`/moede/${a.announcedBy}`}>referatet fra forrige møde</a>
              </span>
            </li>
          );
        }
        const m = entry.meeting;
        const time = formatTime(m.startTime);
        return (
          <li>
            <a href={`/moede/${m.id}`}>{`${m.bodyName}, ${formatDanishDate(m.date)}`}</a>
            <span class="meeting-list__meta">
              {[time ? `kl. ${time}` : null, m.location, meetingStateLabel(m.state)]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
