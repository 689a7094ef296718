/**
 * Committed means durable: `raadsinfo import` killed with SIGKILL at a random moment keeps every file its
 * progress reported as imported, on PGlite and on the PostgreSQL server. On the server, several imports
 * and the portal run at once without corruption.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";
import { runCli, startCli } from "../support/cli.js";
import { seedPath } from "../support/seeds.js";
import { TEST_DATABASE_URL, testBackends } from "../support/stores.js";

/** A fresh database on the server for one test: the command line opens its own store from a URL. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `raadsinfo_cli_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function reportedImported(progress: string): string[] {
  return [...progress.matchAll(/^\[\d+\/\d+\] imported (.+)$/gm)].map((m) => basename(m[1] ?? ""));
}

async function storedNames(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom("source_file")
    .select("file_name")
    .where("deleted", "=", false)
    .execute();
  return rows.map((r) => r.file_name).sort();
}

for (const backend of testBackends()) {
  describe(`import killed at random [${backend.name}]`, { timeout: 600_000 }, () => {
    let dir = "";
    let folder = "";
    let seeds: string[] = [];
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), "raadsinfo-crash-import-"));
      folder = join(dir, "seeds");
      await mkdir(folder);
      seeds = (await readdir(dirname(seedPath("004")))).filter((name) => name.endsWith(".txt"));
      for (const name of seeds) await copyFile(join(dirname(seedPath("004")), name), join(folder, name));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it("keeps every file its progress reported as imported", async () => {
      for (let run = 0; run < 2; run++) {
        const database = backend.name === "postgres" ? await freshDatabase() : null;
        const dataDir = join(dir, `data-${run}`);
        try {
          const env: Record<string, string> = database ? { DATABASE_URL: database.url } : {};
          const child = startCli(["import", folder, "--data-dir", dataDir], { env });
          // Killed after a random number of files (0 to 4 of 5) were reported, then a moment more.
          const after = Math.floor(Math.random() * seeds.length);
          if (after > 0) await child.waitFor(new RegExp(`^\\[${after}/${seeds.length}\\] `, "m"), 300_000);
          else await child.waitFor(/^Importing /m, 300_000);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
          child.child.kill("SIGKILL");
          await child.exited;
          const reported = reportedImported(child.stderr());
          const store = await openStore(database ? { databaseUrl: database.url } : { dataDir });
          try {
            const stored = await storedNames(store);
            for (const name of reported)
              assert.ok(stored.includes(name), `${name} was reported imported but is missing`);
            assert.ok(stored.length >= reported.length);
          } finally {
            await store.close();
          }
          // The run again imports the rest, and the store ends with each file once.
          const again = runCli(["import", folder, "--data-dir", dataDir], { env });
          assert.equal(again.code, 0, again.stderr);
          const store2 = await openStore(database ? { databaseUrl: database.url } : { dataDir });
          try {
            assert.deepEqual(await storedNames(store2), [...seeds].sort());
          } finally {
            await store2.close();
          }
        } finally {
          await database?.drop();
        }
      }
    });

    if (backend.name === "postgres") {
      it("runs two imports of one folder and the portal at once, each file stored once", async () => {
        const database = await freshDatabase();
        try {
          const env = { DATABASE_URL: database.url };
          const serve = startCli(["serve", "--port", "0", "--host", "127.0.0.1", "--no-demo"], { env });
          const url = ((await serve.waitFor(/serves (http:\/\/localhost:\d+)/))[1] ?? "").replace(
            "localhost",
            "127.0.0.1",
          );
          const one = startCli(["import", folder], { env });
          const two = startCli(["import", folder], { env });
          // Pages keep answering while both import.
          let pages = 0;
          while (one.child.exitCode === null || two.child.exitCode === null) {
            const response = await fetch(`${url}/`);
            assert.equal(response.status, 200);
            await response.arrayBuffer();
            pages += 1;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          assert.equal(await one.exited, 0, one.stderr());
          assert.equal(await two.exited, 0, two.stderr());
          assert.ok(pages > 0);
          const summary = /^(\d+) imported, (\d+) unchanged, 0 failed, 0 skipped of 5 files found/m;
          const counts = [one.stdout(), two.stdout()].map((out) => out.match(summary)?.slice(1).map(Number));
          assert.equal(
            (counts[0]?.[0] ?? 0) + (counts[1]?.[0] ?? 0),
            seeds.length,
            "each file imported by one of them",
          );
          serve.child.kill("SIGTERM");
          assert.equal(await serve.exited, 0);
          const store = await openStore({ databaseUrl: database.url });
          try {
            assert.deepEqual(await storedNames(store), [...seeds].sort());
          } finally {
            await store.close();
          }
        } finally {
          await database.drop();
        }
      });
    }
  });
}
