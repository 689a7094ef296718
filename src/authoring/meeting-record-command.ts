/**
 * @module What the meeting-day commands share (issue 14): finding the meeting or the published item and
 * asking domain whether the viewer may keep the body's record (mayEditAgenda: the body's secretariat or
 * an administrator) and whether the meeting's phase allows the step (meeting-lifecycle.ts
 * meetingDayStepRefusal); a stale decision's refusal carries the other's save.
 */
import type { Kysely } from "kysely";
import { type MeetingDayStep, mayEditAgenda, meetingDayStepRefusal, type Viewer } from "../domain/index.js";
import {
  type Database,
  type DraftMeeting,
  draftMeeting,
  recordItemOf,
  type StoredDecision,
} from "../store/index.js";
import { AgendaRefused } from "./agenda-refusal.js";

/** The meeting, when the viewer may take the meeting-day `step` now; otherwise the refusal. */
export async function recordMeetingFor(
  db: Kysely<Database>,
  viewer: Viewer,
  meetingId: number,
  step: MeetingDayStep | null,
): Promise<DraftMeeting> {
  const meeting = await draftMeeting(db, meetingId);
  if (!meeting) throw new AgendaRefused("not-found", `Møde ${meetingId} findes ikke.`);
  if (!mayEditAgenda(viewer, meeting.bodyId))
    throw new AgendaRefused(
      "forbidden",
      `Kun ${meeting.bodyName}s sekretariat eller en administrator må føre mødets protokol.`,
    );
  const refusal = step ? meetingDayStepRefusal(step, meeting.phase) : null;
  if (refusal) throw new AgendaRefused("wrong-phase", refusal);
  return meeting;
}

/** A published item of a meeting the viewer may record now, with its meeting. */
export async function recordItemFor(
  db: Kysely<Database>,
  viewer: Viewer,
  itemId: number,
): Promise<{ readonly id: number; readonly number: string; readonly meeting: DraftMeeting }> {
  if (!Number.isInteger(itemId)) throw new AgendaRefused("not-found", "Punktet findes ikke.");
  const item = await recordItemOf(db, itemId);
  if (!item) throw new AgendaRefused("not-found", `Punkt ${itemId} findes ikke på nogen udsendt dagsorden.`);
  const meeting = await recordMeetingFor(db, viewer, item.meetingId, "record");
  return { id: item.id, number: item.number, meeting };
}

/** A decision save refused because someone saved in between: `current` is what they saved. */
export class DecisionConflict extends AgendaRefused {
  constructor(
    message: string,
    readonly decision: StoredDecision,
  ) {
    super("stale-revision", message);
  }
}

/** Text as typed, trimmed; null when empty; refused when longer than `max`. */
export function cleanText(value: string | null | undefined, what: string, max: number): string | null {
  const clean = (value ?? "").replace(/\r\n/g, "\n").trim();
  if (clean.length > max) throw new AgendaRefused("invalid", `${what} er for lang (højst ${max} tegn).`);
  return clean === "" ? null : clean;
}

/** A person id as given, or the refusal. */
export function personIdOf(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0)
    throw new AgendaRefused("invalid", `Vælg ${what}.`);
  return value;
}
