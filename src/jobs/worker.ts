/**
 * @module The worker loop: takes jobs from the queue (for update skip locked: workers in any number of
 * processes never take the same job), up to `concurrency` at a time, runs each kind's handler under a
 * lease it renews,
 * records progress, and ends the job as done, as waiting for a retry (backoff doubling per attempt), or
 * as failed with one Danish line. Stopping gives the running job a grace period, then aborts it and gives
 * it back to the queue for the next worker. Now and then (hourly) it deletes finished jobs past their
 * retention, so the queue stays small.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import {
  type ClaimedJob,
  claimJob,
  completeJob,
  type Database,
  deleteFinishedJobs,
  failJobAttempt,
  recordJobProgress,
  recoverAbandonedJobs,
  releaseJob,
  renewJobLease,
} from "../store/index.js";
import { type AnyJobDefinition, type JobContext, JobFailure } from "./define-job.js";
import type { JobServices } from "./job-services.js";
import { JOB_KINDS } from "./kinds/index.js";
import { renderAgendaJob } from "./kinds/render-agenda.js";
import { renderAnnexPackJob } from "./kinds/render-annex-pack.js";

export interface WorkerOptions {
  readonly db: Kysely<Database>;
  readonly services: JobServices;
  /** The kinds this worker runs (default: all of src/jobs/kinds). */
  readonly kinds?: readonly AnyJobDefinition[];
  /** Names the worker in the job rows (default host:pid:random). */
  readonly name?: string;
  /** Takes only the jobs of this batch (an import run working on its own files). */
  readonly batch?: string;
  /** How many jobs it runs at once (default 1); imports parse on a thread each, so one per core. */
  readonly concurrency?: number;
  /** How long to wait before looking again when the queue is empty (default 1000 ms). */
  readonly pollMs?: number;
  /** How long a job stays the worker's without a sign of life (default 60 s); renewed every third of it. */
  readonly leaseMs?: number;
  /** How often to look for jobs whose worker vanished (default 15 s). */
  readonly sweepMs?: number;
  /**
   * How long finished jobs are kept and how often to delete older ones (default: done 14 days, failed
   * 60 days, every hour; the render jobs' latest failure kept while the builder shows it). `now` moves the
   * clock for tests.
   */
  readonly cleanup?: {
    readonly everyMs?: number;
    readonly doneDays?: number;
    readonly failedDays?: number;
    readonly now?: () => Date;
  };
  /** The wait before retry n is baseMs * 2^(n-1), at most maxMs (defaults 5 s and 10 min). */
  readonly backoff?: { readonly baseMs: number; readonly maxMs?: number };
  /** Where the worker says what it did, a line at a time (default: nowhere). */
  readonly log?: (line: string) => void;
}

