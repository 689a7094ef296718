/**
 * Scale-out (issue 17's must-show), against the PostgreSQL server only: two `raadsinfo serve --no-jobs`
 * and two `raadsinfo worker` processes of the built command on one fresh database, with a 3 s job lease.
 * The web processes take no jobs, so every import runs on a worker.
 *
 * A: a seed uploaded through web process 1 is followed on web process 2 until done: its job ran once,
 *    its bytes are stored once, and both web processes serve the meeting it holds, alike.
 * B: a scanned annex (eight pages read by OCR, many seconds) is uploaded; while its job runs, the worker
 *    that holds it is killed with SIGKILL, its OCR programs with it. The other worker takes the job again
 *    once the lease runs out and ends it: attempt 2, done, the file stored once with its eight pages once,
 *    and `raadsinfo jobs --json` shows no failure.
 *
 * A new database per run (created and dropped here); an unreachable server fails the test, it never skips.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { type RunningCli, runCli, startCli } from "../support/cli.js";
import { realPdfPath, seedPath } from "../support/seeds.js";
import { serverDatabase } from "../support/stores.js";

const SCANNED = realPdfPath("ballerup-2012-11-15-bilag-scannet.pdf");
const SEED = seedPath("004");
const ADMIN = "drift@kl.dk";

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and asserted.
type Json = { [key: string]: any };

/** One query on the database at `url`. */
async function query<T extends pg.QueryResultRow>(url: string, statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

/** A process of the test: what it is called in messages, and the command running. */
interface Proc {
  readonly label: string;
  readonly cli: RunningCli;
}

describe("scale-out: two web processes and two workers on one PostgreSQL database", {
  timeout: 480_000,
}, () => {
  let database: Awaited<ReturnType<typeof serverDatabase>> | undefined;
  let databaseUrl = "";
  const dir = mkdtempSync(join(tmpdir(), "raadsinfo-scaleout-"));
  const env = () => ({
    DATABASE_URL: databaseUrl,
    RAADSINFO_DATA_DIR: join(dir, "data"),
    RAADSINFO_JOB_LEASE_MS: "3000",
    RAADSINFO_PARSE_THREADS: "1",
  });
  const procs: Proc[] = [];
  const webs: { label: string; base: string }[] = [];
  let token = "";
  const sql = <T extends pg.QueryResultRow>(statement: string, values: unknown[] = []) =>
    query<T>(databaseUrl, statement, values);

  const start = (label: string, args: readonly string[]): Proc => {
    const proc = { label, cli: startCli(args, { env: env(), cwd: dir, detached: true }) };
    procs.push(proc);
    return proc;
  };
  const api = async (base: string, path: string, init: RequestInit = {}): Promise<Json> => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { accept: "application/json", authorization: `Bearer ${token}`, ...init.headers },
    });
    const body = (await res.json()) as Json;
    return { ...body, http: res.status };
  };
  const upload = async (base: string, path: string): Promise<Json> => {
    const form = new FormData();
    form.append("file", new File([readFileSync(path)], basename(path)));
    const answer = await api(base, "/api/imports", { method: "POST", body: form });
    assert.equal(answer.http, 202, JSON.stringify(answer));
    return answer;
  };
  /** Polls GET /api/imports/{batch} on `base` until `done` says so; returns the last answer. */
  const follow = async (
    base: string,
    status: string,
    done: (batch: Json) => boolean,
    timeoutMs: number,
  ): Promise<Json> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const batch = await api(base, status);
      assert.equal(batch.http, 200, JSON.stringify(batch));
      if (done(batch)) return batch;
      if (Date.now() > until) assert.fail(`timed out following ${status}: ${JSON.stringify(batch)}`);
      await sleep(150);
    }
  };
  /**
   * The processes whose output says they ended job `jobId`, once any does: the line is written after the
   * job is marked done, so it may come a moment after GET shows the job done.
   */
  const enders = async (jobId: number): Promise<string[]> => {
    const said = () =>
      procs.filter((p) => p.cli.stdout().includes(`job ${jobId} import-file: done`)).map((p) => p.label);
    for (let waited = 0; said().length === 0 && waited < 5000; waited += 50) await sleep(50);
    return said();
  };

  before(async () => {
    // A database of its own, made for this run and dropped after it: never skipped, an unreachable
    // server fails the test.
    database = await serverDatabase();
    databaseUrl = database.url;
    // Run first, alone: it migrates the new database before the four processes start on it.
    const added = runCli(
      ["user", "add", ADMIN, "--name", "Drift", "--role", "administrator", "--password-stdin"],
      { env: env(), cwd: dir, input: "driften har et langt kodeord\n" },
    );
    assert.equal(added.code, 0, added.stderr);
    const made = runCli(["token", "create", "--user", ADMIN, "--json"], { env: env(), cwd: dir });
    assert.equal(made.code, 0, made.stderr);
    token = (JSON.parse(made.stdout) as { token: string }).token;

    const serves = [1, 2].map((n) =>
      start(`web ${n}`, ["serve", "--no-demo", "--no-jobs", "--port", "0", "--host", "127.0.0.1"]),
    );
    const workers = [1, 2].map((n) => start(`worker ${n}`, ["worker"]));
    for (const serve of serves) {
      const [, port] = await serve.cli.waitFor(/serves http:\/\/localhost:(\d+)/, 60_000);
      webs.push({ label: serve.label, base: `http://127.0.0.1:${port}` });
      await serve.cli.waitFor(/Jobs are left to the raadsinfo worker processes \(--no-jobs\)/, 10_000);
    }
    for (const worker of workers)
      await worker.cli.waitFor(/Rådsinfo worker \S+ takes jobs from PostgreSQL/, 60_000);
  });

  after(async () => {
    // Every process and the programs it runs, whatever an assertion left running.
    for (const { cli } of procs) {
      if (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.pid) {
        try {
          process.kill(-cli.child.pid, "SIGKILL");
        } catch {
          // Gone already.
        }
      }
    }
    await Promise.all(procs.map((p) => p.cli.exited));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("A: a file uploaded to one web process is imported once and served by both", async () => {
    const [web1, web2] = webs as [(typeof webs)[number], (typeof webs)[number]];
    const uploaded = await upload(web1.base, SEED);
    const jobId = uploaded.files[0].job as number;
    const ended = await follow(web2.base, uploaded.status, (b) => b.done + b.failed === b.total, 120_000);
    assert.deepEqual([ended.total, ended.done, ended.failed], [1, 1, 0], JSON.stringify(ended));
    const [file] = ended.files as Json[];
    assert.equal(file?.job, jobId);
    assert.equal(file?.attempts, 1, "taken once");
    assert.equal(file?.result.outcome, "imported");
    const ender = await enders(jobId);
    assert.equal(ender.length, 1, `one process ended it: ${ender}`);
    assert.match(ender[0] ?? "", /^worker/, "a worker ended it, not a web process started with --no-jobs");

    const sha256 = (await sql<{ sha256: string }>("select sha256 from source_file")).map((r) => r.sha256);
    assert.equal(sha256.length, 1, "one source file");
    const meetings = await sql<{ id: number }>(
      "select m.id from meeting m join source_file s on s.id = m.source_file_id where s.sha256 = $1",
      [sha256[0]],
    );
    assert.equal(meetings.length, 1);
    const [one, two] = await Promise.all(
      webs.map((web) =>
        api(web.base, `/api/meetings/${meetings[0]?.id}`, { headers: { authorization: "" } }),
      ),
    );
    assert.equal(one?.http, 200);
    assert.ok(((one?.items ?? []) as unknown[]).length > 0, "the meeting's items");
    assert.deepEqual(two, one, "both web processes serve the same meeting");
    // And both find it: the longest word of its first open item's title.
    const title = ((one?.items ?? []) as Json[]).find((item) => item.public !== false)?.title as string;
    const word = title.split(/[^\p{L}\d]+/u).reduce((a, b) => (b.length > a.length ? b : a), "");
    const [found1, found2] = await Promise.all(
      webs.map((web) => api(web.base, `/api/search?q=${encodeURIComponent(word)}`)),
    );
    assert.ok(found1?.total > 0, `search for ${word}: ${JSON.stringify(found1)}`);
    assert.deepEqual(found2, found1, `both web processes find ${word} alike`);
  });

  it("B: a worker killed in the middle of OCR loses nothing; the other worker ends the job", async () => {
    const [web1, web2] = webs as [(typeof webs)[number], (typeof webs)[number]];
    const uploaded = await upload(web1.base, SCANNED);
    const jobId = uploaded.files[0].job as number;
    const running = await follow(web2.base, uploaded.status, (b) => b.files[0]?.state === "running", 60_000);
    const holder = running.files[0].worker as string;
    // The worker's name is host:pid:random (":import" for its import worker): the pid finds the process.
    const pid = Number(holder.split(":")[1]);
    const victim = procs.find((p) => p.cli.child.pid === pid);
    assert.ok(victim, `a process of the test holds the job: ${holder}`);
    assert.match(victim.label, /^worker/, `a worker holds the job, not a web process: ${victim.label}`);
    const printed = victim.cli.stdout().match(/Rådsinfo worker (\S+) takes jobs/)?.[1];
    assert.ok(printed && holder.startsWith(printed), `${holder} is the name ${victim.label} printed`);
    process.stdout.write(`# job ${jobId} runs on ${victim.label} (${holder}): SIGKILL\n`);
    process.kill(-pid, "SIGKILL");
    assert.equal(await victim.cli.exited, "SIGKILL");

    // Followed through the other web process than the upload's. Eight pages of OCR again: about 30 s on
    // an idle machine, several times that beside other tests.
    const ended = await follow(web2.base, uploaded.status, (b) => b.done + b.failed === b.total, 300_000);
    const [file] = ended.files as Json[];
    assert.equal(file?.state, "done", JSON.stringify(file));
    assert.equal(file?.attempts, 2, "taken again once, after the lease ran out");
    assert.equal(file?.error, null);
    assert.equal(file?.result.outcome, "imported");
    const ender = await enders(jobId);
    assert.equal(ender.length, 1, `one process ended it: ${ender}`);
    assert.match(ender[0] ?? "", /^worker/, "ended by a worker");
    assert.notEqual(ender[0], victim.label, "ended by the other worker");
    process.stdout.write(`# job ${jobId} ended by ${ender[0]}\n`);

    const sources = await sql<{ id: number; pages: number }>(
      "select id, pages from source_file where file_name = $1",
      [basename(SCANNED)],
    );
    assert.equal(sources.length, 1, "the annex is stored once");
    assert.equal(sources[0]?.pages, 8);
    const files = await sql<{ id: number; role: string; annex_number: number | null }>(
      "select id, role, annex_number from file where source_file_id = $1",
      [sources[0]?.id],
    );
    assert.ok(files.length > 0, "its files");
    const fileKeys = files.map((f) => `${f.role}:${f.annex_number}`);
    assert.equal(new Set(fileKeys).size, fileKeys.length, `each file once: ${fileKeys}`);
    const pages = await sql<{ file_id: number; page: number }>(
      "select file_id, page from file_page where file_id = any($1::int[]) order by file_id, page",
      [files.map((f) => f.id)],
    );
    const pageKeys = pages.map((p) => `${p.file_id}:${p.page}`);
    assert.equal(new Set(pageKeys).size, pageKeys.length, "each page once");
    assert.deepEqual(
      [...new Set(pages.map((p) => p.page))].sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8],
      "the eight pages",
    );
    const items = await sql<{ number: string }>("select number from agenda_item where source_file_id = $1", [
      sources[0]?.id,
    ]);
    assert.equal(new Set(items.map((i) => i.number)).size, items.length, "each item once");
    assert.equal(
      (await sql<{ n: string }>("select count(*) as n from import_upload"))[0]?.n,
      "0",
      "no staged bytes left",
    );

    const jobs = runCli(["jobs", "--json"], { env: env(), cwd: dir });
    assert.equal(jobs.code, 0, jobs.stderr);
    const overview = JSON.parse(jobs.stdout) as {
      counts: { kind: string; state: string; count: number }[];
      failed: unknown[];
    };
    assert.deepEqual(overview.failed, [], "no failed job");
    assert.ok(!overview.counts.some((c) => c.state === "failed"));
    assert.equal(
      overview.counts.find((c) => c.kind === "import-file" && c.state === "done")?.count,
      2,
      "both imports done",
    );
  });
});
