/**
 * @module `follow-up-reminders`: mails the reminders of follow-up tasks due soon (authoring's
 * followUpReminder), then, when `repeat`, queues itself again for a day later: the one recurring job,
 * queued when serve or `raadsinfo worker` starts if none is waiting (scheduleFollowUpReminders).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../store/index.js";
import { defineJob } from "../define-job.js";

export interface FollowUpRemindersPayload {
  /** Queue the next run a day later. */
  readonly repeat?: boolean;
}

const DAY_MS = 86_400_000;

export const followUpRemindersJob = defineJob({
  kind: "follow-up-reminders",
  maxAttempts: 3,
  handler: async (payload: FollowUpRemindersPayload, { db, services, jobId }) => {
    const { followUpReminder } = await import("../../authoring/follow-up-reminder.js");
    const reminded = await followUpReminder({ db, now: services.now?.() ?? new Date() });
    if (payload.repeat && !(await reminderJobWaiting(db, jobId))) {
      const { enqueueJob } = await import("../enqueue.js");
      await enqueueJob(db, "follow-up-reminders", { repeat: true }, { delayMs: DAY_MS });
    }
    return { reminded };
  },
});

/** True when another follow-up-reminders job is queued (or running) besides `exceptId`. */
async function reminderJobWaiting(db: Kysely<Database>, exceptId: number | null): Promise<boolean> {
  let query = db
    .selectFrom("job")
    .select("id")
    .where("kind", "=", "follow-up-reminders")
    .where("state", "in", ["queued", "running"]);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Queues the daily reminder run unless one is waiting: called when a worker process starts.
 * @example await scheduleFollowUpReminders(store.db)
 */
export async function scheduleFollowUpReminders(db: Kysely<Database>): Promise<boolean> {
  if (await reminderJobWaiting(db, null)) return false;
  const { enqueueJob } = await import("../enqueue.js");
  await enqueueJob(db, "follow-up-reminders", { repeat: true });
  return true;
}
