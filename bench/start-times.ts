/**
 * @module How long the raadsinfo command takes to start, as a user waits for it: --version and --help,
 * parse of one seed, serve answering its first page on a store with the seeds, and re-importing the
 * unchanged seeds; each beside `node -e ''`, the floor any Node command pays. Medians of a few runs of the
 * compiled bin/raadsinfo.js (npm run build first).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { step } from "./progress.js";
import { seedFiles } from "./seeds.js";
import { median, round } from "./stats.js";

const BIN = fileURLToPath(new URL("../bin/raadsinfo.js", import.meta.url));
const ENV = { ...process.env, DATABASE_URL: "", RAADSINFO_DATA_DIR: "" };

/** Seconds one run of `node ARGS` takes, to its exit. */
function timeRun(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env: ENV, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")}: ${result.stderr.split("\n")[0]}`);
  return (performance.now() - start) / 1000;
}

function medianOf(times: number, measure: () => number): number {
  return median(Array.from({ length: times }, measure)) ?? Number.NaN;
}

/** Seconds from starting serve to its first 200 for /moede/1, then stops it with SIGTERM. */
async function firstPage(dataDir: string, port: number): Promise<number> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, "serve", "--data-dir", dataDir, "--port", String(port), "--host", "127.0.0.1", "--no-demo"],
    { env: ENV, stdio: "ignore" },
  );
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error("serve ended before it answered");
      const answered = await fetch(`http://127.0.0.1:${port}/moede/1`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (answered) return (performance.now() - start) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const repeats = options.quick ? 3 : 7;
  const seed = seedFiles(options.seedsDir).find((f) => f.includes("004_")) ?? "";
  try {
    timeRun([BIN, "--version"]);
  } catch (error) {
    return [notAvailable("raadsinfo --version", "s", `${reasonOf(error)} (run npm run build)`, "< 0.3")];
  }
  step("start times: --version, --help, parse, serve, re-import");
  const node = medianOf(repeats, () => timeRun(["-e", ""]));
  const note = `median of ${repeats}; node -e '' takes ${round(node, 3)} s here`;
  const figures: Figure[] = [
    { name: "start: node -e '' (the floor)", value: round(node, 3), unit: "s" },
    {
      name: "start: raadsinfo --version",
      value: round(
        medianOf(repeats, () => timeRun([BIN, "--version"])),
        3,
      ),
      unit: "s",
      target: "< 0.3",
      note,
    },
    {
      name: "start: raadsinfo --help",
      value: round(
        medianOf(repeats, () => timeRun([BIN, "--help"])),
        3,
      ),
      unit: "s",
      target: "< 0.3",
      note,
    },
    {
      name: "start: raadsinfo parse (seed 004) --json",
      value: round(
        medianOf(repeats, () => timeRun([BIN, "parse", seed, "--json"])),
        3,
      ),
      unit: "s",
      target: "< 1",
      note: "the whole command: start, Danish dictionary, read, parse, print",
    },
  ];
  const dir = await mkdtemp(join(tmpdir(), "raadsinfo-bench-start-"));
  try {
    const dataDir = join(dir, "data");
    timeRun([BIN, "import", options.seedsDir, "--data-dir", dataDir]);
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const pages: number[] = [];
    for (let i = 0; i < Math.min(repeats, 5); i++) pages.push(await firstPage(dataDir, port));
    figures.push({
      name: "start: serve to its first meeting page (seeds store)",
      value: round(median(pages) ?? Number.NaN, 2),
      unit: "s",
      target: "< 3",
      note: `median of ${pages.length}; PGlite store with the five seeds`,
    });
    figures.push({
      name: "re-import of the five unchanged seeds",
      value: round(
        medianOf(3, () => timeRun([BIN, "import", options.seedsDir, "--data-dir", dataDir])),
        2,
      ),
      unit: "s",
      note: "known bytes are recognised by their hash before parsing",
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
