/**
 * @module Loads the pieces other teams build (ingest) by path at run time, so a benchmark can say "not
 * available" while a piece has not landed, instead of failing to compile or crashing the whole run.
 */
import { readFileSync } from "node:fs";
import type { ParsedDocument } from "../src/domain/index.js";
import { reasonOf } from "./figure.js";

/** The narrow shape of src/ingest/index.ts that the benchmarks use. */
export interface IngestPiece {
  readSourceFile(path: string): Promise<unknown>;
  loadIngestOptions(): Promise<unknown>;
  parseSource(source: unknown, options: unknown): ParsedDocument | Promise<ParsedDocument>;
}

export type Loaded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** src/ingest/index.ts, or why it cannot be used yet. */
export async function loadIngest(): Promise<Loaded<IngestPiece>> {
  try {
    // A variable specifier keeps tsc from requiring the file before it lands.
    const specifier = "../src/ingest/index.js";
    const module: unknown = await import(specifier);
    const m = module as Partial<IngestPiece>;
    for (const name of ["readSourceFile", "loadIngestOptions", "parseSource"] as const) {
      if (typeof m[name] !== "function") return { ok: false, reason: `src/ingest/index.ts has no ${name}()` };
    }
    return { ok: true, value: m as IngestPiece };
  } catch (error) {
    return { ok: false, reason: `src/ingest/index.ts cannot be loaded (${reasonOf(error)})` };
  }
}

/**
 * CPU time of the calling thread in ms (Linux, /proc/thread-self/stat, 10 ms ticks), or null elsewhere.
 * Unlike process.cpuUsage() it leaves out V8's compiler and GC helper threads, and unlike wall time it
 * leaves out the time other processes held the core: what the work takes on an otherwise idle core.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    // utime and stime are the 14th and 15th fields; the command name before them may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Parses every file with the ingest piece; options are loaded once (Hunspell start-up is not parsing). */
export async function parseFiles(
  ingest: IngestPiece,
  paths: readonly string[],
): Promise<{
  docs: ParsedDocument[];
  parseMs: number;
  readMs: number;
  optionsMs: number;
  /** CPU time of this thread for reading and parsing, null where the platform does not tell. */
  threadMs: number | null;
}> {
  let t = performance.now();
  const options = await ingest.loadIngestOptions();
  const optionsMs = performance.now() - t;
  const cpuBefore = threadCpuMs();
  t = performance.now();
  const sources = await Promise.all(paths.map((p) => ingest.readSourceFile(p)));
  const readMs = performance.now() - t;
  t = performance.now();
  const docs: ParsedDocument[] = [];
  for (const source of sources) docs.push(await ingest.parseSource(source, options));
  const parseMs = performance.now() - t;
  const cpuAfter = threadCpuMs();
  const threadMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { docs, parseMs, readMs, optionsMs, threadMs };
}

/**
 * The worker threads' code: loads ingest and the Danish dictionary once, then reads and parses each path
 * posted to it and posts the ParsedDocument back, as the importer's parse workers do. Evaluated source, so
 * the benchmark needs no entry file of its own.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  // An evaluated thread does not run the parent's --import hooks: tsx is registered here.
  (await import(workerData.tsxUrl)).register();
  const ingest = await import(workerData.ingestUrl);
  const { threadCpuMs: cpu } = await import(workerData.piecesUrl);
  const started = performance.now();
  const options = await ingest.loadIngestOptions();
  parentPort.postMessage({ ready: performance.now() - started });
  parentPort.on("message", async (path) => {
    try {
      const before = cpu();
      const doc = await ingest.parseSource(await ingest.readSourceFile(path), options);
      const after = cpu();
      parentPort.postMessage({ path, doc, cpuMs: before === null || after === null ? null : after - before });
    } catch (error) {
      parentPort.postMessage({ path, error: String(error) });
    }
  });
})().catch((error) => parentPort.postMessage({ failed: String(error) }));
`;

/**
 * Parses the files on `threads` fresh worker threads, each taking the next file (largest first) when it
 * is free: the first parse in each thread, as `raadsinfo import` pays it on a pool of workers. Starting
 * the threads (ingest's modules and Hunspell, loaded in each) is timed apart from the parse.
 */
export async function parseFilesOnThreads(
  paths: readonly string[],
  threads: number,
): Promise<{
  docs: ParsedDocument[];
  parseMs: number;
  startMs: number;
  /** CPU time of the whole process while the threads parsed. */
  cpuMs: number;
  /** CPU time of the busiest parsing thread, null where the platform does not tell. */
  busiestThreadMs: number | null;
}> {
  const { Worker } = await import("node:worker_threads");
  const { statSync } = await import("node:fs");
  const ingestUrl = new URL("../src/ingest/index.ts", import.meta.url).href;
  const tsxUrl = import.meta.resolve("tsx/esm/api");
  const piecesUrl = import.meta.url;
  const pool: InstanceType<typeof Worker>[] = [];
  try {
    let t = performance.now();
    const ready = Array.from({ length: threads }, () => {
      const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { ingestUrl, tsxUrl, piecesUrl } });
      pool.push(worker);
      return new Promise<void>((resolve, reject) => {
        worker.once("error", reject);
        worker.once("message", (message: { ready?: number; failed?: string }) =>
          message.failed ? reject(new Error(message.failed)) : resolve(),
        );
      });
    });
    await Promise.all(ready);
    const startMs = performance.now() - t;
    const queue = [...paths].sort((a, b) => statSync(b).size - statSync(a).size);
    const docs = new Map<string, ParsedDocument>();
    const threadMs: (number | null)[] = pool.map(() => 0);
    const before = process.cpuUsage();
    t = performance.now();
    await Promise.all(
      pool.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const path = queue.shift();
              if (path === undefined) resolve();
              else worker.postMessage(path);
            };
            worker.on("error", reject);
            type Reply = { path: string; doc?: ParsedDocument; error?: string; cpuMs: number | null };
            worker.on("message", (message: Reply) => {
              if (!message.doc) return reject(new Error(`${message.path}: ${message.error}`));
              docs.set(message.path, message.doc);
              const sum = threadMs[index];
              threadMs[index] =
                sum === null || sum === undefined || message.cpuMs === null ? null : sum + message.cpuMs;
              next();
            });
            next();
          }),
      ),
    );
    const parseMs = performance.now() - t;
    const used = process.cpuUsage(before);
    return {
      docs: paths.map((path) => docs.get(path) as ParsedDocument),
      parseMs,
      startMs,
      cpuMs: (used.user + used.system) / 1000,
      busiestThreadMs: threadMs.some((ms) => ms === null) ? null : Math.max(...(threadMs as number[])),
    };
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
