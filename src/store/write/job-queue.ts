/**
 * @module The job queue's writes (migration 0014): enqueue, take, renew, report progress, end. A worker
 * takes a job with `for update skip locked`, so two workers never take the same one, and holds it under a
 * lease (`locked_until`) that it renews while the job runs; every later write names the worker, so one
 * that lost its lease (it hung, and another took the job) changes nothing. Times are the database's
 * `now()`, one clock for every worker process.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface NewJob {
  readonly kind: string;
  /** JSON-serialisable input of the job's handler. */
  readonly payload: unknown;
  readonly maxAttempts: number;
  /** Not before this many milliseconds from now (default: at once). */
  readonly delayMs?: number | undefined;
  /** The import run or upload the job belongs to, by which its starter follows it. */
  readonly batch?: string | undefined;
}

/**
 * Adds a job; given a transaction, the job exists exactly when that transaction commits.
 * @example await db.transaction().execute(async (trx) => { ...; await insertJob(trx, job); });
 */
export async function insertJob(db: Db, job: NewJob): Promise<number> {
  const row = await db
    .insertInto("job")
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      max_attempts: job.maxAttempts,
      batch: job.batch ?? null,
      ...(job.delayMs ? { run_after: sql<Date>`now() + ${millis(job.delayMs)}` } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds a job unless one of its kind is already waiting to start; returns the new job's id, or null. For
 * work that one run does for everyone who asked (the search words' refresh after imports): two callers at
 * the same moment may still both add one, which costs a second run and nothing else.
 */
export async function insertJobUnlessQueued(db: Db, job: NewJob): Promise<number | null> {
  const waiting = await db
    .selectFrom("job")
    .select("id")
    .where("kind", "=", job.kind)
    .where("state", "=", "queued")
    .limit(1)
    .executeTakeFirst();
  return waiting ? null : insertJob(db, job);
}

/**
 * Deletes the jobs of a batch that no worker has started yet (an import stopped with Ctrl+C), with the
 * files staged for them; returns how many. Running jobs end as they would.
 */
export async function cancelQueuedBatch(db: Db, batch: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const cancelled = await tx
      .deleteFrom("job")
      .where("batch", "=", batch)
      .where("state", "=", "queued")
      .returning("payload")
      .execute();
    const uploads = cancelled.flatMap((row) => {
      const id = (row.payload as { uploadId?: unknown } | null)?.uploadId;
      return typeof id === "number" ? [id] : [];
    });
    if (uploads.length > 0) await tx.deleteFrom("import_upload").where("id", "in", uploads).execute();
    return cancelled.length;
  });
}

/** A job as its worker took it. */
export interface ClaimedJob {
  readonly id: number;
  readonly kind: string;
  readonly payload: unknown;
  /** This attempt's number, from 1. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/**
 * Takes the next job of one of `kinds` that is due for `worker` until `leaseMs` from now; null when there
 * is none. Jobs locked by another worker's take are skipped (the partial index job_ready serves the look).
 *
 * @example
 * // update job set state = 'running', attempts = attempts + 1, ... where id = (select id from job
 * //   where ... order by run_after, id limit 1 for update skip locked) returning ...
 */
export async function claimJob(
  db: Db,
  claim: {
    readonly worker: string;
    readonly kinds: readonly string[];
    readonly leaseMs: number;
    /** Only jobs of this batch. */
    readonly batch?: string;
  },
): Promise<ClaimedJob | null> {
  if (claim.kinds.length === 0) return null;
  const result = await sql<{
    id: number;
    kind: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>`
    update job set state = 'running', attempts = attempts + 1, locked_by = ${claim.worker},
      locked_until = now() + ${millis(claim.leaseMs)}, started = now(),
      progress_done = null, progress_total = null, progress_step = null
    where id = (
      select id from job
      where state = 'queued' and run_after <= now() and kind in (${sql.join(claim.kinds)})
        ${claim.batch === undefined ? sql`` : sql`and batch = ${claim.batch}`}
      order by run_after, id
      limit 1
      for update skip locked)
    returning id, kind, payload, attempts, max_attempts`.execute(db);
  const row = result.rows[0];
  return row
    ? {
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
      }
    : null;
}

/**
 * The jobs whose worker vanished (its lease ran out): queued again at once, the lost attempt counted,
 * or, on their last attempt, failed with `error`'s line. Returns how many were queued and failed.
 */
export async function recoverAbandonedJobs(
  db: Db,
  error: (attempts: number) => string,
): Promise<{ readonly queued: number; readonly failed: number }> {
  const requeued = await db
    .updateTable("job")
    .set({ state: "queued", locked_by: null, locked_until: null, run_after: sql<Date>`now()` })
    .where("state", "=", "running")
    .where("locked_until", "<", sql<Date>`now()`)
    .where(sql<boolean>`attempts < max_attempts`)
    .executeTakeFirst();
  const abandoned = await db
    .selectFrom("job")
    .select(["id", "attempts"])
    .where("state", "=", "running")
    .where("locked_until", "<", sql<Date>`now()`)
    .where(sql<boolean>`attempts >= max_attempts`)
    .execute();
  let failed = 0;
  for (const job of abandoned) {
    const ended = await db
      .updateTable("job")
      .set({
        state: "failed",
        error: error(job.attempts),
        locked_by: null,
        locked_until: null,
        finished: sql<Date>`now()`,
      })
      .where("id", "=", job.id)
      .where("state", "=", "running")
      .where("locked_until", "<", sql<Date>`now()`)
      .executeTakeFirst();
    failed += Number(ended.numUpdatedRows);
  }
  return { queued: Number(requeued.numUpdatedRows), failed };
}

/** Holds the job `leaseMs` longer; false when the worker no longer holds it. */
export async function renewJobLease(db: Db, id: number, worker: string, leaseMs: number): Promise<boolean> {
  const renewed = await held(db, id, worker)
    .set({ locked_until: sql<Date>`now() + ${millis(leaseMs)}` })
    .executeTakeFirst();
  return renewed.numUpdatedRows > 0n;
}

export interface JobProgressUpdate {
  readonly done: number;
  readonly total: number;
  /** A short Danish line: what the job does now. */
  readonly step?: string | undefined;
}

/** Records how far the job is (and renews its lease); false when the worker no longer holds it. */
export async function recordJobProgress(
  db: Db,
  id: number,
  worker: string,
  progress: JobProgressUpdate,
  leaseMs: number,
): Promise<boolean> {
  const updated = await held(db, id, worker)
    .set({
      progress_done: progress.done,
      progress_total: progress.total,
      progress_step: progress.step ?? null,
      locked_until: sql<Date>`now() + ${millis(leaseMs)}`,
    })
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Marks the job done with the handler's result (JSON, or null). */
export async function completeJob(db: Db, id: number, worker: string, result: unknown): Promise<boolean> {
  const done = await held(db, id, worker)
    .set({
      state: "done",
      result: JSON.stringify(result ?? null),
      error: null,
      locked_by: null,
      locked_until: null,
      finished: sql<Date>`now()`,
    })
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/**
 * Records a failed attempt: with `retryInMs` the job waits that long and is taken again, without it the
 * job has failed for good. `error` is one Danish line.
 */
export async function failJobAttempt(
  db: Db,
  id: number,
  worker: string,
  failure: { readonly error: string; readonly retryInMs: number | null },
): Promise<boolean> {
  const ended = await held(db, id, worker)
    .set(
      failure.retryInMs === null
        ? {
            state: "failed",
            error: failure.error,
            locked_by: null,
            locked_until: null,
            finished: sql<Date>`now()`,
          }
        : {
            state: "queued",
            error: failure.error,
            locked_by: null,
            locked_until: null,
            run_after: sql<Date>`now() + ${millis(failure.retryInMs)}`,
          },
    )
    .executeTakeFirst();
  return ended.numUpdatedRows > 0n;
}

/**
 * Gives a job back untouched, for another worker to take at once: its worker stopped before it ended.
 * The attempt is not counted, since the job did not fail.
 */
export async function releaseJob(db: Db, id: number, worker: string): Promise<boolean> {
  const released = await held(db, id, worker)
    .set({
      state: "queued",
      attempts: sql<number>`greatest(attempts - 1, 0)`,
      locked_by: null,
      locked_until: null,
      run_after: sql<Date>`now()`,
    })
    .executeTakeFirst();
  return released.numUpdatedRows > 0n;
}

/** An update of a job that `worker` holds now. */
/** How long finished jobs are kept. */
export interface JobRetention {
  /** Done jobs older than this many days are deleted (default 14). */
  readonly doneDays?: number;
  /** Failed jobs older than this many days are deleted (default 60)... */
  readonly failedDays?: number;
  /**
   * ...except the newest job of each of these kinds for its payload (a meeting's render job): a page
   * still shows its failure until a later job of the same work replaces it.
   */
  readonly keepLatestOf?: readonly string[];
  /** The time to count from (default the database's now()); tests move the clock with it. */
  readonly now?: Date;
}

/**
 * Deletes done and failed jobs older than their retention; returns how many of each. Reads only through
 * the index on finished jobs (migration 0022).
 * @example await deleteFinishedJobs(db, { doneDays: 14, failedDays: 60, keepLatestOf: ["render-agenda"] })
 */
export async function deleteFinishedJobs(
  db: Db,
  retention: JobRetention = {},
): Promise<{ readonly done: number; readonly failed: number }> {
  const clock = retention.now ? sql<Date>`${retention.now.toISOString()}::timestamptz` : sql<Date>`now()`;
  const before = (days: number) =>
    sql<Date>`${clock} - (${Math.max(0, Math.round(days))}::integer * interval '1 day')`;
  const done = await db
    .deleteFrom("job")
    .where("state", "=", "done")
    .where("finished", "<", before(retention.doneDays ?? 14))
    .executeTakeFirst();
  const keep = retention.keepLatestOf ?? [];
  const failed = await db
    .deleteFrom("job as old")
    .where("old.state", "=", "failed")
    .where("old.finished", "<", before(retention.failedDays ?? 60))
    .$if(keep.length > 0, (q) =>
      q.where((eb) =>
        eb.or([
          eb("old.kind", "not in", [...keep]),
          eb.exists(
            eb
              .selectFrom("job as newer")
              .select("newer.id")
              .whereRef("newer.kind", "=", "old.kind")
              .whereRef("newer.payload", "=", "old.payload")
              .whereRef("newer.id", ">", "old.id"),
          ),
        ]),
      ),
    )
    .executeTakeFirst();
  return { done: Number(done.numDeletedRows), failed: Number(failed.numDeletedRows) };
}

function held(db: Db, id: number, worker: string) {
  return db
    .updateTable("job")
    .where("id", "=", id)
    .where("state", "=", "running")
    .where("locked_by", "=", worker);
}

/** A number of milliseconds as an SQL interval (the parameter typed, so both drivers send it alike). */
function millis(ms: number) {
  return sql<string>`(${Math.max(0, Math.round(ms))}::integer * interval '1 millisecond')`;
}

/**
 * Queues a failed job again, with its attempts from the start; false when there is no failed job of
 * that id.
 */
export async function retryFailedJob(db: Db, id: number): Promise<boolean> {
  const retried = await db
    .updateTable("job")
    .set({ state: "queued", attempts: 0, error: null, finished: null, run_after: sql<Date>`now()` })
    .where("id", "=", id)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return retried.numUpdatedRows > 0n;
}
