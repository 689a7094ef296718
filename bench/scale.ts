/**
 * @module Scale on the PostgreSQL server: the synthetic corpus bulk-loaded into one schema, grown from
 * size to size (10k, 100k, 1M items; 2,000 in --quick). At each size: search latency p50/p95/p99 through
 * the portal's /api/search beside the same search as one raw SQL query, meeting and item pages under load,
 * the portal process's peak memory, and the database size per 100,000 items.
 */

import type { ParsedDocument } from "../src/domain/index.js";
import { refreshSearchWords } from "../src/store/index.js";
import {
  analyze,
  corpusCounts,
  meetingIds,
  openItemIds,
  rawSearchFloor,
  schemaSizeBytes,
} from "../src/store/read/bench-probes.js";
import { createBulkLoader } from "../src/store/write/bulk-load.js";
import { type BenchStore, openKeptServerBenchStore, openServerBenchStore } from "./bench-store.js";
import { generateCorpus } from "./corpus/generate.js";
import { seedWordModel } from "./corpus/model.js";
import { benchmarkQueries } from "./corpus/queries.js";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { get } from "./http-sample.js";
import { loadFigures } from "./page-latency.js";
import { progress } from "./progress.js";
import { startServer } from "./server-process.js";
import { percentile, round } from "./stats.js";

interface Size {
  readonly label: string;
  readonly items: number;
}

const FULL: readonly Size[] = [
  { label: "10k", items: 10_000 },
  { label: "100k", items: 100_000 },
  { label: "1M", items: 1_000_000 },
];
const QUICK: readonly Size[] = [{ label: "2k", items: 2_000 }];

/**
 * Searches sent before the timed ones, from another seed than the timed queries: a server that has been
 * up a while has compiled its code and warmed its pool's connections (search-latency.ts warms up too).
 */
const SEARCH_WARMUP = 20;

/** BENCH_SCALE_SIZES=10k,100k narrows a full run to the sizes that fit the time at hand. */
function sizes(options: BenchOptions): readonly Size[] {
  if (options.quick) return QUICK;
  const wanted = process.env.BENCH_SCALE_SIZES?.split(",").map((s) => s.trim());
  return wanted ? FULL.filter((s) => wanted.includes(s.label)) : FULL;
}

const SEARCH_TARGET: Record<string, string> = { "100k": "<= 50", "1M": "<= 200" };

