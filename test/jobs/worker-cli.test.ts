/**
 * @module The jobs as a user runs them: `raadsinfo worker` on a server store takes a job and exits 0 on
 * SIGTERM; serve on an embedded store runs the queued jobs itself, and a worker pointed at the directory
 * serve holds stops with the store lock's one Danish line.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { enqueueMail } from "../../src/jobs/index.js";
import { outboxFolder, outboxList } from "../../src/mail/index.js";
import { jobStatus, openStore } from "../../src/store/index.js";
import { runCli, startCli } from "../support/cli.js";
import { serverDatabase, testBackends } from "../support/stores.js";

/** Enqueues one mail in the store that `options` opens, and closes it again; returns the job's id. */
async function queueMail(options: Parameters<typeof openStore>[0], to: string): Promise<number> {
  const store = await openStore(options);
  try {
    return await enqueueMail(store.db, { to, subject: "Dagsorden udsendt", text: "Dagsordenen er udsendt." });
  } finally {
    await store.close();
  }
}

describe("raadsinfo worker", { timeout: 180_000 }, () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-worker-cli-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const server = testBackends().some((b) => b.name === "postgres");
  it("on a server store takes a job, then stops on SIGTERM", {
    skip: !server && "no server leg",
  }, async () => {
    const database = await serverDatabase();
    const databaseUrl = database.url;
    try {
      const id = await queueMail({ databaseUrl }, "anna@kl.dk");
      const mailDir = join(dir, "server-mail");
      const worker = startCli(["worker"], {
        env: { DATABASE_URL: databaseUrl, RAADSINFO_DATA_DIR: mailDir },
      });
      await worker.waitFor(/takes jobs from PostgreSQL at /);
      await worker.waitFor(new RegExp(`job ${id} send-mail: done`));
      worker.child.kill("SIGTERM");
      assert.equal(await worker.exited, 0, worker.stderr());
      assert.match(worker.stdout(), /Stopping \(SIGTERM\)/);
      assert.equal(worker.stderr(), "");
      const mails = await outboxList(outboxFolder(mailDir));
      assert.deepEqual(
        mails.map((m) => m.to),
        ["anna@kl.dk"],
      );
      const store = await openStore({ databaseUrl });
      try {
        assert.equal((await jobStatus(store.db, id))?.state, "done");
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it("serve runs the embedded store's jobs; a worker on its directory stops with one line", async () => {
    const dataDir = join(dir, "embedded");
    const id = await queueMail({ dataDir }, "bo@kl.dk");
    const serve = startCli([
      "serve",
      "--data-dir",
      dataDir,
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--no-demo",
    ]);
    try {
      await serve.waitFor(/serves http:\/\/localhost:\d+/);
      await serve.waitFor(new RegExp(`job ${id} send-mail: done`));
      const refused = runCli(["worker", "--data-dir", dataDir]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /^raadsinfo: .+ bruges af raadsinfo serve \(pid \d+\): .+\n$/);
      assert.equal(refused.stderr.split("\n").length, 2, "one line");
    } finally {
      serve.child.kill("SIGTERM");
    }
    assert.equal(await serve.exited, 0, serve.stderr());
    const mails = await outboxList(outboxFolder(dataDir));
    assert.deepEqual(
      mails.map((m) => m.to),
      ["bo@kl.dk"],
    );
  });
});
