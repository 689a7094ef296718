/** @module Import jobs run in the test's own process, for the suites that queue uploads (web form, JSON API). */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { importFileJob, startWorker } from "../../src/jobs/index.js";
import type { Mailer } from "../../src/mail/index.js";
import { batchJobs, type Database } from "../../src/store/index.js";

/** Import jobs send no mail. */
const noMail: Mailer = {
  kind: "outbox",
  description: "test",
  send: async () => ({ messageId: "x", file: null }),
  close() {},
};

/**
 * Runs a real worker on the batch's import jobs until every one has ended (at most two minutes).
 * @example await importBatch(db, batch); (await batchJobs(db, batch))[0]?.state // "done"
 */
export async function importBatch(db: Kysely<Database>, batch: string): Promise<void> {
  const worker = startWorker({ db, services: { mailer: noMail }, kinds: [importFileJob], batch, pollMs: 20 });
  try {
    for (let i = 0; i < 1200; i++) {
      const jobs = await batchJobs(db, batch);
      if (jobs.every((job) => job.state === "done" || job.state === "failed")) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail("the batch's jobs did not end");
  } finally {
    await worker.stop(1000);
  }
}
