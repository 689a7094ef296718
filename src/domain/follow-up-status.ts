/** @module Status of a follow-up (opfølgning) on a decision. */
export const FOLLOW_UP_STATUSES = ["open", "in-progress", "done"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export function isFollowUpStatus(value: unknown): value is FollowUpStatus {
  return typeof value === "string" && (FOLLOW_UP_STATUSES as readonly string[]).includes(value);
}

export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<FollowUpStatus, string>> = {
  open: "Åben",
  "in-progress": "I gang",
  done: "Afsluttet",
};
