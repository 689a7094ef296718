/**
 * @module Scale on the PostgreSQL server: the synthetic corpus bulk-loaded into one schema, grown from
 * size to size (10k, 100k, 1M items; 2,000 in --quick). At each size: search latency p50/p95/p99 through
 * the portal's /api/search beside the same search as one raw SQL query, meeting pages under load,
 * the portal process's peak memory, and the database size per 100,000 items.
 */

import type { ParsedDocument } from "../src/domain/index.js";
import {
  analyze,
  corpusCounts,
  meetingIds,
  rawSearchFloor,
  schemaSizeBytes,
} from "../src/store/bench-probes.js";
import { createBulkLoader } from "../src/store/bulk-load.js";
import { refreshSearchWords } from "../src/store/index.js";
import { type BenchStore, openServerBenchStore } from "./bench-store.js";
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
  for (const meeting of generateCorpus({ model, items: to, fromItems: from })) {
    batch.push(meeting.minutes.parsed);
    if (meeting.annexPack) batch.push(meeting.annexPack.parsed);
    batchItems += meeting.minutes.parsed.items.length;
    if (batchItems >= 2000) {
      loaded += (await loader.load(batch)).items;
      batch = [];
      batchItems = 0;
      p.update(loaded);
    }
  }
  if (batch.length > 0) loaded += (await loader.load(batch)).items;
  p.update(loaded);
  p.done();
  await analyze(store.db);
  // The "Mente du" word list is rebuilt on first use after a write; a live server has it warm already.
  await refreshSearchWords(store.db);
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
  for (const q of queries) {
    const t0 = performance.now();
    await rawSearchFloor(store.db, q.replace(/^-|\s-/g, " "));
    floor.push(performance.now() - t0);
  }
  figures.push(
    ...latencyFigures(
      `raw SQL search floor at ${size.label}`,
      floor,
      undefined,
      `${queries.length} queries, one SQL statement each`,
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
          `${queries.length} mixed queries through /api/search (with facets), sequential`,
        ),
      );
    }
    const ids = await meetingIds(store.db, 200);
    const urls = ids.map((id) => `${server.baseUrl}/moede/${id}`);
    if (urls.length === 0 || (await get(urls[0]!)).status !== 200) {
      figures.push(
        notAvailable(`meeting page at ${size.label} throughput`, "req/s", "meeting page not available"),
      );
    } else {
      process.stderr.write(`load test: meeting pages at ${size.label}\n`);
      const seconds = options.quick ? 5 : 20;
      figures.push(
        ...(await loadFigures(`meeting page at ${size.label}`, urls, seconds, size.label === "100k")),
      );
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
  try {
    store = await openServerBenchStore(options.databaseUrl, "scale");
  } catch (error) {
    return [notAvailable("scale", "", reasonOf(error))];
  }
  const figures: Figure[] = [];
  try {
    const queries = benchmarkQueries(seedWordModel(options.seedsDir), 200);
    let loaded = 0;
    const chosen = sizes(options);
    for (const size of options.quick ? [] : FULL.filter((s) => !chosen.includes(s))) {
      const why = `${size.label} left out of this run (BENCH_SCALE_SIZES=${process.env.BENCH_SCALE_SIZES ?? ""})`;
      figures.push(notAvailable(`search at ${size.label} p95`, "ms", why, SEARCH_TARGET[size.label]));
      if (size.label === "100k")
        figures.push(notAvailable("meeting page at 100k throughput", "req/s", why, ">= 500"));
      if (size.label === "1M") figures.push(notAvailable("server RSS peak at 1M", "MB", why, "<= 300"));
    }
    for (const size of chosen) {
      const grown = await grow(store, options, loaded, size.items);
      // The corpus ends after the meeting that reaches the size, a few items past it: go on from there.
      loaded = grown.total;
      figures.push({
        name: `bulk load up to ${size.label}`,
        value: round(grown.items / grown.seconds),
        unit: "items/s",
        note: `${grown.items.toLocaleString("en")} items in ${round(grown.seconds)} s, generation included`,
      });
      figures.push(...(await measureSize(store, size, queries, options)));
    }
  } finally {
    await store.dispose();
  }
  return figures;
}
