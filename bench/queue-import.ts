/**
 * @module Import through the job queue on the PostgreSQL server, as a deployment runs it: the synthetic
 * corpus's files (minutes and annex packs as text, in the seeds' layout) are queued as `import-file`
 * jobs, then 1 and then 2 `raadsinfo worker` processes (one parser thread each) take them. Items per
 * second counts from the first job started to the last one ended, so the workers' start (loading pdf.js
 * and the dictionary) is not in it. Parse and write are both in it; CPU per item is read from /proc for
 * the workers and the database's backends.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { queueSourceFile } from "../src/importer/import-run.js";
import { jobCounts, openStore } from "../src/store/index.js";
import { backendPids } from "../src/store/read/bench-probes.js";
import { generateCorpus } from "./corpus/generate.js";
import { seedWordModel } from "./corpus/model.js";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { processCpuMs } from "./process-cpu.js";
import { progress } from "./progress.js";
import { round } from "./stats.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

interface CorpusFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

function corpusFiles(options: BenchOptions, items: number): { files: CorpusFile[]; items: number } {
  const model = seedWordModel(options.seedsDir);
  const files: CorpusFile[] = [];
  let count = 0;
  for (const meeting of generateCorpus({ model, items })) {
    for (const f of meeting.annexPack ? [meeting.minutes, meeting.annexPack] : [meeting.minutes]) {
      const bytes = new TextEncoder().encode(f.fileText);
      files.push({ file: f.fileName, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
    count = meeting.itemsSoFar;
  }
  return { files, items: count };
}

/** One round: a fresh database, the files queued, `workers` worker processes until the queue is empty. */
async function importWith(
  options: BenchOptions,
  corpus: { files: CorpusFile[]; items: number },
  workers: number,
): Promise<Figure> {
  const name = `import through the queue, ${workers} worker${workers > 1 ? "s" : ""} (server)`;
  const database = `bench_queue_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(options.databaseUrl);
  url.pathname = `/${database}`;
  url.searchParams.set("application_name", database);
  const store = await openStore({ databaseUrl: url.toString() });
  const children: ChildProcess[] = [];
  try {
    const batch = randomBytes(8).toString("hex");
    const queued = progress(`queue ${corpus.files.length} files`, corpus.files.length);
    for (const [i, file] of corpus.files.entries()) {
      await queueSourceFile(store.db, file, batch);
      queued.update(i + 1);
    }
    queued.done();
    const cpuBefore = await backendCpu(store, database);
    for (let i = 0; i < workers; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", join(root, "src", "cli.ts"), "worker"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url.toString(), RAADSINFO_PARSE_THREADS: "1" },
        stdio: "ignore",
      });
      children.push(child);
    }
    const drained = progress(`${workers} worker${workers > 1 ? "s" : ""}`, corpus.files.length);
    for (;;) {
      const counts = await jobCounts(store.db);
      const ended = counts
        .filter((c) => c.kind === "import-file" && (c.state === "done" || c.state === "failed"))
        .reduce((n, c) => n + c.count, 0);
      drained.update(ended);
      if (ended >= corpus.files.length) break;
      await sleep(250);
    }
    drained.done();
    const workerCpu = (await Promise.all(children.map((c) => processCpuMs(c.pid ?? 0)))).reduce<number>(
      (sum, ms) => sum + (ms ?? 0),
      0,
    );
    const cpuAfter = await backendCpu(store, database);
    const span = await store.db
      .selectFrom("job")
      .select((eb) => [eb.fn.min("started").as("first"), eb.fn.max("finished").as("last")])
      .where("kind", "=", "import-file")
      .executeTakeFirstOrThrow();
    const failed = (await jobCounts(store.db)).find((c) => c.kind === "import-file" && c.state === "failed");
    const seconds = (new Date(span.last as Date).getTime() - new Date(span.first as Date).getTime()) / 1000;
    const perItem = (ms: number) => round(ms / corpus.items, 3);
    return {
      name,
      value: round(corpus.items / seconds, 3),
      unit: "items/s",
      ...(workers > 1 ? { target: ">= 2000" } : {}),
      note:
        `${corpus.items.toLocaleString("en")} synthetic items in ${corpus.files.length} files, ${round(seconds, 3)} s, parse and write; ` +
        `CPU per item: workers ${perItem(workerCpu)} ms (with their start), PostgreSQL ${perItem(cpuAfter - cpuBefore)} ms` +
        (failed ? `; ${failed.count} files failed` : ""),
    };
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await store.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

/** CPU of the database's backends serving this database (by application_name), in ms. */
async function backendCpu(store: Awaited<ReturnType<typeof openStore>>, database: string): Promise<number> {
  const pids = await backendPids(store.db, database);
  const cpu = await Promise.all(pids.map((pid) => processCpuMs(pid)));
  return cpu.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const items = options.quick ? 400 : 2000;
  let corpus: { files: CorpusFile[]; items: number };
  try {
    corpus = corpusFiles(options, items);
  } catch (error) {
    return [notAvailable("import through the queue", "items/s", reasonOf(error))];
  }
  const figures: Figure[] = [];
  for (const workers of [1, 2]) {
    try {
      figures.push(await importWith(options, corpus, workers));
    } catch (error) {
      figures.push(
        notAvailable(`import through the queue, ${workers} workers (server)`, "items/s", reasonOf(error)),
      );
    }
  }
  return figures;
}
