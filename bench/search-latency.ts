/**
 * @module Search latency, facets included: p50 and p95 of a mixed set of at least 200 queries (words
 * common and rare, word pairs and phrases from real titles, misspellings, filters, date sort, page 2),
 * on the seeds and on the synthetic corpus, on both backends. Target: p95 <= 50 ms at 100,000 items on
 * the PostgreSQL server. Standalone: `node --import tsx bench/search-latency.ts [--quick]`.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { ParsedDocument } from "../src/domain/index.js";
import { parseSearchRequest, search } from "../src/search/index.js";
import { refreshSearchWords, type Store } from "../src/store/index.js";
import { analyze } from "../src/store/read/bench-probes.js";
import { createBulkLoader } from "../src/store/write/bulk-load.js";
import { type BenchStore, openPgliteBenchStore, openServerBenchStore } from "./bench-store.js";
import { generateCorpus } from "./corpus/generate.js";
import { seedWordModel } from "./corpus/model.js";
import { createRng, type Rng } from "./corpus/prng.js";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { progress } from "./progress.js";
import { importSeeds, readJudgements } from "./search-relevance.js";
import { percentile, round } from "./stats.js";

/** One query of the mix: the parameters /api/search would get. */
export type LatencyQuery = Readonly<Record<string, string>>;

export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Times `search` (ranking, grouping, facets, snippets, suggestions) for each query, after a warm-up pass
 * over the first few, as a server that has been up a while would answer.
 * @example const { p50, p95 } = await measureSearchLatency(store, await mixedQueries(store, 200));
 */
export async function measureSearchLatency(
  store: Store,
  queries: readonly LatencyQuery[],
  options: { readonly warmup?: number } = {},
): Promise<LatencyFigures> {
  for (const q of queries.slice(0, options.warmup ?? 20)) await search(store.db, parseSearchRequest(q));
  const samples: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await search(store.db, parseSearchRequest(q));
    samples.push(performance.now() - t0);
  }
  return {
    count: samples.length,
    p50: percentile(samples, 50) ?? 0,
    p95: percentile(samples, 95) ?? 0,
    p99: percentile(samples, 99) ?? 0,
    max: Math.max(0, ...samples),
  };
}

const WORD = /[\p{L}]{4,}/gu;

