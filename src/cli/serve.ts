/**
 * @module `raadsinfo serve`: opens the store (owning it, when embedded), loads the demo into an empty one,
 * serves the portal, and takes imports handed to it by `raadsinfo import`. SIGTERM or SIGINT stops it
 * cleanly: no new requests, a running import stops after its current file, a running job ends or is given
 * back to the queue, the store is closed. It runs the job queue's worker (src/jobs) too, unless `--no-jobs`
 * leaves the queue to `raadsinfo worker` processes on a server.
 */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { loadDemoIfEmpty } from "../demo/load-demo.js";
import { type HandoffServer, startHandoffServer } from "../importer/import-handoff.js";
import { loadDanishWordChecker } from "../ingest/index.js";
import {
  jobLeaseFromEnv,
  scheduleAlertDigests,
  scheduleFollowUpReminders,
  startWorkers,
} from "../jobs/index.js";
import { createApp } from "../web/app.js";
import { mailerFromFlags } from "./mail-options.js";
import { searchWordIntake } from "./search-word-intake.js";
import { stopOnSignals } from "./stop-signals.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { UsageError } from "./usage-error.js";
import { WORKER_GRACE_MS } from "./worker.js";

export interface ServeFlags extends StoreFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly "no-demo"?: boolean | undefined;
  readonly "no-jobs"?: boolean | undefined;
  readonly "base-url"?: string | undefined;
}

/** How long requests under way may take to finish once a stop is asked for. */
const DRAIN_MS = 10_000;

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  }
  const trustedProxies = Number(process.env.TRUSTED_PROXIES ?? 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10) {
    throw new UsageError(
      `TRUSTED_PROXIES must be the number of proxies in front of the portal (0 to 10), not "${process.env.TRUSTED_PROXIES}"`,
    );
  }
  // On the embedded store no other process may open it, so a serve without jobs would leave mail,
  // rendering and imports waiting for ever: refused before the store is opened.
  if (flags["no-jobs"] && !process.env.DATABASE_URL) {
    throw new UsageError(
      "--no-jobs needs DATABASE_URL: on the embedded store only serve itself can run the jobs",
    );
  }
  // DATABASE_READ_URL: a read replica for the anonymous public reads (issue 17); writes stay on DATABASE_URL.
  const store = await openStoreFromFlags(flags, "serve", { readReplica: true });
  if (!flags["no-demo"] && (await loadDemoIfEmpty(store.db))) {
    console.log("The store was empty: loaded the demo meeting (KKR Eksempelregion). --no-demo skips this.");
  }
  const handoff = store.lock ? await startHandoffServer(store.db, store.description) : null;
  const baseUrl = flags["base-url"] ?? process.env.PUBLIC_BASE_URL;
  const jobs = flags["no-jobs"] ? noJobs : startJobs(store, flags, baseUrl ?? `http://localhost:${port}`);
  const searchWords = searchWordIntake(store);
  const app = createApp({
    db: store.db,
    readDb: store.readDb,
    settings: {
      publicBaseUrl: baseUrl ?? `http://localhost:${port}`,
      trustedProxies,
      contactEmail: process.env.CONTACT_EMAIL?.trim() || null,
    },
  });
  const server = serve({ fetch: app.fetch, port, hostname: flags.host ?? "0.0.0.0" }, (info) => {
    const url = `http://localhost:${info.port}`;
    void store.lock?.advertise({ socket: handoff?.socket, url: baseUrl ?? url });
    console.log(`Rådsinfo serves ${url} (${store.description}). Ctrl+C stops it.`);
    if (flags["no-jobs"]) console.log("Jobs are left to the raadsinfo worker processes (--no-jobs).");
    // The Danish dictionary reads a misspelled query as a word (0.5-0.7 s to load): loaded now, in the
    // background, so that the first such search does not wait for it. A failure leaves "Mente du" only.
    loadDanishWordChecker().catch(() => undefined);
  }) as Server;
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      `raadsinfo: cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "the port is in use" : error.message}`,
    );
    void stopAll(server, handoff, jobs, store).finally(() => process.exit(1));
  });
  stopOnSignals("finishing requests under way and closing the store", () => {
    searchWords.stop();
    return stopAll(server, handoff, jobs, store);
  });
}

async function stopAll(
  server: Server,
  handoff: HandoffServer | null,
  jobs: { stop(): Promise<void> },
  store: { close(): Promise<void> },
): Promise<void> {
  // A running job gets WORKER_GRACE_MS (inside DRAIN_MS) to end, else it is given back to the queue.
  const jobsStopped = jobs.stop();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold close() open; busy ones get DRAIN_MS to finish.
  server.closeIdleConnections();
  const drained = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await handoff?.close();
  await closed;
  clearTimeout(drained);
  await jobsStopped;
  await store.close();
}

/** `--no-jobs`: the web process leaves every job to the `raadsinfo worker` processes. */
const noJobs = { stop: async (): Promise<void> => undefined };

/**
 * The queue's worker inside serve: on the embedded store no other process can take the jobs (mail,
 * rendering); on a server it is one worker among the `raadsinfo worker` processes.
 */
function startJobs(
  store: { readonly db: Parameters<typeof startWorkers>[0]["db"] },
  flags: StoreFlags,
  publicBaseUrl: string,
) {
  const mailer = mailerFromFlags(flags);
  const worker = startWorkers({
    db: store.db,
    ...jobLeaseFromEnv(),
    services: { mailer, publicBaseUrl },
    log: (line) => console.log(line),
  });
  // The daily follow-up reminders (issue 14): queued once, then the job queues its next run itself.
  void scheduleFollowUpReminders(store.db).catch((error: unknown) =>
    console.log(
      `follow-up reminders not scheduled: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  // The alert digests (issue 16): hourly runs, at most one digest a day per subscriber.
  void scheduleAlertDigests(store.db).catch((error: unknown) =>
    console.log(`alert digests not scheduled: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    async stop() {
      await worker.stop(WORKER_GRACE_MS);
      mailer.close();
    },
  };
}
