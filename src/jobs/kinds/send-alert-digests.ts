/**
 * @module `send-alert-digests`: queues the alert digests due (alerts' alertDigestSender; each digest is a
 * send-mail job), then, when `repeat`, queues itself again an hour later: queued when serve or
 * `raadsinfo worker` starts if none is waiting (scheduleAlertDigests). Hourly, so a digest follows its
 * news within the hour once a subscriber's day is up; the sender keeps it to one a day per subscriber.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../store/index.js";
import { defineJob } from "../define-job.js";

export interface SendAlertDigestsPayload {
  /** Queue the next run an hour later. */
  readonly repeat?: boolean;
}

const HOUR_MS = 3_600_000;

export const sendAlertDigestsJob = defineJob({
  kind: "send-alert-digests",
  maxAttempts: 3,
  handler: async (payload: SendAlertDigestsPayload, { db, services, jobId }) => {
    const { alertDigestSender } = await import("../../alerts/alert-digest-sender.js");
    const run = await alertDigestSender({
      db,
      baseUrl: services.publicBaseUrl ?? process.env.PUBLIC_BASE_URL ?? "http://localhost:3000",
      now: services.now?.() ?? new Date(),
    });
    if (payload.repeat && !(await digestJobWaiting(db, jobId))) {
      const { enqueueJob } = await import("../enqueue.js");
      await enqueueJob(db, "send-alert-digests", { repeat: true }, { delayMs: HOUR_MS });
    }
    return run;
  },
});

/** True when another send-alert-digests job is queued (or running) besides `exceptId`. */
async function digestJobWaiting(db: Kysely<Database>, exceptId: number | null): Promise<boolean> {
  let query = db
    .selectFrom("job")
    .select("id")
    .where("kind", "=", "send-alert-digests")
    .where("state", "in", ["queued", "running"]);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Queues the hourly digest run unless one is waiting: called when a worker process starts.
 * @example await scheduleAlertDigests(store.db)
 */
export async function scheduleAlertDigests(db: Kysely<Database>): Promise<boolean> {
  if (await digestJobWaiting(db, null)) return false;
  const { enqueueJob } = await import("../enqueue.js");
  await enqueueJob(db, "send-alert-digests", { repeat: true });
  return true;
}
