/**
 * @module The queue as an operator sees it, on a server store: `raadsinfo import --detach` queues the
 * files and names the batch; `raadsinfo jobs` shows them waiting; a `raadsinfo worker` imports them;
 * `jobs --batch` lists each file's end, `jobs` the failure with its one-line reason, and `jobs retry`
 * queues the failed job again.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { runCli, startCli } from "../support/cli.js";
import { describeOnServer, serverDatabase } from "../support/stores.js";

const MINUTES = resolve(import.meta.dirname, "..", "..", "..", "shared", "seeds", "004_5f8a3532f4c6e49a.txt");

interface BatchJob {
  readonly id: number;
  readonly file: string;
  readonly state: string;
  readonly attempts: number;
  readonly error: string | null;
}

describeOnServer("raadsinfo jobs and import --detach", () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let env: Record<string, string> = {};
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-jobs-cli-"));
    database = await serverDatabase();
    env = { DATABASE_URL: database.url, RAADSINFO_PARSE_THREADS: "1" };
  });
  after(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("queues files, shows them, a worker imports them, and a failure can be retried", {
    timeout: 180_000,
  }, async () => {
    const bad = join(dir, "dagsorden.pdf");
    await writeFile(bad, "not a PDF at all");
    const queued = runCli(["import", MINUTES, bad, "--detach"], { env });
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stdout, /004_5f8a3532f4c6e49a\.txt\s+queued\s/);
    assert.match(queued.stdout, /dagsorden\.pdf\s+queued\s/);
    assert.match(queued.stdout, /0 imported, 0 unchanged, 0 failed, 0 skipped, 2 queued of 2 files found/);
    const batch = /Batch ([0-9a-f-]{36}): `raadsinfo jobs --batch \1` shows how far it is\./.exec(
      queued.stdout,
    )?.[1];
    assert.ok(batch, queued.stdout);

    const waiting = runCli(["jobs"], { env });
    assert.equal(waiting.code, 0, waiting.stderr);
    assert.match(waiting.stdout, /^import-file\s+2\s+0\s+0\s+0$/m);

    const worker = startCli(["worker"], { env: { ...env, RAADSINFO_DATA_DIR: join(dir, "mail") } });
    let jobs: BatchJob[] = [];
    try {
      await worker.waitFor(/takes jobs from PostgreSQL at /);
      for (let i = 0; i < 600; i++) {
        const listed = runCli(["jobs", "--batch", batch, "--json"], { env });
        jobs = JSON.parse(listed.stdout) as BatchJob[];
        if (jobs.every((job) => job.state === "done" || job.state === "failed")) break;
        await sleep(100);
      }
    } finally {
      worker.child.kill("SIGTERM");
    }
    assert.equal(await worker.exited, 0, worker.stderr());
    assert.deepEqual(jobs.map((job) => [job.file, job.state, job.attempts]).sort(), [
      ["004_5f8a3532f4c6e49a.txt", "done", 1],
      ["dagsorden.pdf", "failed", 1],
    ]);

    const overview = runCli(["jobs"], { env });
    assert.match(overview.stdout, /^import-file\s+0\s+0\s+1\s+1$/m);
    assert.match(overview.stdout, /Failed \(newest 1; raadsinfo jobs retry ID queues one again\):/);
    assert.match(overview.stdout, /dagsorden\.pdf .+ the file is named \.pdf but is not a PDF$/m);

    const failed = jobs.find((job) => job.state === "failed") as BatchJob;
    const retried = runCli(["jobs", "retry", String(failed.id)], { env });
    assert.equal(retried.stdout, `Job ${failed.id} is queued again.\n`);
    const again = JSON.parse(runCli(["jobs", "--batch", batch, "--json"], { env }).stdout) as BatchJob[];
    assert.deepEqual(again.map((job) => [job.file, job.state]).sort(), [
      ["004_5f8a3532f4c6e49a.txt", "done"],
      ["dagsorden.pdf", "queued"],
    ]);
    const refused = runCli(["jobs", "retry", String(failed.id + 1000)], { env });
    assert.equal(refused.stderr, `raadsinfo: job ${failed.id + 1000} is not a failed job\n`);
    assert.notEqual(refused.code, 0);
  });

  it("serve --no-jobs leaves queued files to the workers, and is refused on the embedded store", {
    timeout: 120_000,
  }, async () => {
    const embedded = runCli(["serve", "--no-jobs", "--data-dir", join(dir, "embedded")], { env: {} });
    assert.equal(embedded.code, 2);
    assert.equal(
      embedded.stderr,
      "raadsinfo: --no-jobs needs DATABASE_URL: on the embedded store only serve itself can run the jobs\n",
    );

    const other = join(dir, "referat.txt");
    await writeFile(
      other,
      "KKR Nordjylland\nReferat\nMødedato: 1. december 2026\n\n1. Godkendelse af dagsorden\n",
    );
    const queued = runCli(["import", other, "--detach"], { env });
    assert.equal(queued.code, 0, queued.stderr);
    const batch = /Batch ([0-9a-f-]{36})/.exec(queued.stdout)?.[1] as string;
    const serve = startCli(["serve", "--no-jobs", "--no-demo", "--port", "0", "--host", "127.0.0.1"], {
      env: { ...env, RAADSINFO_DATA_DIR: join(dir, "mail") },
    });
    try {
      await serve.waitFor(/Jobs are left to the raadsinfo worker processes \(--no-jobs\)\./);
      // A serve that took jobs would start on a queued import at once (it polls every second or so).
      await sleep(3000);
      const listed = JSON.parse(runCli(["jobs", "--batch", batch, "--json"], { env }).stdout) as BatchJob[];
      assert.deepEqual(
        listed.map((job) => [job.file, job.state]),
        [["referat.txt", "queued"]],
      );
    } finally {
      serve.child.kill("SIGTERM");
    }
    assert.equal(await serve.exited, 0, serve.stderr());
  });
});
