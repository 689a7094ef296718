/**
 * Finished jobs are cleaned (issue 13), on both backends: the worker deletes done jobs older than 14 days
 * and failed ones older than 60, with the clock moved forward, and keeps the newest failed render job of a
 * meeting (the builder's PDF line still says it failed) while an older one of the same work goes.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { defineJob, type JobServices, renderAgendaJob, startWorker } from "../../src/jobs/index.js";
import { openMailer } from "../../src/mail/index.js";
import { deleteFinishedJobs, insertJob, jobStatus, latestRenderJobIds } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

const DAY = 86_400_000;
const okJob = defineJob({ kind: "test-cleanup-ok", maxAttempts: 1, handler: async () => ({ ok: true }) });
const badJob = defineJob({
  kind: "test-cleanup-bad",
  maxAttempts: 1,
  handler: async () => {
    throw new Error("altid galt");
  },
});
const KINDS = [okJob, badJob, renderAgendaJob];
const FAST = { pollMs: 10, sweepMs: 20, backoff: { baseMs: 10 } } as const;

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(20);
  }
}

forEachBackend("job queue: finished jobs are cleaned", (store) => {
  let dataDir = "";
  let services: JobServices;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-cleanup-"));
    services = { mailer: openMailer({ dataDir }) };
  });
  after(async () => {
    services.mailer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("deletes done jobs after 14 days and failed ones after 60, keeping a meeting's latest render failure", async () => {
    const { db } = store();
    // A meeting that does not exist: its render jobs fail, as a real one's would on a broken agenda.
    const meetingId = 900_000 + Math.floor(Math.random() * 90_000);
    const render = { meetingId, edition: "internal" as const };
    const ok = await insertJob(db, { kind: okJob.kind, payload: { n: 1 }, maxAttempts: 1 });
    const bad = await insertJob(db, { kind: badJob.kind, payload: { n: 2 }, maxAttempts: 1 });
    const olderRender = await insertJob(db, { kind: renderAgendaJob.kind, payload: render, maxAttempts: 1 });
    const newerRender = await insertJob(db, { kind: renderAgendaJob.kind, payload: render, maxAttempts: 1 });
    const ids = [ok, bad, olderRender, newerRender];
    const state = async (id: number) => (await jobStatus(db, id))?.state ?? "deleted";

    // Run them; today's cleanup (at the worker's start) finds nothing old enough.
    const worker = startWorker({ db, services, kinds: KINDS, ...FAST });
    try {
      await until(async () =>
        (await Promise.all(ids.map(state))).every((s) => s === "done" || s === "failed"),
      );
    } finally {
      await worker.stop(500);
    }
    assert.deepEqual(await Promise.all(ids.map(state)), ["done", "failed", "failed", "failed"]);
    assert.match((await jobStatus(db, newerRender))?.error ?? "", /møde \d+ findes ikke/);

    // Fifteen days on: the done job goes, the failures stay.
    const fifteen = await deleteFinishedJobs(db, { now: new Date(Date.now() + 15 * DAY) });
    assert.ok(fifteen.done >= 1);
    assert.deepEqual(await Promise.all(ids.map(state)), ["deleted", "failed", "failed", "failed"]);

    // Sixty-one days on, the worker's own periodic cleanup: the failures go, but the newest render job of
    // the meeting, which the builder's PDF line reads, stays.
    const later = startWorker({
      db,
      services,
      kinds: KINDS,
      ...FAST,
      cleanup: { everyMs: 50, now: () => new Date(Date.now() + 61 * DAY) },
    });
    try {
      await until(async () => (await state(olderRender)) === "deleted");
    } finally {
      await later.stop(500);
    }
    assert.deepEqual(await Promise.all(ids.map(state)), ["deleted", "deleted", "deleted", "failed"]);
    const latest = await latestRenderJobIds(db, {
      meetingId,
      edition: "internal",
      kinds: [renderAgendaJob.kind],
    });
    assert.deepEqual(
      latest.map((j) => j.id),
      [newerRender],
    );
  });
});