async function grow(
  store: BenchStore,
  options: BenchOptions,
  from: number,
  to: number,
): Promise<{ items: number; total: number; seconds: number }> {
  const model = seedWordModel(options.seedsDir);
  const loader = createBulkLoader(store.db);
  const p = progress(`bulk load to ${to.toLocaleString("en")} items`, to);
  const t0 = performance.now();
  let batch: ParsedDocument[] = [];
  let batchItems = 0;
  let loaded = from;
  // One batch loads while the next is generated: the generator yields to the event loop after every
  // meeting, so the load's round trips go on, and PostgreSQL and this process use both cores.
  let loading: Promise<void> = Promise.resolve();
  const load = (docs: ParsedDocument[]) => {
    loading = loading.then(async () => {
      loaded += (await loader.load(docs)).items;
      p.update(loaded);
    });
    // Marks the chain handled until the next await, which still throws a failed load's error.
    loading.catch(() => {});
  };
  for (const meeting of generateCorpus({ model, items: to, fromItems: from })) {
    batch.push(meeting.minutes.parsed);
    if (meeting.annexPack) batch.push(meeting.annexPack.parsed);
    batchItems += meeting.minutes.parsed.items.length;
    if (batchItems >= 2000) {
      await loading;
      load(batch);
      batch = [];
      batchItems = 0;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (batch.length > 0) load(batch);
  await loading;
  p.update(loaded);
  p.done();
  // The "Mente du" list takes in the loaded words on its next use; a live server has done so already.
  await refreshSearchWords(store.db);
  await analyze(store.db);
  return { items: loaded - from, total: loaded, seconds: (performance.now() - t0) / 1000 };
}

function latencyFigures(
  name: string,
  times: readonly number[],
  target: string | undefined,
  note: string,
): Figure[] {
  return [
    { name: `${name} p50`, value: round(percentile(times, 50)), unit: "ms", note },
    { name: `${name} p95`, value: round(percentile(times, 95)), unit: "ms", ...(target ? { target } : {}) },
    { name: `${name} p99`, value: round(percentile(times, 99)), unit: "ms" },
  ];
}

async function measureSize(
  store: BenchStore,
  size: Size,
  queries: readonly string[],
  warmup: readonly string[],
  options: BenchOptions,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const counts = await corpusCounts(store.db);
  const bytes = await schemaSizeBytes(store.db);
  figures.push({
    name: `database size per 100k items at ${size.label}`,
    value: round((bytes / 1e6) * (100_000 / Math.max(1, counts.items))),
    unit: "MB",
    note: `${round(bytes / 1e9)} GB for ${counts.items.toLocaleString("en")} items, ${counts.meetings.toLocaleString("en")} meetings, ${counts.pages.toLocaleString("en")} annex pages`,
  });

  // The floor: the same words as one raw SQL query, no snippets, facets or grouping.
  const floor: number[] = [];
  // Ranking every match takes seconds a query at 1M items: the first 50 queries tell the floor there.
  const floorQueries = size.items >= 1_000_000 ? queries.slice(0, 50) : queries;
  for (const q of floorQueries) {
    const t0 = performance.now();
    await rawSearchFloor(store.db, q.replace(/^-|\s-/g, " "));
    floor.push(performance.now() - t0);
  }
  figures.push(
    ...latencyFigures(
      `raw SQL search floor at ${size.label}`,
      floor,
      undefined,
      `${floorQueries.length} queries, one SQL statement each`,
    ),
  );

  const server = await startServer(store.location);
  try {
    const probe = await get(`${server.baseUrl}/api/search?q=${encodeURIComponent(queries[0]!)}`);
    if (probe.status !== 200) {
      figures.push(
        notAvailable(
          `search p95 at ${size.label}`,
          "ms",
          `/api/search answers ${probe.status}`,
          SEARCH_TARGET[size.label],
        ),
      );
    } else {
      for (const q of warmup) await get(`${server.baseUrl}/api/search?q=${encodeURIComponent(q)}`);
      const times: number[] = [];
      const p = progress(`search at ${size.label}`, queries.length);
      for (const [i, q] of queries.entries()) {
        const s = await get(`${server.baseUrl}/api/search?q=${encodeURIComponent(q)}`);
        times.push(s.ms);
        p.update(i + 1);
      }
      p.done();
      figures.push(
        ...latencyFigures(
          `search at ${size.label}`,
          times,
          SEARCH_TARGET[size.label],
          `${queries.length} mixed queries through /api/search (with facets), sequential, after ${SEARCH_WARMUP} others`,
        ),
      );
    }
    // Meeting and item pages under load, each over 200 different pages so no one row stays hot. The load
    // generator sends no If-None-Match, so every answer is a full read and render (no 304s).
    const pages = [
      { label: "meeting page", path: "/moede/", ids: await meetingIds(store.db, 200) },
      { label: "item page", path: "/punkt/", ids: await openItemIds(store.db, 200) },
    ];
    for (const page of pages) {
      const urls = page.ids.map((id) => `${server.baseUrl}${page.path}${id}`);
      const label = `${page.label} at ${size.label}`;
      if (urls.length === 0 || (await get(urls[0]!)).status !== 200) {
        figures.push(notAvailable(`${label} throughput`, "req/s", `${page.label} not available`));
        continue;
      }
      process.stderr.write(`load test: ${page.label}s at ${size.label}\n`);
      const seconds = options.quick ? 5 : 20;
      figures.push(...(await loadFigures(label, urls, seconds, size.label === "100k")));
    }
    const memory = server.memory();
    figures.push({
      name: `server RSS peak at ${size.label}`,
      value: round(memory.peakMB),
      unit: "MB",
      ...(size.label === "1M" ? { target: "<= 300" } : {}),
      note: "the portal's Node process (PostgreSQL's own memory not counted)",
    });
  } finally {
    await server.stop();
  }
  return figures;
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  let store: BenchStore;
  // BENCH_SCALE_SCHEMA keeps the corpus in a named schema between runs: a 1M-item load takes longer
  // than the rest of the run, and a later run measures it again without loading it anew.
  const kept = process.env.BENCH_SCALE_SCHEMA;
  try {
    store = kept
      ? await openKeptServerBenchStore(options.databaseUrl, kept)
      : await openServerBenchStore(options.databaseUrl, "scale");
  } catch (error) {
    return [notAvailable("scale", "", reasonOf(error))];
  }
  const figures: Figure[] = [];
  try {
    const model = seedWordModel(options.seedsDir);
    const queries = benchmarkQueries(model, 200);
    const warmup = benchmarkQueries(model, SEARCH_WARMUP, "queries-warmup");
    let loaded = kept ? (await corpusCounts(store.db)).items : 0;
    const chosen = sizes(options);
    for (const size of options.quick ? [] : FULL.filter((s) => !chosen.includes(s))) {
      const why = `${size.label} left out of this run (BENCH_SCALE_SIZES=${process.env.BENCH_SCALE_SIZES ?? ""})`;
      figures.push(notAvailable(`search at ${size.label} p95`, "ms", why, SEARCH_TARGET[size.label]));
      if (size.label === "100k")
        figures.push(notAvailable("meeting page at 100k throughput", "req/s", why, ">= 500"));
      if (size.label === "1M") figures.push(notAvailable("server RSS peak at 1M", "MB", why, "<= 300"));
    }
    for (const size of chosen) {
      // The corpus ends after the meeting that reaches a size, a few items past it.
      const passed = loaded > size.items + 1_000;
      if (passed) {
        const why = `the kept schema ${kept} holds ${loaded.toLocaleString("en")} items, past ${size.label}`;
        figures.push(notAvailable(`search at ${size.label} p95`, "ms", why, SEARCH_TARGET[size.label]));
        continue;
      }
      if (loaded < size.items) {
        const grown = await grow(store, options, loaded, size.items);
        loaded = grown.total;
        figures.push({
          name: `bulk load up to ${size.label}`,
          value: round(grown.items / grown.seconds),
          unit: "items/s",
          note: `${grown.items.toLocaleString("en")} items in ${round(grown.seconds)} s, generation included`,
        });
      }
      figures.push(...(await measureSize(store, size, queries, warmup, options)));
    }
  } finally {
    await store.dispose();
  }
  return figures;
}
