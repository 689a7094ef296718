/**
 * @module What a page or the command line shows of jobs: state, attempts, progress (done of total, and
 * the step under way), the last error and the result.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, JobState, JobTable } from "../schema.js";

type Db = Kysely<Database>;

export interface JobProgress {
  readonly done: number;
  readonly total: number;
  /** What the job does now, a short Danish line; null when the handler gave none. */
  readonly step: string | null;
}

export interface JobStatus {
  readonly id: number;
  readonly kind: string;
  /** The handler's input (JSON), as it was queued. */
  readonly payload: unknown;
  /** The import run or upload it belongs to; null for other jobs. */
  readonly batch: string | null;
  readonly state: JobState;
  /** The worker running it now; null unless running. */
  readonly worker: string | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  /** Null until the handler reports any. */
  readonly progress: JobProgress | null;
  /** The last failure, one Danish line; kept while a retry waits. */
  readonly error: string | null;
  /** What the handler returned (JSON), once done. */
  readonly result: unknown;
  readonly created: Date;
  readonly runAfter: Date;
  readonly started: Date | null;
  readonly finished: Date | null;
}

/**
 * One job's status, or null when there is no such job.
 * @example const status = await jobStatus(db, id); status?.progress // { done: 3, total: 12, step: "..." }
 */
export async function jobStatus(db: Db, id: number): Promise<JobStatus | null> {
  const row = await db.selectFrom("job").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? present(row) : null;
}

/** The newest jobs first, optionally of some states and kinds only. */
export async function listJobs(
  db: Db,
  filter: {
    readonly states?: readonly JobState[];
    readonly kinds?: readonly string[];
    readonly limit?: number;
  } = {},
): Promise<JobStatus[]> {
  let query = db.selectFrom("job").selectAll();
  if (filter.states?.length) query = query.where("state", "in", [...filter.states]);
  if (filter.kinds?.length) query = query.where("kind", "in", [...filter.kinds]);
  const rows = await query
    .orderBy("id", "desc")
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(present);
}

/**
 * The jobs of one batch (an import run or upload), in the order they were queued.
 * @example const files = await batchJobs(db, "b1c2..."); files.filter((j) => j.state === "done").length
 */
export async function batchJobs(db: Db, batch: string): Promise<JobStatus[]> {
  const rows = await db.selectFrom("job").selectAll().where("batch", "=", batch).orderBy("id").execute();
  return rows.map(present);
}

/** How many jobs of each kind are in each state. */
export interface JobCount {
  readonly kind: string;
  readonly state: JobState;
  readonly count: number;
}

/**
 * The queue at a glance: jobs per kind and state, kinds in name order.
 * @example await jobCounts(db) // [{ kind: "import-file", state: "queued", count: 12 }, ...]
 */
export async function jobCounts(db: Db): Promise<JobCount[]> {
  const rows = await db
    .selectFrom("job")
    .select(["kind", "state", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(["kind", "state"])
    .orderBy("kind")
    .orderBy("state")
    .execute();
  return rows.map((row) => ({ kind: row.kind, state: row.state, count: Number(row.count) }));
}

/** The file an import job works on, from its payload; null for other jobs. */
export function jobFileName(job: JobStatus): string | null {
  const file = (job.payload as { file?: unknown } | null)?.file;
  return typeof file === "string" ? file : null;
}

/**
 * A job as JSON shows it (`raadsinfo jobs --json`, GET /api/imports/{batch}): times as ISO text, an
 * import's file by name, the payload left out.
 */
export function jobJson(job: JobStatus) {
  return {
    id: job.id,
    kind: job.kind,
    file: jobFileName(job),
    state: job.state,
    worker: job.worker,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: job.progress,
    error: job.error,
    result: job.result ?? null,
    created: job.created.toISOString(),
    started: job.started?.toISOString() ?? null,
    finished: job.finished?.toISOString() ?? null,
  };
}

function present(row: Selectable<JobTable>): JobStatus {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    batch: row.batch,
    state: row.state,
    worker: row.locked_by,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress:
      row.progress_done === null || row.progress_total === null
        ? null
        : { done: row.progress_done, total: row.progress_total, step: row.progress_step },
    error: row.error,
    result: row.result,
    created: row.created,
    runAfter: row.run_after,
    started: row.started,
    finished: row.finished,
  };
}
