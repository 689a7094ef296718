/**
 * @module The job kinds Rådsinfo knows: the registry the worker runs and enqueueJob checks names and
 * payloads against. To add a kind: write src/jobs/kinds/<kind>.ts with defineJob (see define-job.ts),
 * add it to JOB_KINDS below; its name and payload type then work in enqueueJob, and every worker runs it.
 */
import type { PayloadOf } from "../define-job.js";
import { finishImportsJob } from "./finish-imports.js";
import { followUpRemindersJob } from "./follow-up-reminders.js";
import { importFileJob } from "./import-file.js";
import { renderAgendaJob } from "./render-agenda.js";
import { renderAnnexPackJob } from "./render-annex-pack.js";
import { renderMeetingWholeJob } from "./render-meeting-whole.js";
import { renderMinutesJob } from "./render-minutes.js";
import { sendAlertDigestsJob } from "./send-alert-digests.js";
import { sendMailJob } from "./send-mail.js";

export const JOB_KINDS = [
  sendMailJob,
  renderAgendaJob,
  renderAnnexPackJob,
  renderMinutesJob,
  renderMeetingWholeJob,
  followUpRemindersJob,
  sendAlertDigestsJob,
  importFileJob,
  finishImportsJob,
] as const;

type Kinds = (typeof JOB_KINDS)[number];

/** The names of the known job kinds: "send-mail", ... */
export type JobKindName = Kinds["kind"];

/** The payload type of a kind, by name. */
export type JobPayload<Kind extends JobKindName> = PayloadOf<Extract<Kinds, { kind: Kind }>>;

export { followUpRemindersJob, scheduleFollowUpReminders } from "./follow-up-reminders.js";
export {
  type MeetingWholeResult,
  meetingWholeStep,
  type RenderMeetingWholePayload,
} from "./render-meeting-whole.js";
export { scheduleAlertDigests, sendAlertDigestsJob } from "./send-alert-digests.js";
export {
  finishImportsJob,
  importFileJob,
  renderAgendaJob,
  renderAnnexPackJob,
  renderMeetingWholeJob,
  renderMinutesJob,
  sendMailJob,
};
