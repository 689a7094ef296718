/** @module The life of a meeting, from planned to approved minutes. */
export const MEETING_STATES = ["planned", "agenda-published", "held", "minutes-approved"] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export function isMeetingState(value: unknown): value is MeetingState {
  return typeof value === "string" && (MEETING_STATES as readonly string[]).includes(value);
}

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, string>> = {
  planned: "Planlagt",
  "agenda-published": "Dagsorden udsendt",
  held: "Afholdt",
  "minutes-approved": "Referat godkendt",
};
