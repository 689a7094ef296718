/**
 * @module What the minutes commands share (issue 14): the meeting's record and the minutes' state, when
 * the viewer is the body's secretariat and the step is open (domain's minutes-lifecycle.ts), and the
 * audit entry in the command's transaction.
 */
import type { Kysely } from "kysely";
import {
  type MeetingRecord,
  type MinutesStep,
  mayEditAgenda,
  minutesStepRefusal,
  type Viewer,
} from "../domain/index.js";
import { type Database, type MinutesStatus, meetingRecordOf, minutesStatus } from "../store/index.js";
import { AgendaRefused } from "./agenda-refusal.js";

/** The record and state of the meeting's minutes, when the viewer may take `step` now. */
export async function minutesFor(
  db: Kysely<Database>,
  viewer: Viewer,
  meetingId: number,
  step: MinutesStep,
): Promise<{ readonly record: MeetingRecord; readonly status: MinutesStatus }> {
  const record = await meetingRecordOf(db, meetingId);
  if (!record) throw new AgendaRefused("not-found", `Møde ${meetingId} findes ikke.`);
  if (!mayEditAgenda(viewer, record.meeting.bodyId)) {
    throw new AgendaRefused(
      "forbidden",
      `Kun ${record.meeting.bodyName}s sekretariat må behandle referatet.`,
    );
  }
  const status = await minutesStatus(db, meetingId);
  const refusal = minutesStepRefusal(step, status.state);
  if (refusal) throw new AgendaRefused("wrong-phase", refusal);
  return { record, status };
}
