/** @module Parse throughput on the five seeds: seconds for all five together (target < 1 s) and MB/s. */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { loadIngest, parseFiles, parseFilesOnThreads } from "./pieces.js";
import { seedFiles } from "./seeds.js";
import { median, round } from "./stats.js";
import { writeSyntheticFiles } from "./synthetic-files.js";

export async function run(options: BenchOptions): Promise<Figure[]> {
  const ingest = await loadIngest();
  if (!ingest.ok) {
    return [
      notAvailable("five seeds parsed, first run", "s", ingest.reason, "< 1"),
      notAvailable("parse throughput", "MB/s", ingest.reason),
    ];
  }
  const files = seedFiles(options.seedsDir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  // The first run pays for JIT warm-up, as `raadsinfo import` does; later runs show the steady state.
  const firstBefore = process.cpuUsage();
  const first = await parseFiles(ingest.value, files);
  const firstUsed = process.cpuUsage(firstBefore);
  const repeats: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < (options.quick ? 3 : 7); i++) {
    // CPU time of this process beside wall time: on a shared machine the wall time also counts the
    // time other processes held the cores, the CPU time is what parsing itself costs.
    const before = process.cpuUsage();
    const again = await parseFiles(ingest.value, files);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    repeats.push(again.parseMs + again.readMs);
  }
  const firstSeconds = (first.parseMs + first.readMs) / 1000;
  const warm = median(repeats)! / 1000;
  const mb = bytes / 1e6;
  const note = `${files.length} files, ${round(mb)} MB; read + extract + clean + recognise`;
  // The importer parses on a pool of worker threads, one per core: each thread's first files pay its own
  // warm-up, and the files are shared out among the threads. Measured after the runs above, in fresh threads.
  const threads = availableParallelism();
  const pooled = await parseFilesOnThreads(files, threads);
  const synthetic = await writeSyntheticFiles(options.seedsDir, options.quick ? 200 : 2_000);
  let syntheticSeconds: number;
  try {
    const parsed = await parseFiles(ingest.value, synthetic.paths);
    syntheticSeconds = (parsed.parseMs + parsed.readMs) / 1000;
  } finally {
    await synthetic.dispose();
  }
  return [
    {
      name: "five seeds parsed, first run",
      value: round(firstSeconds),
      unit: "s",
      target: "< 1",
      note: `${note}; one thread, after Hunspell is loaded`,
    },
    {
      name: "five seeds parsed, first run, CPU time of the parsing thread",
      value: first.threadMs === null ? null : round(first.threadMs / 1000),
      unit: "s",
      target: "< 1",
      note: `what the first run takes on an otherwise idle core; the whole process used ${round((firstUsed.user + firstUsed.system) / 1e6)} s CPU (compiler and GC threads too)`,
    },
    {
      name: `five seeds parsed, first run on ${threads} worker threads (as import)`,
      value: round(pooled.parseMs / 1000),
      unit: "s",
      target: "< 1",
      note: `fresh threads, largest file first to a free thread; ${round(pooled.cpuMs / 1000)} s CPU in all; starting the threads (ingest and Hunspell in each) ${Math.round(pooled.startMs)} ms, not counted`,
    },
    {
      name: `five seeds parsed, first run on ${threads} worker threads, CPU time of the busiest thread`,
      value: pooled.busiestThreadMs === null ? null : round(pooled.busiestThreadMs / 1000),
      unit: "s",
      target: "< 1",
      note: "what the pooled first run takes on otherwise idle cores",
    },
    { name: "five seeds parsed, warm (median)", value: round(warm), unit: "s", target: "< 1" },
    {
      name: "five seeds parsed, warm, CPU time (median)",
      value: round(median(cpu)! / 1000),
      unit: "s",
      target: "< 1",
      note: "what the parse costs on an otherwise idle core",
    },
    { name: "parse throughput, warm", value: round(mb / warm), unit: "MB/s" },
    {
      name: "parse throughput, synthetic text files",
      value: round(synthetic.bytes / 1e6 / syntheticSeconds),
      unit: "MB/s",
      note: `${synthetic.paths.length} files, ${round(synthetic.bytes / 1e6)} MB in the seeds' layout`,
    },
    {
      name: "ingest options load (Hunspell)",
      value: round(first.optionsMs),
      unit: "ms",
      note: "once per process, not counted above",
    },
  ];
}