function misspell(rng: Rng, word: string): string {
  const i = rng.int(1, word.length - 2);
  return rng.chance(0.5)
    ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * A deterministic mix of `count` queries drawn from what the store holds: its word list by frequency
 * band, words of item titles, and its bodies and years for filters.
 */
export async function mixedQueries(
  store: Store,
  count = 200,
  seed = "search-latency-1",
): Promise<LatencyQuery[]> {
  const rng = createRng(seed);
  const words = (
    await sql<{
      word: string;
    }>`select word from search_word order by doc_count desc, word limit 20000`.execute(store.db)
  ).rows.map((r) => r.word);
  const titles = (
    await sql<{ title: string }>`
      select title from agenda_item where public and not deleted order by id limit 5000`.execute(store.db)
  ).rows.map((r) => r.title);
  const bodies = (await sql<{ name: string }>`select name from body order by id`.execute(store.db)).rows.map(
    (r) => r.name,
  );
  const years = (
    await sql<{
      y: number;
    }>`select distinct extract(year from date)::int as y from meeting order by 1`.execute(store.db)
  ).rows.map((r) => String(r.y));
  if (words.length === 0) return [];
  const band = (from: number, to: number) => words[Math.min(words.length - 1, rng.int(from, to))]!;
  const titleWords = () => (titles.length > 0 ? (rng.pick(titles).match(WORD) ?? []) : []);
  const queries: LatencyQuery[] = [];
  while (queries.length < count) {
    const kind = queries.length % 10;
    const common = band(0, 200);
    const medium = band(200, 3000);
    const rare = band(3000, words.length - 1);
    switch (kind) {
      case 0:
        queries.push({ q: common });
        break;
      case 1:
        queries.push({ q: medium });
        break;
      case 2:
        queries.push({ q: rare });
        break;
      case 3: {
        const t = titleWords();
        queries.push({ q: t.length >= 2 ? `${t[0]} ${t[t.length - 1]}` : `${medium} ${common}` });
        break;
      }
      case 4: {
        const t = titleWords();
        queries.push({ q: t.length >= 2 ? `"${t[0]} ${t[1]}"` : `"${common}"` });
        break;
      }
      case 5:
        queries.push({ q: medium.length >= 5 ? misspell(rng, medium) : medium });
        break;
      case 6:
        queries.push({ q: medium, ...(years.length > 0 ? { year: rng.pick(years) } : {}) });
        break;
      case 7:
        queries.push({ q: common, kind: rng.pick(["decision", "annex", "item"]) });
        break;
      case 8:
        queries.push({ q: `${common} -${medium}`, sort: "date" });
        break;
      default:
        queries.push({ q: medium, page: "2", ...(bodies.length > 0 ? { body: rng.pick(bodies) } : {}) });
    }
  }
  return queries;
}

function figures(label: string, measured: LatencyFigures, target?: string): Figure[] {
  const note = `${measured.count} mixed queries with facets; max ${round(measured.max)} ms`;
  return [
    { name: `search p50, ${label}`, value: round(measured.p50), unit: "ms", note },
    {
      name: `search p95, ${label}`,
      value: round(measured.p95),
      unit: "ms",
      note,
      ...(target ? { target } : {}),
    },
    { name: `search p99, ${label}`, value: round(measured.p99), unit: "ms", note },
  ];
}

async function onSeeds(
  label: string,
  open: () => Promise<BenchStore>,
  options: BenchOptions,
): Promise<Figure[]> {
  const name = `seeds, ${label}`;
  let store: BenchStore | null = null;
  try {
    store = await open();
    await importSeeds(store, options.seedsDir);
    const judged = await readJudgements(resolve(options.seedsDir, "..", "search-judgements.json"));
    const queries = [...judged.map((j) => ({ q: j.q })), ...(await mixedQueries(store, 200))];
    return figures(name, await measureSearchLatency(store, queries));
  } catch (error) {
    return [notAvailable(`search p95, ${name}`, "ms", reasonOf(error))];
  } finally {
    await store?.dispose();
  }
}

/** Loads the synthetic corpus with the bulk loader, in batches, so memory stays flat at 100k items. */
async function loadCorpus(store: Store, options: BenchOptions, items: number): Promise<number> {
  const model = seedWordModel(options.seedsDir);
  const loader = createBulkLoader(store.db);
  const p = progress(`load ${items.toLocaleString("en")} items`, items);
  let batch: ParsedDocument[] = [];
  let loaded = 0;
  for (const m of generateCorpus({ model, items })) {
    batch.push(m.minutes.parsed);
    if (m.annexPack) batch.push(m.annexPack.parsed);
    if (batch.length >= 200) {
      loaded += (await loader.load(batch)).items;
      batch = [];
      p.update(loaded);
    }
  }
  if (batch.length > 0) loaded += (await loader.load(batch)).items;
  p.done();
  // The queries are drawn from the "Mente du" word list, which takes in the loaded words on its next use;
  // the statistics then count the list too, as autovacuum's would on a live server.
  await refreshSearchWords(store.db);
  await analyze(store.db);
  return loaded;
}

async function onCorpus(
  label: string,
  open: () => Promise<BenchStore>,
  options: BenchOptions,
  items: number,
  target?: string,
): Promise<Figure[]> {
  const name = `${items.toLocaleString("en")} synthetic items, ${label}`;
  let store: BenchStore | null = null;
  try {
    store = await open();
    await loadCorpus(store, options, items);
    const queries = await mixedQueries(store, 200);
    if (queries.length === 0) return [notAvailable(`search p95, ${name}`, "ms", "no words to query", target)];
    return figures(name, await measureSearchLatency(store, queries), target);
  } catch (error) {
    return [notAvailable(`search p95, ${name}`, "ms", reasonOf(error), target)];
  } finally {
    await store?.dispose();
  }
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const server = () => openServerBenchStore(options.databaseUrl, "search");
  const serverItems = options.quick ? 10_000 : 100_000;
  // PGlite loads 100k items far slower than the server; the quick run keeps it small.
  const pgliteItems = options.quick ? 2_000 : 100_000;
  return [
    ...(await onSeeds("PGlite", openPgliteBenchStore, options)),
    ...(await onSeeds("PostgreSQL server", server, options)),
    ...(await onCorpus(
      "PostgreSQL server",
      server,
      options,
      serverItems,
      serverItems >= 100_000 ? "<= 50" : undefined,
    )),
    ...(await onCorpus("PGlite", openPgliteBenchStore, options, pgliteItems)),
  ];
}

// Standalone: `node --import tsx bench/search-latency.ts [--quick]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const result = await run({
    quick: process.argv.includes("--quick"),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    seedsDir: resolve(here, "..", "..", "shared", "seeds"),
    goldDir: resolve(here, "..", "..", "shared", "gold"),
  });
  for (const f of result)
    console.log(`${f.name}: ${f.value ?? "n/a"} ${f.unit} ${f.target ?? ""} ${f.note ?? ""}`);
  process.exit(0);
}
