/**
 * @module `raadsinfo jobs [--batch ID] [--kind KIND] [--json]`: the job queue at a glance (jobs per kind
 * and state, what runs now and on which worker, the latest failures with their one-line reason), or one
 * import batch file by file. `raadsinfo jobs retry ID` queues a failed job again.
 */
import type { JobStatus } from "../store/index.js";
import { batchJobs, jobCounts, jobFileName, jobJson, listJobs, retryFailedJob } from "../store/index.js";
import { danishSecond } from "./danish-clock.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export interface JobsFlags extends StoreFlags {
  readonly json?: boolean | undefined;
  readonly batch?: string | undefined;
  readonly kind?: string | undefined;
}

const STATES = ["queued", "running", "done", "failed"] as const;

/** How many of the latest failures the overview lists. */
const FAILURES_SHOWN = 20;

export async function jobsCommand(args: readonly string[], flags: JobsFlags): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== undefined && sub !== "retry") throw new UsageError(`unknown jobs command "${sub}" (retry ID)`);
  const ids = rest.map((arg) => {
    const id = Number(arg);
    if (!Number.isInteger(id) || id < 1) throw new UsageError(`"${arg}" is not a job id`);
    return id;
  });
  if (sub === "retry" && ids.length === 0) throw new UsageError("jobs retry needs the id of a failed job");
  if (sub === undefined && args.length > 0) throw new UsageError("jobs takes no arguments");
  const store = await openStoreFromFlags(flags, "jobs");
  try {
    if (sub === "retry") {
      for (const id of ids) {
        if (!(await retryFailedJob(store.db, id))) throw new UsageError(`job ${id} is not a failed job`);
        console.log(`Job ${id} is queued again.`);
      }
      return;
    }
    if (flags.batch) {
      const jobs = await batchJobs(store.db, flags.batch);
      if (jobs.length === 0)
        throw new UsageError(`no jobs in batch ${flags.batch} (finished ones are deleted after 14 days)`);
      if (flags.json) console.log(JSON.stringify(jobs.map(jobJson), null, 2));
      else printBatch(jobs);
      return;
    }
    const kinds = flags.kind ? [flags.kind] : [];
    const counts = (await jobCounts(store.db)).filter((c) => kinds.length === 0 || kinds.includes(c.kind));
    const running = await listJobs(store.db, { states: ["running"], kinds, limit: 100 });
    const failed = await listJobs(store.db, { states: ["failed"], kinds, limit: FAILURES_SHOWN });
    if (flags.json) {
      console.log(
        JSON.stringify(
          { store: store.description, counts, running: running.map(jobJson), failed: failed.map(jobJson) },
          null,
          2,
        ),
      );
      return;
    }
    printOverview(store.description, counts, running, failed);
  } finally {
    await store.close();
  }
}

function printOverview(
  store: string,
  counts: readonly { kind: string; state: string; count: number }[],
  running: readonly JobStatus[],
  failed: readonly JobStatus[],
): void {
  const kinds = [...new Set(counts.map((c) => c.kind))];
  if (kinds.length === 0) {
    console.log(`No jobs in ${store}.`);
    return;
  }
  const countOf = (kind: string, state: string) =>
    String(counts.find((c) => c.kind === kind && c.state === state)?.count ?? 0);
  console.log(`Jobs in ${store}:\n`);
  console.log(
    formatTable(
      ["kind", ...STATES],
      kinds.map((kind) => [kind, ...STATES.map((s) => countOf(kind, s))]),
    ),
  );
  if (running.length > 0) {
    console.log("\nRunning:\n");
    console.log(
      formatTable(
        ["id", "kind", "what", "worker", "progress", "started"],
        running.map((job) => [
          String(job.id),
          job.kind,
          subjectOf(job),
          job.worker ?? "",
          progressOf(job),
          job.started ? danishSecond(job.started) : "",
        ]),
      ),
    );
  }
  if (failed.length > 0) {
    console.log(`\nFailed (newest ${failed.length}; raadsinfo jobs retry ID queues one again):\n`);
    console.log(
      formatTable(
        ["id", "kind", "what", "ended", "reason"],
        failed.map((job) => [
          String(job.id),
          job.kind,
          subjectOf(job),
          job.finished ? danishSecond(job.finished) : "",
          job.error ?? "",
        ]),
      ),
    );
  }
}

function printBatch(jobs: readonly JobStatus[]): void {
  console.log(
    formatTable(
      ["id", "file", "state", "attempts", "note"],
      jobs.map((job) => [
        String(job.id),
        subjectOf(job),
        job.state,
        `${job.attempts}/${job.maxAttempts}`,
        job.state === "running" ? progressOf(job) : (job.error ?? ""),
      ]),
    ),
  );
  const count = (state: string) => jobs.filter((j) => j.state === state).length;
  console.log(
    `\n${count("done")} done, ${count("failed")} failed, ${count("running")} running, ${count("queued")} queued of ${jobs.length}.`,
  );
}

/** What a job works on, when its payload says: an import's file name. */
const subjectOf = (job: JobStatus): string => jobFileName(job) ?? "";

function progressOf(job: JobStatus): string {
  if (!job.progress) return "";
  return job.progress.step ?? `${job.progress.done}/${job.progress.total}`;
}
