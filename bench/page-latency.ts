/**
 * @module Page latency with the five seeds in the embedded store (PGlite): p95 and weight of every page
 * type (targets p95 <= 50 ms, < 200 kB), then the meeting and item pages under concurrency (autocannon)
 * beside the floor of a static file served by the same process. The server runs in its own process.
 */
import { readFile } from "node:fs/promises";
import { importDocument } from "../src/store/index.js";
import { samplePages } from "../src/store/read/bench-probes.js";
import { openPgliteBenchStore } from "./bench-store.js";
import { type BenchOptions, type Figure, notAvailable } from "./figure.js";
import { get, sample } from "./http-sample.js";
import { loadTest } from "./load-test.js";
import { loadIngest, parseFiles } from "./pieces.js";
import { progress } from "./progress.js";
import { seedFiles } from "./seeds.js";
import { startServer } from "./server-process.js";
import { percentile, round } from "./stats.js";

const PAGE_TYPES = ["front", "body", "meeting", "item", "person", "annex", "search"] as const;

/** Latency and weight figures of one page; "not available" when the page does not answer 200. */
export async function pageFigures(label: string, url: string | null, count: number): Promise<Figure[]> {
  const latency = `${label} page p95`;
  const weight = `${label} page weight`;
  if (url === null) {
    return [
      notAvailable(latency, "ms", "nothing of this type in the store", "<= 50"),
      notAvailable(weight, "kB", "", "< 200"),
    ];
  }
  const first = await get(url);
  if (first.status !== 200) {
    const reason = `${new URL(url).pathname} answers ${first.status}`;
    return [notAvailable(latency, "ms", reason, "<= 50"), notAvailable(weight, "kB", reason, "< 200")];
  }
  const samples = await sample(url, count);
  const gzip = await get(url, true);
  const path = new URL(url).pathname + new URL(url).search;
  return [
    {
      name: latency,
      value: round(
        percentile(
          samples.map((s) => s.ms),
          95,
        ),
      ),
      unit: "ms",
      target: "<= 50",
      note: `${path}, ${count} sequential requests, p50 ${round(
        percentile(
          samples.map((s) => s.ms),
          50,
        ),
      )} ms`,
    },
    {
      name: weight,
      value: round(first.bytes / 1000),
      unit: "kB",
      target: "< 200",
      note: `HTML without compression; ${round(gzip.bytes / 1000)} kB gzipped`,
    },
  ];
}

/** Concurrency figures (requests/s, p95) of the given URLs. */
export async function loadFigures(
  label: string,
  urls: readonly string[],
  seconds: number,
  target: boolean,
): Promise<Figure[]> {
  const result = await loadTest(urls, 10, seconds);
  const failures = result.errors + result.non2xx;
  const note = `10 connections, ${seconds} s${failures ? `, ${failures} errors or non-2xx` : ""}; p50 ${round(result.p50)} ms, p99 ${round(result.p99)} ms`;
  return [
    {
      name: `${label} throughput`,
      value: round(result.requestsPerSecond),
      unit: "req/s",
      ...(target ? { target: ">= 500" } : {}),
      note,
    },
    {
      name: `${label} p95 under load`,
      value: round(result.p95),
      unit: "ms",
      ...(target ? { target: "<= 50" } : {}),
    },
  ];
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const ingest = await loadIngest();
  if (!ingest.ok) return PAGE_TYPES.map((t) => notAvailable(`${t} page p95`, "ms", ingest.reason, "<= 50"));
  const store = await openPgliteBenchStore();
  try {
    const files = seedFiles(options.seedsDir);
    const { docs } = await parseFiles(ingest.value, files);
    for (const [i, doc] of docs.entries()) {
      await importDocument(store.db, doc, { content: new Uint8Array(await readFile(files[i]!)) });
    }
    const ids = await samplePages(store.db);
    // PGlite is one process's database: the parent lets go before the server opens the folder.
    await store.close();
    const server = await startServer(store.location);
    try {
      const at = (path: string, id: number | null) => (id === null ? null : `${server.baseUrl}${path}${id}`);
      const urls: Record<(typeof PAGE_TYPES)[number], string | null> = {
        front: `${server.baseUrl}/`,
        body: at("/organ/", ids.bodyId),
        meeting: at("/moede/", ids.meetingId),
        item: at("/punkt/", ids.itemId),
        person: at("/person/", ids.personId),
        annex: at("/bilag/", ids.annexId),
        search: `${server.baseUrl}/soeg?q=biokul`,
      };
      const count = options.quick ? 20 : 100;
      const figures: Figure[] = [];
      const p = progress("page types", PAGE_TYPES.length);
      for (const [i, type] of PAGE_TYPES.entries()) {
        figures.push(...(await pageFigures(type, urls[type], count)));
        p.update(i + 1);
      }
      p.done();
      const seconds = options.quick ? 3 : 20;
      for (const [label, url] of [
        ["meeting page (seeds)", urls.meeting],
        ["item page (seeds)", urls.item],
        ["static file floor", `${server.baseUrl}/static/site.css`],
      ] as const) {
        if (url === null || (await get(url)).status !== 200) {
          figures.push(notAvailable(`${label} throughput`, "req/s", "page not available"));
          continue;
        }
        process.stderr.write(`load test: ${label}, ${seconds} s\n`);
        figures.push(...(await loadFigures(label, [url], seconds, false)));
      }
      const memory = server.memory();
      figures.push({
        name: "server RSS peak (seeds, PGlite)",
        value: round(memory.peakMB),
        unit: "MB",
        note: "the portal process, PGlite inside it",
      });
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}
