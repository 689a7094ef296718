/**
 * @module `npm run bench [-- --quick] [-- --only NAME]`: runs every benchmark, prints one table and writes
 * bench/results.json with the machine and the date. A benchmark whose piece has not landed yet (its file,
 * or the code it measures) shows "not available" instead of stopping the run.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type BenchModule, type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { loadNow, machineInfo } from "./machine.js";
import { step } from "./progress.js";
import { markdownTable, type RowFigure, textTable } from "./table.js";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * In run order: cheap seed figures first, so a quick look needs no database server; search latency, whose
 * full run loads 100k items into both backends, last, so a long run stopped early has the rest.
 */
const BENCHMARKS = [
  "start-times",
  "parse-throughput",
  "parse-linearity",
  "ingest-accuracy",
  "real-world-accuracy",
  "annex-pack",
  "agenda-round-trip",
  "minutes-round-trip",
  "import-throughput",
  "queue-import",
  "search-relevance",
  "page-latency",
  "page-under-search",
  "scale",
  "search-latency",
] as const;

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === "object" && value !== null && typeof (value as BenchModule).run === "function";
}

async function runOne(name: string, options: BenchOptions): Promise<Figure[]> {
  let module: unknown;
  try {
    // A variable specifier: the file may not exist yet (another team's benchmark still to land).
    const specifier = `./${name}.js`;
    module = await import(specifier);
  } catch (error) {
    return [notAvailable(name, "", `bench/${name}.ts cannot be loaded (${reasonOf(error)})`)];
  }
  if (!isBenchModule(module)) return [notAvailable(name, "", `bench/${name}.ts exports no run(options)`)];
  try {
    return await module.run(options);
  } catch (error) {
    console.error(error);
    return [notAvailable(name, "", `failed: ${reasonOf(error)}`)];
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      out: { type: "string" },
      markdown: { type: "boolean", default: false },
      merge: { type: "boolean", default: false },
    },
  });
  const options: BenchOptions = {
    quick: values.quick ?? false,
    databaseUrl:
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      "postgres://postgres@127.0.0.1:5432/test",
    seedsDir: resolve(here, "..", "..", "shared", "seeds"),
    goldDir: resolve(here, "..", "..", "shared", "gold"),
  };
  const only = values.only ?? [];
  const selected = BENCHMARKS.filter((b) => only.length === 0 || only.some((o) => b.includes(o)));
  const started = new Date();
  const loadAtStart = loadNow();
  // A partial run (--only) must not replace the full run's record, which the README's table is built from,
  // unless --merge asks for it: then its benchmarks' figures replace theirs in the record, and the record
  // says which were measured again, when, and at what load.
  if (values.merge && (only.length === 0 || options.quick)) {
    console.error("bench: --merge takes --only NAME and a full run (no --quick)");
    process.exit(2);
  }
  const out =
    values.out ?? join(here, only.length > 0 && !values.merge ? "out/results-partial.json" : "results.json");
  await mkdir(dirname(out), { recursive: true });
  // The record a --merge run puts its figures into, read before anything is written over it.
  const record: FullRecord | null = values.merge
    ? (JSON.parse(await readFile(out, "utf8")) as FullRecord)
    : null;
  const rows: RowFigure[] = [];
  const results = (complete: boolean) => ({
    date: started.toISOString(),
    mode: options.quick ? "quick" : "full",
    complete,
    durationSeconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    machine: machineInfo(loadAtStart),
    figures: rows,
  });
  for (const name of selected) {
    step(`${name}${options.quick ? " (quick)" : ""}`);
    const t0 = performance.now();
    const figures = await runOne(name, options);
    step(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const f of figures) rows.push({ benchmark: name, ...f });
    // Written after every benchmark: a long full run that is stopped still leaves what it measured.
    const sofar = results(false);
    await writeFile(
      out,
      `${JSON.stringify(record ? mergedRecord(record, sofar, selected) : sofar, null, 2)}\n`,
    );
  }
  const final = results(true);
  await writeFile(
    out,
    `${JSON.stringify(record ? mergedRecord(record, final, selected) : final, null, 2)}\n`,
  );
  const { machine, durationSeconds: seconds } = final;
  const heading = `Rådsinfo benchmarks, ${final.mode} run, ${started.toISOString().slice(0, 16)}Z, ${seconds} s — ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage.start} -> ${machine.loadAverage.end}`;
  console.log(`\n${heading}\n`);
  console.log(values.markdown ? markdownTable(rows) : textTable(rows));
  console.log(`\nWritten to ${out}`);
  // Pools and servers opened by the benchmarks are closed by them; this ends stray timers of libraries.
  process.exit(0);
}

/** Where a benchmark was measured again after the full run (`--merge`). */
interface Remeasured {
  readonly benchmarks: readonly string[];
  readonly date: string;
  readonly durationSeconds: number;
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** False while the run is under way (or was stopped): not all of `benchmarks` are in yet. */
  readonly complete: boolean;
}

/** The full run's record, as bench/results.json holds it. */
interface FullRecord {
  readonly figures: RowFigure[];
  readonly remeasured?: Remeasured[];
}

/**
 * The full run's record with this run's figures in place of those of the same benchmark and name (a new
 * figure after its benchmark's last, a new benchmark at the end); figures this run did not measure again
 * (a scale step left out) stay as they were. This run is named under `remeasured`.
 */
function mergedRecord(
  record: FullRecord,
  run: {
    date: string;
    durationSeconds: number;
    complete: boolean;
    machine: { loadAverage: Remeasured["loadAverage"] };
    figures: RowFigure[];
  },
  selected: readonly string[],
): FullRecord {
  const key = (f: RowFigure) => `${f.benchmark}\u0000${f.name}`;
  const fresh = new Map(run.figures.map((f) => [key(f), f] as const));
  // A figure this run could not measure (a scale step left out) keeps the one measured before.
  const figures = record.figures.map((f) => {
    const again = fresh.get(key(f));
    return again && (again.value !== null || f.value === null) ? again : f;
  });
  for (const figure of run.figures) {
    if (record.figures.some((f) => key(f) === key(figure))) continue;
    const last = figures.findLastIndex((f) => f.benchmark === figure.benchmark);
    if (last >= 0) figures.splice(last + 1, 0, figure);
    else figures.push(figure);
  }
  const remeasured: Remeasured = {
    benchmarks: [...selected],
    date: run.date,
    durationSeconds: run.durationSeconds,
    loadAverage: run.machine.loadAverage,
    complete: run.complete,
  };
  return { ...record, figures, remeasured: [...(record.remeasured ?? []), remeasured] };
}

await main();
