/** @module The life of a meeting, from planned to approved minutes. */
import type { DocumentKind } from "./document-kind.js";

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

/**
 * The state a meeting has when a document of this kind is what is known of it: minutes mean it was held,
 * an agenda or an annex pack that it was announced; anything else leaves it planned. A later document never
 * moves a meeting back (the store keeps the later of the two states).
 * @example meetingStateForKind("minutes") // "held"
 * @example meetingStateForKind("annex-pack") // "agenda-published"
 */
export function meetingStateForKind(kind: DocumentKind): MeetingState {
  return STATE_BY_KIND[kind];
}

const STATE_BY_KIND: Readonly<Record<DocumentKind, MeetingState>> = {
  minutes: "held",
  agenda: "agenda-published",
  "annex-pack": "agenda-published",
  document: "planned",
};
