/** @module The job queue (migration 0014). */
import type { ColumnType, Generated } from "kysely";
import type { Json } from "./column-types.js";

/** Where a job is: waiting (perhaps until run_after, after a failed attempt), leased to a worker, or ended. */
export type JobState = "queued" | "running" | "done" | "failed";

/** One piece of long work (migration 0014): its kind names the handler in src/jobs/kinds, payload its input. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: Generated<Date>;
  /** The worker holding the job while it runs, and until when; null unless running. */
  locked_by: string | null;
  locked_until: Date | null;
  progress_done: number | null;
  progress_total: number | null;
  /** What the job does now, a short Danish line ("Stempler bilag 3 af 12"). */
  progress_step: string | null;
  /** The last failure, one Danish line. */
  error: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created: Generated<Date>;
  started: Date | null;
  finished: Date | null;
  /** The import run or upload the job belongs to (migration 0030); null for other jobs. */
  batch: string | null;
}

/** A file staged for an `import-file` job (migration 0030): deleted once the job has imported it. */
export interface ImportUploadTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  content: Uint8Array;
  created: Generated<Date>;
}
