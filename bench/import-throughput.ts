/**
 * @module Import throughput: the five seeds parsed and imported into the embedded store (target < 10 s),
 * and items per second through importDocument (the path of `raadsinfo import`) and through the bulk
 * loader, into PGlite and into the PostgreSQL server (target >= 2,000 items/s).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ParsedDocument } from "../src/domain/index.js";
import { finishImports, importDocument, refreshSearchWords } from "../src/store/index.js";
import { backendPids } from "../src/store/read/bench-probes.js";
import { createBulkLoader } from "../src/store/write/bulk-load.js";
import { type BenchStore, openPgliteBenchStore, openServerBenchStore } from "./bench-store.js";
import { generateCorpus } from "./corpus/generate.js";
import { seedWordModel } from "./corpus/model.js";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import type { WriterReport } from "./import-writer.js";
import { loadIngest, parseFiles } from "./pieces.js";
import { processCpuMs } from "./process-cpu.js";
import { progress } from "./progress.js";
import { seedFiles } from "./seeds.js";
import { round } from "./stats.js";

const here = dirname(fileURLToPath(import.meta.url));

async function seedsIntoPglite(options: BenchOptions): Promise<Figure> {
  const name = "five seeds parsed and imported, PGlite on disk";
  const ingest = await loadIngest();
  if (!ingest.ok) return notAvailable(name, "s", ingest.reason, "< 10");
  const store = await openPgliteBenchStore();
  try {
    const files = seedFiles(options.seedsDir);
    const t0 = performance.now();
    const { docs } = await parseFiles(ingest.value, files);
    for (const [i, doc] of docs.entries()) {
      await importDocument(store.db, doc, { content: new Uint8Array(await readFile(files[i]!)) });
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      name,
      value: round(seconds),
      unit: "s",
      target: "< 10",
      note: "after the store is open and Hunspell loaded",
    };
  } finally {
    await store.dispose();
  }
}

function corpusDocs(options: BenchOptions, items: number): { docs: ParsedDocument[]; items: number } {
  const model = seedWordModel(options.seedsDir);
  const docs: ParsedDocument[] = [];
  let count = 0;
  const p = progress(`generate ${items.toLocaleString("en")} items`, items);
  for (const m of generateCorpus({ model, items })) {
    docs.push(m.minutes.parsed);
    if (m.annexPack) docs.push(m.annexPack.parsed);
    count = m.itemsSoFar;
    p.update(count);
  }
  p.done();
  return { docs, items: count };
}

/** The documents of the first meetings up to `items` items (a meeting's annex pack follows its minutes). */
function firstItems(
  docs: readonly ParsedDocument[],
  items: number,
): { docs: ParsedDocument[]; items: number } {
  const out: ParsedDocument[] = [];
  let count = 0;
  for (const doc of docs) {
    if (doc.kind === "minutes" && count >= items) break;
    out.push(doc);
    count += doc.items.length;
  }
  return { docs: out, items: count };
}

