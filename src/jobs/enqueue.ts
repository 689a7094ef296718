/**
 * @module Asks for a job: by kind name, with that kind's payload type. Given the caller's transaction,
 * the job exists exactly when the write that asked for it commits, and not at all when it rolls back.
 */
import type { Kysely } from "kysely";
import type { MailMessage } from "../mail/index.js";
import { type Database, insertJob, insertJobUnlessQueued, type NewJob } from "../store/index.js";
import { JOB_KINDS, type JobKindName, type JobPayload } from "./kinds/index.js";

export interface EnqueueOptions {
  /** Run no sooner than this many milliseconds from now. */
  readonly delayMs?: number;
  /** Overrides the kind's number of attempts. */
  readonly maxAttempts?: number;
  /** The import run or upload the job belongs to, by which its starter follows it (batchJobs). */
  readonly batch?: string;
}

/**
 * Adds a job and returns its id; a worker takes it (inside serve on the embedded store, `raadsinfo worker`
 * on a server).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable("meeting").set({ state: "dagsorden udsendt" }).where("id", "=", id).execute();
 *   await enqueueJob(trx, "send-mail", { to: "anna@kl.dk", subject: "Dagsorden", text: "..." });
 * });
 */
export async function enqueueJob<Kind extends JobKindName>(
  db: Kysely<Database>,
  kind: Kind,
  payload: JobPayload<Kind>,
  options: EnqueueOptions = {},
): Promise<number> {
  return insertJob(db, newJob(kind, payload, options));
}

/** The row of a job of `kind`: its attempts from the kind's definition unless the options say. */
function newJob<Kind extends JobKindName>(
  kind: Kind,
  payload: JobPayload<Kind>,
  options: EnqueueOptions,
): NewJob {
  const definition = JOB_KINDS.find((k) => k.kind === kind);
  if (!definition) throw new Error(`unknown job kind "${kind}"`);
  return {
    kind,
    payload,
    maxAttempts: options.maxAttempts ?? definition.maxAttempts,
    delayMs: options.delayMs,
    batch: options.batch,
  };
}

/**
 * Asks for a job unless one of its kind is already waiting to start (work that one run does for all
 * who asked, such as the search words' refresh after imports); returns the new job's id, or null.
 * @example await enqueueJobUnlessQueued(db, "finish-imports", {}, { delayMs: 2000 });
 */
export async function enqueueJobUnlessQueued<Kind extends JobKindName>(
  db: Kysely<Database>,
  kind: Kind,
  payload: JobPayload<Kind>,
  options: EnqueueOptions = {},
): Promise<number | null> {
  return insertJobUnlessQueued(db, newJob(kind, payload, options));
}

/**
 * Sends a mail through the queue (the `send-mail` job): it leaves when a worker takes it, and is tried
 * again if the server does not answer.
 * @example await enqueueMail(trx, { to: "anna@kl.dk", subject: "Dagsorden udsendt", text });
 */
export function enqueueMail(db: Kysely<Database>, message: MailMessage): Promise<number> {
  return enqueueJob(db, "send-mail", {
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  });
}
