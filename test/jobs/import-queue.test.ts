/**
 * @module Imports through the job queue on both backends, with real workers, real parser threads and the
 * real seeds: runImport queues one job per file in a batch and reports each as its job ends; a worker
 * runs import jobs side by side; a file that cannot be read fails at once with its reason (no retries)
 * and leaves nothing staged; known bytes are not queued; a stop takes the files not yet started off
 * the queue; --detach leaves the files to other workers, which import each exactly once.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { ImportEvent } from "../../src/importer/import-report.js";
import { runImport } from "../../src/importer/import-run.js";
import {
  defineJob,
  enqueueJob,
  importFileJob,
  type JobServices,
  startWorker,
  type Worker,
} from "../../src/jobs/index.js";
import { openMailer } from "../../src/mail/index.js";
import { batchJobs, jobCounts } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

const SEEDS = resolve(import.meta.dirname, "..", "..", "..", "shared", "seeds");
const MINUTES = join(SEEDS, "004_5f8a3532f4c6e49a.txt");
const PACK = join(SEEDS, "003_543010fa29d1b32e.txt");

forEachBackend("imports through the job queue", (store, backend) => {
  let dir = "";
  let services: JobServices;
  const workers: Worker[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-import-queue-"));
    services = { mailer: openMailer({ dataDir: dir }) };
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.stop(0)));
    services.mailer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("queues a job per file in one batch, imports them and reports each; a bad file fails at once with its reason", async () => {
    const bad = join(dir, "broken.pdf");
    await writeFile(bad, "this is not a PDF");
    const events: ImportEvent[] = [];
    const { batch, reports } = await runImport(store().db, [MINUTES, PACK, bad], {
      onEvent: (event) => {
        events.push(event);
      },
      storeDescription: backend.name,
      work: { services, concurrency: 2 },
      pollMs: 20,
    });
    const byName = new Map(reports.map((r) => [r.path.split("/").at(-1), r]));
    assert.equal(byName.get("004_5f8a3532f4c6e49a.txt")?.outcome, "imported");
    assert.equal(byName.get("004_5f8a3532f4c6e49a.txt")?.items, 13);
    assert.equal(byName.get("004_5f8a3532f4c6e49a.txt")?.attendees, 24);
    assert.equal(byName.get("003_543010fa29d1b32e.txt")?.kind, "annex-pack");
    assert.equal(byName.get("broken.pdf")?.outcome, "failed");
    assert.equal(byName.get("broken.pdf")?.reason, "the file is named .pdf but is not a PDF");
    const jobs = await batchJobs(store().db, batch);
    assert.equal(jobs.length, 3, "one job per file");
    const failed = jobs.find((j) => j.state === "failed");
    assert.equal(failed?.attempts, 1, "a file that cannot be read is not tried again");
    assert.equal(failed?.error, "the file is named .pdf but is not a PDF");
    assert.ok(jobs.filter((j) => j.state === "done").every((j) => j.attempts === 1));
    const staged = await store().db.selectFrom("import_upload").select("id").execute();
    assert.deepEqual(staged, [], "no staged bytes are left behind");
    // The terminal's progress: each file read once, then reported, and the run's end.
    assert.equal(events.filter((e) => e.type === "reading").length, 3);
    assert.equal(events.filter((e) => e.type === "file").length, 3);
    assert.deepEqual(events.at(-1), {
      type: "done",
      stopped: false,
      counts: { imported: 2, unchanged: 0, failed: 1, skipped: 0, queued: 0 },
    });
    const meeting = await store().db.selectFrom("agenda_item").select("id").execute();
    assert.equal(meeting.length, 13);
  });

  it("does not queue bytes already stored", async () => {
    const { batch, reports } = await runImport(store().db, [MINUTES], {
      onEvent: () => {},
      storeDescription: backend.name,
      work: { services },
      pollMs: 20,
    });
    assert.deepEqual(
      reports.map((r) => r.outcome),
      ["unchanged"],
    );
    assert.deepEqual(await batchJobs(store().db, batch), []);
  });

  it("with detach, leaves the files queued; another worker imports each exactly once", async () => {
    const copy = join(dir, "referat-kopi.txt");
    const text = (await import("node:fs/promises")).readFile;
    await writeFile(copy, `${await text(MINUTES, "utf8")}\n`);
    const { batch, reports } = await runImport(store().db, [copy], {
      onEvent: () => {},
      storeDescription: backend.name,
      detach: true,
    });
    assert.deepEqual(
      reports.map((r) => r.outcome),
      ["queued"],
    );
    const [queued] = await batchJobs(store().db, batch);
    assert.equal(queued?.state, "queued");
    const others = [
      startWorker({ db: store().db, services, kinds: [importFileJob], pollMs: 20 }),
      startWorker({ db: store().db, services, kinds: [importFileJob], pollMs: 20 }),
    ];
    workers.push(...others);
    for (let i = 0; i < 500; i++) {
      const [job] = await batchJobs(store().db, batch);
      if (job?.state === "done") break;
      await sleep(20);
    }
    const [done] = await batchJobs(store().db, batch);
    assert.equal(done?.state, "done");
    assert.equal(done?.attempts, 1);
    const sources = await store()
      .db.selectFrom("source_file")
      .select("id")
      .where("file_name", "=", "referat-kopi.txt")
      .execute();
    assert.equal(sources.length, 1, "imported once");
    await Promise.all(others.map((w) => w.stop(0)));
  });

  it("a worker with concurrency 2 runs two jobs at the same time", async () => {
    let running = 0;
    let most = 0;
    const slow = defineJob({
      kind: "send-mail",
      handler: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(150);
        running--;
        return null;
      },
    });
    for (let i = 0; i < 4; i++) {
      await enqueueJob(store().db, "send-mail", { to: "a@example.dk", subject: "x", text: "y" });
    }
    const worker = startWorker({ db: store().db, services, kinds: [slow], concurrency: 2, pollMs: 10 });
    workers.push(worker);
    for (let i = 0; i < 500; i++) {
      const counts = await jobCounts(store().db);
      if (counts.find((c) => c.kind === "send-mail" && c.state === "done")?.count === 4) break;
      await sleep(20);
    }
    await worker.stop(0);
    assert.equal(most, 2);
  });
});
