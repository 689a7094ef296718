/** @module A list of meetings as links: body, Danish date, time and state. */
import type { MeetingRef } from "../../store/index.js";
import { formatTime, meetingDateLabel, meetingStateLabel } from "./format.js";

export function MeetingList(props: {
  readonly meetings: readonly MeetingRef[];
  readonly showBody?: boolean;
  readonly empty: string;
}) {
  if (props.meetings.length === 0) return props.empty ? <p>{props.empty}</p> : null;
  return (
    <ul class="meeting-list">
      {props.meetings.map((m) => {
        const time = formatTime(m.startTime);
        return (
          <li>
            <a href={`/moede/${m.id}`}>
              {props.showBody === false ? "" : `${m.bodyName}, `}
              {meetingDateLabel(m.date, m.dateEstimated)}
            </a>
            <span class="meeting-list__meta">
              {[
                time ? `kl. ${time}` : null,
                m.location,
                m.dateEstimated ? "dato anslået ud fra bilagene" : meetingStateLabel(m.state),
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
