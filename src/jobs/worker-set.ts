/**
 * @module The workers a process runs: one for imports, several files at a time (each parse has a thread
 * of its own), and one for everything else (mail, rendering, reminders), one job at a time, so that a
 * long import never holds up a mail and two renderings of one meeting never race.
 */
import { parseThreadCount } from "../importer/worker-parser.js";
import { importFileJob } from "./kinds/import-file.js";
import { JOB_KINDS } from "./kinds/index.js";
import { startWorker, type Worker, type WorkerOptions } from "./worker.js";

export interface WorkerSetOptions extends Omit<WorkerOptions, "kinds" | "concurrency"> {
  /** Files imported at once (default: RAADSINFO_PARSE_THREADS, or one per core). */
  readonly importConcurrency?: number;
}

/**
 * Starts both workers; stopping the set stops both.
 * @example const workers = startWorkers({ db: store.db, services: { mailer } }); ... await workers.stop(8000);
 */
export function startWorkers(options: WorkerSetOptions): Worker {
  const importConcurrency = options.importConcurrency ?? parseThreadCount();
  const others = startWorker({
    ...options,
    kinds: JOB_KINDS.filter((kind) => kind.kind !== importFileJob.kind),
  });
  const imports = startWorker({
    ...options,
    // Named after the other, so that the name a process prints finds its import jobs too (locked_by).
    name: `${others.name}:import`,
    kinds: [importFileJob],
    concurrency: importConcurrency,
    // One worker of the process cleans the finished jobs; the other would only repeat it.
    cleanup: { ...options.cleanup, everyMs: Number.MAX_SAFE_INTEGER },
  });
  return {
    name: others.name,
    async stop(graceMs) {
      await Promise.all([others.stop(graceMs), imports.stop(graceMs)]);
    },
  };
}

/**
 * The job lease of this process's workers: RAADSINFO_JOB_LEASE_MS, else the worker's default (60 s). A
 * worker that vanishes holds its jobs this long before another takes them again.
 */
export function jobLeaseFromEnv(): Pick<WorkerOptions, "leaseMs" | "sweepMs"> {
  const leaseMs = Number(process.env.RAADSINFO_JOB_LEASE_MS);
  if (!Number.isInteger(leaseMs) || leaseMs < 1000) return {};
  return { leaseMs, sweepMs: Math.min(15_000, leaseMs) };
}
