/**
 * @module One import run, through the job queue: list what is under the paths; read and hash each source
 * file, report it at once when it cannot be read or its bytes are already stored, else stage it and queue
 * an `import-file` job, all in one batch; then follow the batch's jobs and report each file as its job
 * ends. The jobs are taken by this process's own worker (the embedded store, or a server without
 * workers), by serve's (an import handed to it), or by any `raadsinfo worker` on the same server, several
 * files at a time. Every entry found gets a report, and one bad file never stops the rest.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import { isIngestError, listSourceEntries, readSourceFile, type SourceFile } from "../ingest/index.js";
import { enqueueJob, importFileJob, startWorker, type Worker } from "../jobs/index.js";
import type { JobServices } from "../jobs/job-services.js";
import {
  batchJobs,
  cancelQueuedBatch,
  type Database,
  finishImports,
  isImported,
  type JobStatus,
  stageImportUpload,
} from "../store/index.js";
import { countOutcomes, type FileReport, type ImportEvent } from "./import-report.js";
import type { ImportFileResult } from "./import-staged.js";
import { parseThreadCount } from "./worker-parser.js";

export interface ImportRunOptions {
  /** Called with each event, in order; may be async (a stream to write to). */
  readonly onEvent: (event: ImportEvent) => void | Promise<void>;
  /** Named in the start event, e.g. "PGlite in ./data". */
  readonly storeDescription: string;
  /**
   * When aborted, files not yet started are taken off the queue; those under way end, and what was
   * reported stays stored.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Runs the batch's jobs in this process too, with these services, beside any other worker. Without
   * it, the jobs are left to the workers already running (serve's, or `raadsinfo worker` processes).
   */
  readonly work?: { readonly services: JobServices; readonly concurrency?: number } | undefined;
  /** Returns once the files are queued (each reported as "queued"), without waiting for them. */
  readonly detach?: boolean | undefined;
  /** How often the batch's jobs are looked at (default 150 ms). */
  readonly pollMs?: number | undefined;
}

/** A run's batch and every entry's report. */
export interface ImportRun {
  /** The job batch of the files queued; `raadsinfo jobs` and /api/imports/BATCH show it. */
  readonly batch: string;
  readonly reports: FileReport[];
}

/**
 * Imports the files under `paths` and returns every entry's report.
 * @example const { reports } = await runImport(store.db, ["../shared/seeds"], { onEvent: console.log, storeDescription: store.description, work: { services } });
 */
export async function runImport(
  db: Kysely<Database>,
  paths: readonly string[],
  options: ImportRunOptions,
): Promise<ImportRun> {
  const { onEvent, signal } = options;
  const batch = randomUUID();
  const entries = await listSourceEntries(paths);
  const files = entries.filter((entry) => !entry.skipped);
  const total = files.length;
  await onEvent({ type: "start", total, store: options.storeDescription });
  const reports: FileReport[] = [];
  let reported = 0;
  const report = async (fileReport: FileReport) => {
    reports.push(fileReport);
    if (fileReport.outcome !== "skipped") reported++;
    await onEvent({
      type: "file",
      index: fileReport.outcome === "skipped" ? 0 : reported,
      total,
      report: fileReport,
    });
  };
  for (const entry of entries) {
    if (entry.skipped)
      await report({ path: entry.path, outcome: "skipped", reason: entry.skipped, warnings: [] });
  }

  // Started first, so that the first file is parsed while the rest are still being queued.
  const worker: Worker | null =
    options.work && !options.detach
      ? startWorker({
          db,
          services: options.work.services,
          kinds: [importFileJob],
          concurrency: options.work.concurrency ?? parseThreadCount(),
          batch,
          pollMs: 100,
        })
      : null;
  const queued = new Map<number, string>();
  let stopped = false;
  try {
    for (const entry of files) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      const outcome = await queueOne(db, entry.path, batch);
      if ("report" in outcome) await report(outcome.report);
      else queued.set(outcome.jobId, entry.path);
    }
    if (options.detach) {
      for (const path of queued.values()) await report({ path, outcome: "queued", warnings: [] });
    } else {
      stopped = (await follow(db, batch, queued, { ...options, total, report })) || stopped;
    }
  } finally {
    await worker?.stop(0);
  }
  // The search words now, for whoever searches next; the finish-imports job would do it a moment later.
  if (reports.some((r) => r.outcome === "imported")) await finishImports(db);
  await onEvent({ type: "done", stopped, counts: countOutcomes(reports) });
  return { batch, reports };
}

