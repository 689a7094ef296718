/**
 * One owner per embedded store, as users meet it: serve, import, export and search on one data
 * directory at once, and each killed at a random moment. Whatever happens, the store opens afterwards
 * and every file a terminal reported as imported is in it.
 */
import assert from "node:assert/strict";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/store/index.js";
import { type CliResult, type RunningCli, runCli, startCli } from "../support/cli.js";
import { seedPath } from "../support/seeds.js";

const MINUTES = seedPath("004_5f8a3532f4c6e49a.txt");
const PACK = seedPath("003_543010fa29d1b32e.txt");
const BUSY = /^raadsinfo: .+ bruges af raadsinfo (serve|import|export|search) \(pid \d+\): .+$/m;

/** Files a terminal reported as imported: its progress lines, "[2/5] imported in/x.txt". */
function reportedImported(output: string): string[] {
  return [...output.matchAll(/^\[\d+\/\d+\] imported (.+)$/gm)].map((m) => basename(m[1] ?? ""));
}

async function storedFiles(dataDir: string): Promise<Set<string>> {
  const store = await openStore({ dataDir });
  try {
    const rows = await store.db
      .selectFrom("source_file")
      .select("file_name")
      .where("deleted", "=", false)
      .execute();
    return new Set(rows.map((r) => r.file_name));
  } finally {
    await store.close();
  }
}

async function startServe(dataDir: string): Promise<{ serve: RunningCli; url: string }> {
  const serve = startCli(["serve", "--data-dir", dataDir, "--port", "0", "--host", "127.0.0.1", "--no-demo"]);
  const match = await serve.waitFor(/serves (http:\/\/localhost:\d+)/);
  return { serve, url: (match[1] ?? "").replace("localhost", "127.0.0.1") };
}

function portIsFree(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/** A one-line refusal, a clean run, or a handed import whose serve went away: nothing else. */
function assertAcceptable(label: string, result: CliResult): void {
  const output = `${result.stdout}\n${result.stderr}`;
  assert.doesNotMatch(output, /\n\s+at |Aborted\(\)|unexpected error|PGlite failed/, `${label}: ${output}`);
  if (result.code !== 0) {
    assert.match(
      result.stderr,
      new RegExp(
        `${BUSY.source}|the running serve stopped before the import was done|cannot reach the running serve`,
        "m",
      ),
      `${label} failed for a reason other than the store's owner: ${output}`,
    );
  }
}

describe("one owner per embedded store", { timeout: 900_000 }, () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-owner-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("a running serve takes a handed import, shows it at once, turns the rest away, and stops cleanly", async () => {
    const dataDir = join(dir, "serve-data");
    const { serve, url } = await startServe(dataDir);

    const imported = runCli(["import", MINUTES, "--data-dir", dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /^Handing the import to raadsinfo serve \(pid \d+\)/m);
    assert.match(imported.stderr, /^\[1\/1\] imported /m, "progress comes back from serve");
    assert.match(imported.stdout, /^1 imported, 0 unchanged, 0 failed, 0 skipped of 1 file found/m);

    const found = (await (await fetch(`${url}/api/search?q=biokul`)).json()) as { total: number };
    assert.ok(found.total > 0, "the running portal finds what was just imported");

    for (const args of [["search", "biokul"], ["export"], ["serve", "--port", "0"]]) {
      const refused = runCli([...args, "--data-dir", dataDir]);
      assert.equal(refused.code, 1, `${args[0]} is refused`);
      assert.match(
        refused.stderr,
        /bruges af raadsinfo serve \(pid \d+\): brug portalen på http:\/\/localhost:\d+/,
      );
      assert.equal(refused.stderr.trim().split("\n").length, 1, `${args[0]}: one line`);
    }

    serve.child.kill("SIGTERM");
    assert.equal(await serve.exited, 0, serve.stderr());
    assert.ok(await portIsFree(url), "the port is free");
    await assert.rejects(access(join(dataDir, "raadsinfo.lock")), "the lock is released");
    const searched = runCli(["search", "biokul", "--data-dir", dataDir, "--json"]);
    assert.equal(searched.code, 0, searched.stderr);
    assert.ok((JSON.parse(searched.stdout) as { total: number }).total > 0, "the import outlived serve");
  });

  it("survives every pair of commands on one store, the first killed at a random moment", async () => {
    const dataDir = join(dir, "pairs");
    const inbox = join(dir, "inbox");
    await mkdir(inbox);
    const base = await readFile(MINUTES, "utf8");
    const pack = await readFile(PACK, "utf8");
    const seeded = runCli(["import", MINUTES, "--data-dir", dataDir]);
    assert.equal(seeded.code, 0, seeded.stderr);

    const commands = ["serve", "import", "export", "search"] as const;
    let n = 0;
    const reported = new Set<string>(["004_5f8a3532f4c6e49a.txt"]);
    for (const first of commands) {
      for (const second of commands) {
        n += 1;
        // New bytes for each run, so that an import writes (and can be killed while writing).
        const folder = join(inbox, `run-${n}`);
        await mkdir(folder);
        await writeFile(join(folder, `referat-${n}.txt`), `${base}\nKopi ${n}\n`);
        await writeFile(join(folder, `bilag-${n}.txt`), `${pack}\nKopi ${n}\n`);
        const argsOf = (command: (typeof commands)[number]): string[] =>
          command === "serve"
            ? ["serve", "--port", "0", "--host", "127.0.0.1", "--no-demo"]
            : command === "import"
              ? ["import", folder]
              : command === "export"
                ? ["export", "--format", "json"]
                : ["search", "klima", "--json"];
        const a = startCli([...argsOf(first), "--data-dir", dataDir], { cwd: dir });
        await delay(Math.random() * 1500);
        const b = startCli([...argsOf(second), "--data-dir", dataDir], { cwd: dir });
        await delay(Math.random() * 2500);
        a.child.kill("SIGKILL");
        await a.exited;
        // A serve started second runs until told to stop.
        if (second === "serve") {
          await b.waitFor(/serves http|bruges af|cannot/).catch(() => {});
          b.child.kill("SIGTERM");
        }
        const code = await b.exited;
        const label = `${first} killed, then ${second}`;
        assertAcceptable(label, {
          code: typeof code === "number" ? code : null,
          stdout: b.stdout(),
          stderr: b.stderr(),
        });
        for (const name of [...reportedImported(a.stderr()), ...reportedImported(b.stderr())])
          reported.add(name);
        const stored = await storedFiles(dataDir);
        for (const name of reported)
          assert.ok(stored.has(name), `${label}: ${name} was reported imported but is missing`);
      }
    }
    assert.ok(reported.size > 1, "some runs imported files before they were killed");
  });
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
