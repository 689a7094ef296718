/**
 * @module Ingest accuracy on councils other than KKR: ../shared/real-world (25 excerpts of minutes and
 * agendas from many publishers) and ../shared/real-pdf (FirstAgenda minutes). Items F1, attendance F1,
 * closed markers, date and body right, overall and per file. `node --import tsx
 * bench/real-world-accuracy.ts` prints the per-file table alone.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedDocument } from "../src/domain/index.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { loadIngest } from "./pieces.js";
import { type FileScore, meanF1, type RealWorldGold, scoreFile, shareRight } from "./real-world-score.js";
import { round } from "./stats.js";

/** Each source file with its gold: `NN.txt` + `NN.json`, `name.pdf` + `name.json`. */
async function goldPairs(dir: string): Promise<{ source: string; gold: string }[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => /\.(txt|pdf|html?|docx)$/i.test(n))
    .map((n) => ({ source: join(dir, n), gold: join(dir, n.replace(/\.[^.]+$/, ".json")) }))
    .filter((p) => names.includes(basename(p.gold)))
    .sort((a, b) => a.source.localeCompare(b.source));
}

export async function scoreFolders(sharedDir: string): Promise<FileScore[]> {
  const ingest = await loadIngest();
  if (!ingest.ok) throw new Error(ingest.reason);
  const options = await ingest.value.loadIngestOptions();
  const pairs = [
    ...(await goldPairs(join(sharedDir, "real-world"))),
    ...(await goldPairs(join(sharedDir, "real-pdf"))),
  ];
  const scores: FileScore[] = [];
  for (const pair of pairs) {
    const gold = JSON.parse(await readFile(pair.gold, "utf8")) as RealWorldGold;
    const source = await ingest.value.readSourceFile(pair.source);
    const doc: ParsedDocument = await ingest.value.parseSource(source, options);
    scores.push(scoreFile(`${basename(dirname(pair.source))}/${basename(pair.source)}`, gold, doc));
  }
  return scores;
}

function f1Text(f1: number | null): string {
  return f1 === null ? "-" : f1.toFixed(2);
}

function fact(right: boolean | null): string {
  return right === null ? "-" : right ? "yes" : "NO";
}

/** One line per file, for the parser's authors. */
export function perFileTable(scores: readonly FileScore[]): string {
  const rows = scores.map((s) =>
    [
      s.file.padEnd(52),
      f1Text(s.items.f1).padStart(5),
      `${s.items.found}/${s.items.expected}`.padStart(7),
      f1Text(s.attendance?.f1 ?? null).padStart(6),
      fact(s.dateRight).padStart(5),
      fact(s.bodyRight).padStart(5),
      `${s.closedRight.right}/${s.closedRight.of}`.padStart(7),
      s.items.missing.length > 0 ? ` missing ${s.items.missing.slice(0, 2).join("; ")}` : "",
    ].join(" "),
  );
  const header = `${"file".padEnd(52)} items found/exp  atten  date  body  closed`;
  return [header, ...rows].join("\n");
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const sharedDir = resolve(options.seedsDir, "..");
  let scores: FileScore[];
  try {
    scores = await scoreFolders(sharedDir);
  } catch (error) {
    return [
      notAvailable("real-world: items F1", "F1", error instanceof Error ? error.message : String(error)),
    ];
  }
  const share = (r: { right: number; of: number }) => (r.of === 0 ? null : round(r.right / r.of, 3));
  const dates = shareRight(scores.map((s) => s.dateRight));
  const bodies = shareRight(scores.map((s) => s.bodyRight));
  const closed = scores.reduce(
    (sum, s) => ({ right: sum.right + s.closedRight.right, of: sum.of + s.closedRight.of }),
    { right: 0, of: 0 },
  );
  const itemsF1 = meanF1(scores.map((s) => s.items));
  const attendanceF1 = meanF1(scores.map((s) => s.attendance));
  const figures: Figure[] = [
    {
      name: `real-world + real-pdf: items F1 (mean of ${scores.length} files)`,
      value: itemsF1 === null ? null : round(itemsF1, 3),
      unit: "F1",
      target: ">= 0.9",
    },
    {
      name: `real-world + real-pdf: attendance F1 (mean of ${scores.filter((s) => s.attendance).length} files)`,
      value: attendanceF1 === null ? null : round(attendanceF1, 3),
      unit: "F1",
      target: ">= 0.9",
    },
    {
      name: "real-world + real-pdf: date right",
      value: share(dates),
      unit: "share",
      note: `${dates.right}/${dates.of}`,
    },
    {
      name: "real-world + real-pdf: body right",
      value: share(bodies),
      unit: "share",
      note: `${bodies.right}/${bodies.of}`,
    },
    {
      name: "real-world + real-pdf: closed right",
      value: share(closed),
      unit: "share",
      note: `${closed.right}/${closed.of} matched items`,
    },
  ];
  for (const s of scores) {
    figures.push({
      name: `  ${s.file}`,
      value: round(s.items.f1, 2),
      unit: "items F1",
      note: [
        `attendance ${f1Text(s.attendance?.f1 ?? null)}`,
        `date ${fact(s.dateRight)}`,
        `body ${fact(s.bodyRight)}`,
        ...(s.items.missing.length > 0 ? [`missing ${s.items.missing.slice(0, 1).join("")}`] : []),
      ].join(", "),
    });
  }
  return figures;
}

// Run directly: the per-file table alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const scores = await scoreFolders(resolve(here, "..", "..", "shared"));
  console.log(perFileTable(scores));
  const itemsF1 = meanF1(scores.map((s) => s.items));
  const attendanceF1 = meanF1(scores.map((s) => s.attendance));
  console.log(`\nitems F1 ${f1Text(itemsF1)}, attendance F1 ${f1Text(attendanceF1)}`);
}
