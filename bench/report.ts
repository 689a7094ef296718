/**
 * @module Prints bench/results.json (or the file named) as the Markdown table of the README's
 * Performance section: `node --import tsx bench/report.ts [results.json]`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MachineInfo } from "./machine.js";
import { markdownTable, type RowFigure } from "./table.js";

interface Results {
  readonly date: string;
  readonly mode: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  readonly figures: readonly RowFigure[];
  /** Benchmarks measured again after the run (`npm run bench -- --only NAME --merge`). */
  readonly remeasured?: readonly {
    readonly benchmarks: readonly string[];
    readonly date: string;
    readonly loadAverage: { readonly start: number; readonly end: number };
  }[];
}

const path = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "results.json");
const results = JSON.parse(readFileSync(path, "utf8")) as Results;
const m = results.machine;
console.log(
  `${results.mode === "quick" ? "Quick" : "Full"} run of ${results.date.slice(0, 16).replace("T", " ")} UTC, ${Math.round(results.durationSeconds / 60)} min, on ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}${m.loadAverage ? `, one-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end` : ""}.\n`,
);
for (const again of results.remeasured ?? []) {
  console.log(
    `Measured again on ${again.date.slice(0, 16).replace("T", " ")} UTC, at a load average of ${again.loadAverage.start} to ${again.loadAverage.end}: ${again.benchmarks.join(", ")}.\n`,
  );
}
console.log(markdownTable(results.figures));