async function measure(
  label: string,
  open: () => Promise<BenchStore>,
  docs: readonly ParsedDocument[],
  items: number,
  how: "importDocument" | "bulk",
): Promise<Figure> {
  const name = `${how === "bulk" ? "bulk load" : "importDocument"} into ${label}`;
  let store: BenchStore;
  try {
    store = await open();
  } catch (error) {
    return notAvailable(name, "items/s", reasonOf(error), how === "bulk" ? undefined : ">= 2000");
  }
  try {
    const p = progress(name, items);
    const serverBefore = await serverCpu(store);
    const nodeBefore = process.cpuUsage();
    const t0 = performance.now();
    let done = 0;
    const stages = new Map<string, number>();
    if (how === "bulk") {
      const loader = createBulkLoader(store.db);
      for (let i = 0; i < docs.length; i += 200) {
        const r = await loader.load(docs.slice(i, i + 200));
        done += r.items;
        p.update(done);
      }
    } else {
      for (const doc of docs) {
        // importDocument reports each stored piece: the time since the previous report is that piece's.
        let last = performance.now();
        await importDocument(store.db, doc, {
          onStep: (what) => {
            const now = performance.now();
            stages.set(what, (stages.get(what) ?? 0) + (now - last));
            last = now;
          },
        });
        stages.set("commit", (stages.get("commit") ?? 0) + (performance.now() - last));
        done += doc.items.length;
        p.update(done);
      }
    }
    // What `raadsinfo import` does after its files: the word list.
    const last = performance.now();
    if (how === "bulk") {
      await refreshSearchWords(store.db);
    } else {
      await finishImports(store.db);
      stages.set("finish", performance.now() - last);
    }
    p.done();
    const seconds = (performance.now() - t0) / 1000;
    const node = process.cpuUsage(nodeBefore);
    const cpu = cpuSplit(items, (node.user + node.system) / 1000, serverBefore, await serverCpu(store));
    const total = [...stages.values()].reduce((a, b) => a + b, 0);
    const split = [...stages.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([what, ms]) => `${what} ${Math.round((ms / total) * 100)} %`)
      .join(", ");
    return {
      name,
      value: round(items / seconds),
      unit: "items/s",
      ...(how === "bulk" ? {} : { target: ">= 2000" }),
      note: `${items.toLocaleString("en")} synthetic items with attendance and annex pages, ${round(seconds)} s; ${cpu}${split ? `; time in ${split}` : ""}`,
    };
  } finally {
    await store.dispose();
  }
}

/**
 * The documents in `parts` disjoint shares, whole meetings each (a meeting's annex pack stays behind its
 * minutes, with the same writer), dealt out in turn so the shares are alike and write the same bodies.
 */
function shares(docs: readonly ParsedDocument[], parts: number): ParsedDocument[][] {
  const meetings: ParsedDocument[][] = [];
  for (const doc of docs) {
    if (doc.kind === "minutes" || meetings.length === 0) meetings.push([doc]);
    else meetings.at(-1)?.push(doc);
  }
  const out: ParsedDocument[][] = Array.from({ length: parts }, () => []);
  for (const [i, meeting] of meetings.entries()) out[i % parts]?.push(...meeting);
  return out;
}

/** A started bench/import-writer.ts: ready once it has opened the store, done with its report. */
interface Writer {
  readonly ready: Promise<void>;
  readonly done: Promise<WriterReport>;
  go(): void;
  /** Lets the writer close its connection and exit. */
  end(): Promise<void>;
  /** Stops a writer that is still running (the run failed). */
  kill(): void;
}

function startWriter(docsFile: string, databaseUrl: string, schema: string): Writer {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(here, "import-writer.ts"), docsFile, databaseUrl, schema],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`an import writer exited with code ${code}`))),
  );
  const next = () =>
    Promise.race([new Promise<string>((resolve) => lines.once("line", (line) => resolve(line))), exited]);
  const ready = next().then(() => undefined);
  // Asked for after "ready" only: each line is taken by the first listener waiting at the time.
  const done = ready.then(next).then((line) => JSON.parse(line) as WriterReport);
  done.catch(() => {});
  const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ready,
    done,
    go: () => child.stdin.write("go\n"),
    end: () => {
      child.stdin.end();
      return ended;
    },
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/**
 * importDocument from `writers` worker processes at once, each importing its share of the corpus on its
 * own connection, as `raadsinfo worker` processes sharing one server do: does the import scale with them?
 */
