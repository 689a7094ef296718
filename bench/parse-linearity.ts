/**
 * @module Parse time per MB at 1, 10 and 50 MB of text (1 and 10 with --quick), built in memory from the
 * text seeds in two shapes (seed 004 repeated, all seeds in turn), and for each the ratio of the largest
 * size's time per MB to the smallest's: flat (under about 1.5) when parsing is linear in the text, as
 * issue 11 asks ("Seed 004 copied to 2 MB parses in 11 s, to 5 MB in 59 s, to 10 MB in 117 s").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { loadIngest } from "./pieces.js";
import { step } from "./progress.js";
import { median, round } from "./stats.js";

const MB = 1e6;

/** A text to grow: which seeds, repeated in turn. */
interface Shape {
  readonly name: string;
  readonly seeds: readonly string[];
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const sizes = options.quick ? [1, 10] : [1, 10, 50];
  const ratioName = (shape: string) =>
    `parse time per MB, ${sizes[sizes.length - 1]} MB over ${sizes[0]} MB, ${shape}`;
  const seeds = seedTexts(options.seedsDir);
  // Seed 004 alone is the text of issue 11 (one long meeting whose last item grows with every copy);
  // all seeds in turn mix minutes and annex packs.
  const shapes: Shape[] = [
    {
      name: "seed 004 repeated",
      seeds: seeds.filter((seed) => seed.name.startsWith("004")).map((s) => s.text),
    },
    { name: "all seeds in turn", seeds: seeds.map((s) => s.text) },
  ];
  const ingest = await loadIngest();
  if (!ingest.ok || seeds.length === 0) {
    const reason = ingest.ok ? `no .txt seeds in ${options.seedsDir}` : ingest.reason;
    return shapes.flatMap((shape) => [
      ...sizes.map((size) => notAvailable(`parse time per MB, ${size} MB, ${shape.name}`, "s/MB", reason)),
      notAvailable(ratioName(shape.name), "ratio", reason, "< 1.5"),
    ]);
  }
  const parseOptions = await ingest.value.loadIngestOptions();
  const parse = async (bytes: Uint8Array, file: string) =>
    ingest.value.parseSource({ file, bytes, sha256: "" }, parseOptions);
  // One parse first, not counted: the first one pays for compiling the parser (JIT), which would make
  // the smallest size look slow per MB and flatter the ratio.
  await parse(
    textOf(
      seeds.map((s) => s.text),
      1 * MB,
    ),
    "warm-up.txt",
  );

  const figures: Figure[] = [];
  for (const shape of shapes) {
    if (shape.seeds.length === 0) {
      figures.push(notAvailable(ratioName(shape.name), "ratio", "seed 004 is missing", "< 1.5"));
      continue;
    }
    const wallPerMb: number[] = [];
    const cpuPerMb: number[] = [];
    for (const size of sizes) {
      const bytes = textOf(shape.seeds, size * MB);
      const mb = bytes.length / MB;
      // Small sizes are parsed a few times and the median kept: a single second-long run on a shared
      // machine is at the mercy of whatever else runs.
      const runs = Math.min(3, Math.ceil(10 / size));
      const walls: number[] = [];
      const cpus: number[] = [];
      let items = 0;
      let pages = 0;
      for (let run = 0; run < runs; run++) {
        step(`parse-linearity: ${shape.name}, ${round(mb)} MB${runs > 1 ? ` (${run + 1} of ${runs})` : ""}`);
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const doc = await parse(bytes, `linearity-${size}mb.txt`);
        walls.push((performance.now() - started) / 1000);
        const cpu = process.cpuUsage(cpuBefore);
        // CPU time of the whole process: what the parse costs, whatever else holds the cores.
        cpus.push((cpu.user + cpu.system) / 1e6);
        items = doc.items.length;
        pages = doc.source.pages;
      }
      const wall = median(walls) as number;
      const cpuSeconds = median(cpus) as number;
      wallPerMb.push(wall / mb);
      cpuPerMb.push(cpuSeconds / mb);
      figures.push({
        name: `parse time per MB, ${size} MB, ${shape.name}`,
        value: round(wall / mb),
        unit: "s/MB",
        note: `${round(mb)} MB in ${round(wall)} s${runs > 1 ? ` (median of ${runs})` : ""}, CPU ${round(cpuSeconds / mb)} s/MB; ${items} items, ${pages} pages; RSS ${Math.round(process.memoryUsage().rss / MB)} MB`,
      });
    }
    const ratio = (perMb: readonly number[]) => (perMb[perMb.length - 1] as number) / (perMb[0] as number);
    figures.push({
      name: ratioName(shape.name),
      value: round(ratio(wallPerMb)),
      unit: "ratio",
      target: "< 1.5",
      note: `wall time, flat (about 1) when parsing is linear in the text; by CPU time ${round(ratio(cpuPerMb))}`,
    });
  }
  return figures;
}

/** The text seeds, in name order (PDF and DOCX seeds are left out: the sizes are of text). */
function seedTexts(seedsDir: string): { name: string; text: string }[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), "utf8") }));
}

/**
 * At least `bytes` bytes of UTF-8 text: the seeds one after another, over and over, so the text mixes
 * minutes and annex packs with their pages, headers, lists and tables as the seeds have them.
 */
function textOf(seeds: readonly string[], bytes: number): Uint8Array {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const seed = seeds[index % seeds.length] as string;
    parts.push(seed);
    size += Buffer.byteLength(seed) + 1;
  }
  return new TextEncoder().encode(parts.join("\n"));
}
