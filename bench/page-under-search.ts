/**
 * @module The meeting page while heavy searches run, on the embedded store (PGlite) with the five seeds: its
 * p50 and p99 alone, then with four searches in flight the whole time (each a loop of hostile queries:
 * hundreds of two-letter words, a dozen common prefixes, a long OR chain). PGlite has one connection and
 * runs each statement on the server's only thread, so a search that is not bounded delays every page
 * behind it. Target: the page's p99 stays under 100 ms. The server runs in its own process.
 */
import { readFile } from "node:fs/promises";
import { importDocument } from "../src/store/index.js";
import { samplePages } from "../src/store/read/bench-probes.js";
import { openPgliteBenchStore } from "./bench-store.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { get, type Sample } from "./http-sample.js";
import { loadIngest, parseFiles } from "./pieces.js";
import { seedFiles } from "./seeds.js";
import { startServer } from "./server-process.js";
import { percentile, round } from "./stats.js";

/** Searches running at once while the page is sampled (the issue's report: four stalled /moede/1). */
const SEARCHES_IN_FLIGHT = 4;
const TARGET = "< 100";

const LETTERS = "abdefghiklmnoprstuvy";

/** The queries each search loop cycles through: each one costly in its own way when unbounded. */
export function heavyQueries(): string[] {
  const pairs: string[] = [];
  for (const a of LETTERS) for (const b of "aeiouy") pairs.push(a + b);
  const twoLetters = pairs.slice(0, 166).join(" ");
  const prefixes =
    "komm klim regi udvi plan besl møde punk sage bila borg erhv uddan samm arbe stra land over";
  const orChain = prefixes.split(" ").join(" OR ");
  const phrase = `"${prefixes}"`;
  return [twoLetters, prefixes, orChain, phrase, `${twoLetters} ${prefixes}`];
}

/** p50 and p99 of a set of samples, with how many were not 200. */
function summary(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms);
  return {
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    failed: samples.filter((s) => s.status !== 200).length,
  };
}

/** `count` sequential timed requests of `url`, a short pause between them as between readers' clicks. */
async function samplePage(url: string, count: number): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    out.push(await get(url));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return out;
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const names = ["meeting page p99, no searches", "meeting page p99, 4 heavy searches in flight"];
  const ingest = await loadIngest();
  if (!ingest.ok) return names.map((n) => notAvailable(n, "ms", ingest.reason, TARGET));
  const store = await openPgliteBenchStore();
  try {
    const files = seedFiles(options.seedsDir);
    const { docs } = await parseFiles(ingest.value, files);
    for (const [i, doc] of docs.entries()) {
      await importDocument(store.db, doc, { content: new Uint8Array(await readFile(files[i]!)) });
    }
    const { meetingId } = await samplePages(store.db);
    // PGlite is one process's database: the parent lets go before the server opens the folder.
    await store.close();
    if (meetingId === null) return names.map((n) => notAvailable(n, "ms", "no meeting in the seeds", TARGET));
    const server = await startServer(store.location);
    try {
      const page = `${server.baseUrl}/moede/${meetingId}`;
      const searchUrls = heavyQueries().map((q) => `${server.baseUrl}/soeg?${new URLSearchParams({ q })}`);
      const count = options.quick ? 60 : 300;
      for (let i = 0; i < 5; i++) await get(page);
      for (const url of searchUrls) await get(url);
      const alone = summary(await samplePage(page, count));

      let running = true;
      const searches: Sample[] = [];
      const loop = async (start: number) => {
        for (let i = start; running; i++) {
          searches.push(await get(searchUrls[i % searchUrls.length]!));
        }
      };
      const loops = Array.from({ length: SEARCHES_IN_FLIGHT }, (_, i) => loop(i));
      // Let the searches fill the queue before the page is timed.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const busy = summary(await samplePage(page, count));
      running = false;
      await Promise.all(loops);
      const search = summary(searches);
      const statuses = [...new Set(searches.map((s) => s.status))].sort().join(", ");
      return [
        {
          name: names[0]!,
          value: alone.p99,
          unit: "ms",
          target: TARGET,
          note: `/moede/${meetingId}, ${count} sequential requests, p50 ${alone.p50} ms${alone.failed ? `, ${alone.failed} not 200` : ""}`,
        },
        {
          name: names[1]!,
          value: busy.p99,
          unit: "ms",
          target: TARGET,
          note: `p50 ${busy.p50} ms${busy.failed ? `, ${busy.failed} not 200` : ""}; ${SEARCHES_IN_FLIGHT} loops of /soeg over ${searchUrls.length} hostile queries`,
        },
        {
          name: "heavy search p99, 4 in flight",
          value: search.p99,
          unit: "ms",
          note: `${searches.length} searches, p50 ${search.p50} ms, statuses ${statuses}`,
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}

/** `npx tsx bench/page-under-search.ts [--quick]`: this benchmark alone, its figures printed as a table. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve, dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const here = dirname(fileURLToPath(import.meta.url));
  const figures = await run({
    quick: process.argv.includes("--quick"),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    seedsDir: resolve(here, "..", "..", "shared", "seeds"),
    goldDir: resolve(here, "..", "..", "shared", "gold"),
  });
  for (const f of figures) {
    console.log(
      `${f.name}: ${f.value ?? "n/a"} ${f.unit}${f.target ? ` (target ${f.target})` : ""}  ${f.note ?? ""}`,
    );
  }
}