export interface Worker {
  readonly name: string;
  /**
   * Stops taking jobs. A running job gets `graceMs` (default 5000) to end; then its handler's signal is
   * aborted and the job given back, to be taken again by this or another worker.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The kinds whose latest failure a page shows (the builder's PDF lines): kept past the retention. */
const KEEP_LATEST_FAILURE_OF = [renderAgendaJob.kind, renderAnnexPackJob.kind];

/** After an abort, how long the handler has to return before the job is given back regardless. */
const ABORT_WAIT_MS = 1000;

/**
 * Starts a worker in this process; it runs until stopped.
 * @example const worker = startWorker({ db: store.db, services: { mailer } }); ... await worker.stop(8000);
 */
export function startWorker(options: WorkerOptions): Worker {
  const name = options.name ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const kinds = new Map<string, AnyJobDefinition>(
    (options.kinds ?? JOB_KINDS).map((k) => [k.kind, k] as const),
  );
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const sweepMs = options.sweepMs ?? 15_000;
  let swept = 0;
  const cleanEveryMs = options.cleanup?.everyMs ?? 3_600_000;
  let cleaned = 0;
  const baseMs = options.backoff?.baseMs ?? 5000;
  const maxMs = options.backoff?.maxMs ?? 600_000;
  const log = options.log ?? (() => {});
  const { db } = options;

  let stopping = false;
  let wake: (() => void) | null = null;
  const running = new Map<
    number,
    { readonly job: ClaimedJob; readonly abort: AbortController; readonly ended: Promise<void> }
  >();

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function run(job: ClaimedJob, abort: AbortController): Promise<void> {
    const definition = kinds.get(job.kind);
    if (!definition) return; // claimJob only takes our kinds
    let lost = false;
    let logged = 0;
    const heartbeat = setInterval(() => {
      void renewJobLease(db, job.id, name, leaseMs).then(
        (held) => {
          if (!held && !lost) {
            lost = true;
            abort.abort(new Error("jobbet blev taget af en anden arbejder"));
          }
        },
        (error: unknown) => log(`job ${job.id}: lease not renewed: ${firstLine(error)}`),
      );
    }, leaseMs / 3);
    heartbeat.unref();
    const context: JobContext = {
      db,
      services: options.services,
      jobId: job.id,
      attempt: job.attempt,
      signal: abort.signal,
      progress: async (done, total, step) => {
        // The log (serve's or the worker's output) gets a line a second at most, and the last one.
        if (Date.now() - logged >= 1000 || done === total) {
          logged = Date.now();
          log(`job ${job.id} ${job.kind}: ${done}/${total}${step ? ` ${step}` : ""}`);
        }
        try {
          await recordJobProgress(db, job.id, name, { done, total, step }, leaseMs);
        } catch (error) {
          log(`job ${job.id}: progress not recorded: ${firstLine(error)}`);
        }
      },
    };
    try {
      const result = await definition.handler(job.payload, context);
      if (await completeJob(db, job.id, name, result ?? null)) log(`job ${job.id} ${job.kind}: done`);
    } catch (error) {
      if (abort.signal.aborted) {
        // Stopped or lost, not failed: give it back untouched (a no-op if it is no longer ours).
        if (await releaseJob(db, job.id, name)) log(`job ${job.id} ${job.kind}: given back`);
        return;
      }
      // A JobFailure says that trying again cannot help: it ends the job now, in its own words.
      const final = error instanceof JobFailure;
      const last = final || job.attempt >= job.maxAttempts;
      const reason = firstLine(error);
      const line = final
        ? reason
        : last
          ? `Mislykkedes efter ${job.attempt} forsøg: ${reason}`
          : `Forsøg ${job.attempt} af ${job.maxAttempts} mislykkedes: ${reason}`;
      const retryInMs = last ? null : Math.min(maxMs, baseMs * 2 ** (job.attempt - 1));
      await failJobAttempt(db, job.id, name, { error: line, retryInMs });
      log(`job ${job.id} ${job.kind}: ${line}`);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function cleanFinishedJobs(): Promise<void> {
    const { done, failed } = await deleteFinishedJobs(db, {
      doneDays: options.cleanup?.doneDays ?? 14,
      failedDays: options.cleanup?.failedDays ?? 60,
      keepLatestOf: KEEP_LATEST_FAILURE_OF,
      ...(options.cleanup?.now ? { now: options.cleanup.now() } : {}),
    });
    if (done + failed > 0) log(`finished jobs deleted: ${done} done, ${failed} failed`);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      if (running.size >= concurrency) {
        // Every slot busy: wait until a job ends (it wakes the nap) or a poll's time passes.
        await nap(pollMs);
        continue;
      }
      let job: ClaimedJob | null = null;
      try {
        if (Date.now() - swept >= sweepMs) {
          swept = Date.now();
          const { queued, failed } = await recoverAbandonedJobs(db, vanished);
          if (queued + failed > 0)
            log(`jobs whose worker vanished: ${queued} queued again, ${failed} failed`);
        }
        if (Date.now() - cleaned >= cleanEveryMs) {
          cleaned = Date.now();
          await cleanFinishedJobs();
        }
        job = await claimJob(db, {
          worker: name,
          kinds: [...kinds.keys()],
          leaseMs,
          ...(options.batch ? { batch: options.batch } : {}),
        });
      } catch (error) {
        if (stopping) break;
        log(`cannot take a job: ${firstLine(error)}`);
      }
      if (!job) {
        if (!stopping) await nap(pollMs);
        continue;
      }
      if (stopping) {
        // Taken while a stop was asked for: give it back untouched rather than start it.
        await releaseJob(db, job.id, name).catch(() => false);
        break;
      }
      log(`job ${job.id} ${job.kind}: attempt ${job.attempt} of ${job.maxAttempts}`);
      const taken = job;
      const abort = new AbortController();
      const ended = run(taken, abort)
        .catch((error: unknown) => log(`job ${taken.id}: ${firstLine(error)}`))
        .finally(() => {
          running.delete(taken.id);
          wake?.();
        });
      running.set(taken.id, { job: taken, abort, ended });
    }
    await Promise.all([...running.values()].map((r) => r.ended));
  }

  const looping = loop();

  return {
    name,
    async stop(graceMs = 5000) {
      stopping = true;
      wake?.();
      const under = [...running.values()];
      const allEnded = () => Promise.all(under.map((r) => r.ended)).then(() => undefined);
      if (under.length > 0 && !(await settlesWithin(allEnded(), graceMs))) {
        for (const r of under) r.abort.abort(new Error("arbejderen stopper"));
        if (!(await settlesWithin(allEnded(), ABORT_WAIT_MS))) {
          // A handler ignores its signal: give its job back now; its late writes are refused, since
          // every write names the worker that holds the job.
          for (const r of under.filter((u) => running.has(u.job.id))) {
            await releaseJob(db, r.job.id, name).catch(() => false);
            log(`job ${r.job.id} ${r.job.kind}: given back (its handler did not stop)`);
          }
          return;
        }
      }
      await looping;
    },
  };
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The line a job keeps when its worker vanished on its last attempt. */
const vanished = (attempts: number): string =>
  `Mislykkedes efter ${attempts} forsøg: arbejderen stoppede uden at gøre jobbet færdigt`;

/** An error's first line, for a job's one-line error. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").trim().slice(0, 300) || "ukendt fejl";
}