/** Reads and hashes one file: a report when it needs no job, else the id of the job queued for it. */
async function queueOne(
  db: Kysely<Database>,
  path: string,
  batch: string,
): Promise<{ readonly report: FileReport } | { readonly jobId: number }> {
  try {
    const queued = await queueSourceFile(db, await readSourceFile(path), batch);
    return "jobId" in queued ? queued : { report: { path, outcome: "unchanged", warnings: [] } };
  } catch (error) {
    if (!isIngestError(error)) throw error;
    return { report: { path, outcome: "failed", reason: error.problem, warnings: [] } };
  }
}

/**
 * Queues the import of one file's bytes in `batch` (staged, with its job, in one transaction), unless
 * those bytes are already stored: re-importing an unchanged folder reads, hashes and stops there.
 * @example const queued = await queueSourceFile(db, { file: "referat.pdf", bytes, sha256 }, batch);
 */
export async function queueSourceFile(
  db: Kysely<Database>,
  source: SourceFile,
  batch: string,
): Promise<{ readonly unchanged: true } | { readonly jobId: number }> {
  if (await isImported(db, source.sha256)) return { unchanged: true };
  const jobId = await db.transaction().execute(async (tx) => {
    const uploadId = await stageImportUpload(tx, {
      fileName: source.file,
      sha256: source.sha256,
      content: source.bytes,
    });
    return enqueueJob(tx, "import-file", { uploadId, file: source.file, sha256: source.sha256 }, { batch });
  });
  return { jobId };
}

/**
 * Follows the batch's jobs until each has ended (or was taken off the queue by a stop), reporting each
 * file as its job ends. Returns true when the run was stopped before its last file.
 */
async function follow(
  db: Kysely<Database>,
  batch: string,
  queued: ReadonlyMap<number, string>,
  options: ImportRunOptions & {
    readonly total: number;
    readonly report: (report: FileReport) => Promise<void>;
  },
): Promise<boolean> {
  const { onEvent, signal, total } = options;
  const pollMs = options.pollMs ?? 150;
  const open = new Set(queued.keys());
  const started = new Set<number>();
  const shownProgress = new Map<number, number>();
  let cancelled = false;
  let index = 0;
  while (open.size > 0) {
    if (signal?.aborted && !cancelled) {
      cancelled = true;
      await cancelQueuedBatch(db, batch);
    }
    const jobs = new Map((await batchJobs(db, batch)).map((job) => [job.id, job] as const));
    for (const id of [...open]) {
      const path = queued.get(id) as string;
      const job = jobs.get(id);
      if (!job) {
        // Taken off the queue by the stop: not imported, and not reported.
        open.delete(id);
        continue;
      }
      if (job.state === "running" || job.state === "done" || job.state === "failed") {
        if (!started.has(id)) {
          started.add(id);
          index++;
          await onEvent({ type: "reading", index, total, path });
        }
      }
      if (job.state !== "queued" && job.progress) {
        // A poll may find several pages read since the last: each is told, in order, as a local run did.
        const { done, total: of } = job.progress;
        for (let page = (shownProgress.get(id) ?? 0) + 1; page <= done; page++) {
          await onEvent({ type: "progress", index, total, path, step: "ocr", done: page, of });
        }
        shownProgress.set(id, Math.max(done, shownProgress.get(id) ?? 0));
      }
      if (job.state === "done" || job.state === "failed") {
        open.delete(id);
        await options.report(reportOf(path, job));
      }
    }
    if (open.size > 0) await sleep(pollMs);
  }
  return cancelled;
}

/** A finished job's file report. */
function reportOf(path: string, job: JobStatus): FileReport {
  if (job.state === "failed") {
    return { path, outcome: "failed", reason: job.error ?? "the import failed", warnings: [] };
  }
  const result = job.result as ImportFileResult | null;
  return result ? { ...result, path } : { path, outcome: "unchanged", warnings: [] };
}
