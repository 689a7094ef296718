/**
 * @module The job queue on both backends, with real workers on the real table: a job exists exactly when
 * its transaction commits; retries with backoff; failure after the last attempt with one Danish line;
 * progress readable while the job runs; two workers take each of 100 jobs once; a worker stopped mid-job
 * gives the job back and another takes it (a handler deaf to its signal too, whose late result is refused);
 * a job whose worker vanished is taken again when its lease ends.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import {
  defineJob,
  enqueueJob,
  enqueueMail,
  type JobServices,
  startWorker,
  type Worker,
} from "../../src/jobs/index.js";
import { openMailer } from "../../src/mail/index.js";
import { claimJob, type Database, insertJob, jobStatus, listJobs } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";

/** Polls until `check` gives a value (not undefined/false/null), or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error("timed out");
    await sleep(10);
  }
}

/** A promise with its resolve, for a handler the test lets go on. */
function gate(): { readonly opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const FAST = { pollMs: 10, sweepMs: 20, backoff: { baseMs: 20 } } as const;

forEachBackend("job queue", (store, backend) => {
  let dataDir = "";
  let services: JobServices;
  const workers: Worker[] = [];
  const start = (options: Omit<Parameters<typeof startWorker>[0], "db" | "services">) => {
    const worker = startWorker({ db: store().db, services, ...FAST, ...options });
    workers.push(worker);
    return worker;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-jobs-"));
    services = { mailer: openMailer({ dataDir }) };
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.stop(100)));
    services.mailer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("enqueues inside the caller's transaction: no job when it rolls back, one when it commits", async () => {
    const { db } = store();
    const before = (await listJobs(db, { kinds: ["send-mail"] })).length;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await enqueueMail(trx, { to: "anna@kl.dk", subject: "Dagsorden", text: "Se dagsordenen" });
        throw new Error("the write that asked for it failed");
      }),
      /failed/,
    );
    assert.equal((await listJobs(db, { kinds: ["send-mail"] })).length, before);
    const id = await db
      .transaction()
      .execute((trx) =>
        enqueueJob(trx, "send-mail", { to: "bo@kl.dk", subject: "Referat", text: "Se referatet" }),
      );
    const job = await jobStatus(db, id);
    assert.equal(job?.state, "queued");
    assert.equal(job?.kind, "send-mail");
    assert.equal(job?.maxAttempts, 5);
  });

  it("types enqueueJob by kind name: a wrong payload or an unknown kind does not compile", () => {
    const typed = (db: Kysely<Database>) => {
      // @ts-expect-error: a send-mail job needs to, subject and text
      void enqueueJob(db, "send-mail", { to: "anna@kl.dk" });
      // @ts-expect-error: no such kind in src/jobs/kinds
      void enqueueJob(db, "render-nothing", {});
    };
    assert.equal(typeof typed, "function");
  });

  it("retries a job that fails twice, with backoff, then records its result", async () => {
    const { db } = store();
    const tries: Date[] = [];
    const flaky = defineJob({
      kind: "test-flaky",
      maxAttempts: 3,
      handler: async (payload: { readonly n: number }, { attempt }) => {
        tries.push(new Date());
        if (attempt < 3) throw new Error(`forbindelsen faldt ud (${attempt})\nstack line`);
        return { doubled: payload.n * 2 };
      },
    });
    const id = await insertJob(db, { kind: flaky.kind, payload: { n: 21 }, maxAttempts: flaky.maxAttempts });
    const worker = start({ kinds: [flaky] });
    const done = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "done" && job;
    });
    assert.equal(done.attempts, 3);
    assert.deepEqual(done.result, { doubled: 42 });
    assert.equal(done.error, null);
    assert.equal(tries.length, 3);
    // Backoff: 20 ms before the second try, 40 ms before the third (the database's clock, so a little slack).
    assert.ok(tries[2]!.getTime() - tries[1]!.getTime() >= 30, "the second wait is longer");
    await worker.stop();
  });

  it("fails a job for good after its last attempt, with one Danish line", async () => {
    const { db } = store();
    const broken = defineJob({
      kind: "test-broken",
      maxAttempts: 2,
      handler: async () => {
        throw new Error("filen findes ikke\n    at somewhere (x.ts:1:1)");
      },
    });
    const id = await insertJob(db, { kind: broken.kind, payload: {}, maxAttempts: 2 });
    assert.equal((await jobStatus(db, id))?.state, "queued", "not taken before a worker runs");
    const worker = start({ kinds: [broken] });
    const failed = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "failed" && job;
    });
    assert.equal(failed.attempts, 2);
    assert.equal(failed.error, "Mislykkedes efter 2 forsøg: filen findes ikke");
    assert.ok(failed.finished);
    await worker.stop();
  });

  it("shows progress while the job runs", async () => {
    const { db } = store();
    const go = gate();
    const slow = defineJob({
      kind: "test-progress",
      handler: async (_: Record<string, never>, { progress }) => {
        await progress(1, 3, "Stempler bilag 1 af 3");
        await go.opened;
        await progress(3, 3, "Samler pakken");
        return null;
      },
    });
    const id = await insertJob(db, { kind: slow.kind, payload: {}, maxAttempts: 1 });
    const worker = start({ kinds: [slow] });
    const running = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.progress && job;
    });
    assert.equal(running.state, "running");
    assert.deepEqual(running.progress, { done: 1, total: 3, step: "Stempler bilag 1 af 3" });
    go.open();
    const done = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "done" && job;
    });
    assert.deepEqual(done.progress, { done: 3, total: 3, step: "Samler pakken" });
    await worker.stop();
  });

  it("two workers take each of 100 jobs exactly once", async () => {
    const { db } = store();
    const taken = new Map<number, string[]>();
    const counted = (worker: string) =>
      defineJob({
        kind: "test-count",
        handler: async (payload: { readonly n: number }) => {
          taken.set(payload.n, [...(taken.get(payload.n) ?? []), worker]);
          await sleep(2);
          return null;
        },
      });
    for (let n = 0; n < 100; n++) await insertJob(db, { kind: "test-count", payload: { n }, maxAttempts: 1 });
    const a = start({ kinds: [counted("a")], name: "worker-a" });
    const b = start({ kinds: [counted("b")], name: "worker-b" });
    await eventually(async () => {
      const open = await listJobs(db, { kinds: ["test-count"], states: ["queued", "running"] });
      return open.length === 0;
    });
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(taken.size, 100);
    for (const [n, by] of taken) assert.equal(by.length, 1, `job ${n} taken by ${by.join(", ")}`);
    const done = await listJobs(db, { kinds: ["test-count"], states: ["done"], limit: 200 });
    assert.equal(done.length, 100);
    const byWorker = (w: string) => [...taken.values()].filter((by) => by[0] === w).length;
    if (backend.name === "postgres") {
      // Two connections at once on the server: both workers get work.
      assert.ok(byWorker("a") > 0 && byWorker("b") > 0, `a ${byWorker("a")}, b ${byWorker("b")}`);
    }
  });

  it("a worker stopped mid-job gives the job back, and the next worker takes it", async () => {
    const { db } = store();
    const started = gate();
    const runs: string[] = [];
    const patient = (worker: string) =>
      defineJob({
        kind: "test-patient",
        handler: async (_: Record<string, never>, { signal, attempt }) => {
          runs.push(`${worker}:${attempt}`);
          if (worker === "first") {
            started.open();
            // Works until told to stop.
            await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
          }
          return { by: worker };
        },
      });
    const id = await insertJob(db, { kind: "test-patient", payload: {}, maxAttempts: 1 });
    const first = start({ kinds: [patient("first")], name: "first" });
    await started.opened;
    await first.stop(50);
    const given = await jobStatus(db, id);
    assert.equal(given?.state, "queued");
    assert.equal(given?.attempts, 0, "a stop is not a failed attempt");
    const second = start({ kinds: [patient("second")], name: "second" });
    const done = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "done" && job;
    });
    assert.deepEqual(done.result, { by: "second" });
    assert.deepEqual(runs, ["first:1", "second:1"]);
    await second.stop();
  });

  it("gives back the job of a handler that ignores its stop signal; its late result changes nothing", async () => {
    const { db } = store();
    const started = gate();
    const late = gate();
    const deaf = defineJob({
      kind: "test-deaf",
      handler: async () => {
        started.open();
        await late.opened; // never looks at its signal
        return { late: true };
      },
    });
    const id = await insertJob(db, { kind: deaf.kind, payload: {}, maxAttempts: 1 });
    const worker = start({ kinds: [deaf] });
    await started.opened;
    await worker.stop(20);
    assert.equal((await jobStatus(db, id))?.state, "queued");
    late.open();
    await sleep(50);
    const after = await jobStatus(db, id);
    assert.equal(after?.state, "queued", "the late result is refused: the job is no longer that worker's");
    assert.equal(after?.result, null);
  });

  it("takes again a job whose worker vanished once its lease runs out", async () => {
    const { db } = store();
    const id = await insertJob(db, { kind: "test-orphan", payload: {}, maxAttempts: 2 });
    // A worker that takes the job and dies: nothing renews its lease.
    const claimed = await claimJob(db, { worker: "gone", kinds: ["test-orphan"], leaseMs: 100 });
    assert.equal(claimed?.id, id);
    const orphan = defineJob({
      kind: "test-orphan",
      handler: async (_: unknown, { attempt }) => ({ attempt }),
    });
    const worker = start({ kinds: [orphan] });
    const done = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "done" && job;
    });
    assert.deepEqual(done.result, { attempt: 2 });
    await worker.stop();
  });

  it("fails a vanished worker's job on its last attempt", async () => {
    const { db } = store();
    const id = await insertJob(db, { kind: "test-orphan-last", payload: {}, maxAttempts: 1 });
    await claimJob(db, { worker: "gone", kinds: ["test-orphan-last"], leaseMs: 50 });
    const never = defineJob({ kind: "test-orphan-last", handler: async () => null });
    const worker = start({ kinds: [never] });
    const failed = await eventually(async () => {
      const job = await jobStatus(db, id);
      return job?.state === "failed" && job;
    });
    assert.match(failed.error ?? "", /^Mislykkedes efter 1 forsøg: arbejderen stoppede/);
    await worker.stop();
  });
});