async function measureWriters(
  options: BenchOptions,
  docs: readonly ParsedDocument[],
  items: number,
  writers: number,
): Promise<Figure> {
  const name = `importDocument into PostgreSQL server, ${writers} writer${writers === 1 ? "" : "s"}`;
  let store: BenchStore;
  try {
    store = await openServerBenchStore(options.databaseUrl, "writers");
  } catch (error) {
    return notAvailable(name, "items/s", reasonOf(error), ">= 2000");
  }
  const dir = await mkdtemp(join(tmpdir(), "raadsinfo-writers-"));
  const started: Writer[] = [];
  try {
    const { schema } = store.location as { schema: string };
    for (const [i, share] of shares(docs, writers).entries()) {
      const file = join(dir, `share-${i}.json`);
      await writeFile(file, JSON.stringify(share));
      started.push(startWriter(file, options.databaseUrl, schema));
    }
    await Promise.all(started.map((w) => w.ready));
    const serverBefore = await serverCpu(store);
    const t0 = performance.now();
    for (const w of started) w.go();
    const reports = await Promise.all(started.map((w) => w.done));
    await finishImports(store.db);
    const seconds = (performance.now() - t0) / 1000;
    const nodeMs = reports.reduce((sum, r) => sum + r.cpuMs, 0);
    const cpu = cpuSplit(items, nodeMs, serverBefore, await serverCpu(store));
    await Promise.all(started.map((w) => w.end()));
    const each = reports.map((r) => `${round(r.items / (r.ms / 1000))}`).join(" + ");
    return {
      name,
      value: round(items / seconds),
      unit: "items/s",
      target: ">= 2000",
      note: `${items.toLocaleString("en")} synthetic items in ${writers} process${writers === 1 ? "" : "es"} (${each} items/s each), ${round(seconds)} s; ${cpu}`,
    };
  } catch (error) {
    return notAvailable(name, "items/s", reasonOf(error), ">= 2000");
  } finally {
    for (const w of started) w.kill();
    await rm(dir, { recursive: true, force: true });
    await store.dispose();
  }
}

/** CPU time of each of the store's server processes by pid, where this machine runs the server. */
async function serverCpu(store: BenchStore): Promise<Map<number, number> | null> {
  if (!("schema" in store.location)) return null;
  const cpu = new Map<number, number>();
  for (const pid of await backendPids(store.db, store.location.schema)) {
    const ms = await processCpuMs(pid);
    if (ms === null) return null;
    cpu.set(pid, ms);
  }
  return cpu;
}

/**
 * CPU per item in this process and in PostgreSQL: what the wall time would be on idle cores, and which
 * side a faster import must cut. PGlite runs inside this process, so there it is one figure.
 */
function cpuSplit(
  items: number,
  nodeMs: number,
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): string {
  const perItem = (ms: number) => `${round(ms / items)} ms`;
  if (!after) return `CPU per item ${perItem(nodeMs)} (Node and PGlite)`;
  // A connection opened during the run started from zero.
  let serverMs = 0;
  for (const [pid, ms] of after) serverMs += ms - (before?.get(pid) ?? 0);
  return `CPU per item: Node ${perItem(nodeMs)}, PostgreSQL ${perItem(serverMs)}`;
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [await seedsIntoPglite(options)];
  const { docs, items } = corpusDocs(options, options.quick ? 1_000 : 10_000);
  // importDocument goes row by row: a smaller start of the same corpus keeps --quick under five minutes.
  const few = firstItems(docs, options.quick ? 300 : 2_000);
  const pglite = () => openPgliteBenchStore();
  const server = () => openServerBenchStore(options.databaseUrl, "import");
  figures.push(await measure("PGlite", pglite, few.docs, few.items, "importDocument"));
  figures.push(await measure("PostgreSQL server", server, few.docs, few.items, "importDocument"));
  // Whole meetings: more items than `few`, so that each writer runs for seconds, not its start-up.
  const writerDocs = firstItems(docs, options.quick ? 1_000 : 4_000);
  for (const writers of [1, 2])
    figures.push(await measureWriters(options, writerDocs.docs, writerDocs.items, writers));
  figures.push(await measure("PGlite", pglite, docs, items, "bulk"));
  figures.push(await measure("PostgreSQL server", server, docs, items, "bulk"));
  return figures;
}
