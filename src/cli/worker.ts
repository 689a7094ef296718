/**
 * @module `raadsinfo worker`: takes jobs from the queue (mail now; rendering next) until SIGTERM or
 * SIGINT. On a server (DATABASE_URL) any number of them run beside serve, and never take the same job;
 * on an embedded store that serve holds it stops with the store lock's line, since serve runs the jobs.
 * A stop lets the running job end within the grace period, else gives it back for the next worker.
 */
import {
  jobLeaseFromEnv,
  scheduleAlertDigests,
  scheduleFollowUpReminders,
  startWorkers,
} from "../jobs/index.js";
import { baseUrlFromFlags, mailerFromFlags } from "./mail-options.js";
import { stopOnSignals } from "./stop-signals.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";

/** How long a running job may take to end once a stop is asked for (then it is given back). */
export const WORKER_GRACE_MS = 8000;

export async function workerCommand(flags: StoreFlags): Promise<void> {
  const store = await openStoreFromFlags(flags, "worker");
  const mailer = mailerFromFlags(flags);
  const worker = startWorkers({
    db: store.db,
    ...jobLeaseFromEnv(),
    // Links in alert digests: PUBLIC_BASE_URL, as serve builds its pages on.
    services: { mailer, publicBaseUrl: baseUrlFromFlags({}) },
    log: (line) => console.log(line),
  });
  // The daily follow-up reminders (issue 14): queued once, then the job queues its next run itself.
  await scheduleFollowUpReminders(store.db);
  // The alert digests (issue 16): hourly runs, at most one digest a day per subscriber.
  await scheduleAlertDigests(store.db);
  console.log(`Rådsinfo worker ${worker.name} takes jobs from ${store.description}. Ctrl+C stops it.`);
  stopOnSignals("ending the job under way and closing the store", async () => {
    await worker.stop(WORKER_GRACE_MS);
    mailer.close();
    await store.close();
  });
}
