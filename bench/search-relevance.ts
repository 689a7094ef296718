/**
 * @module Search relevance over the five seeds: recall@10 and MRR@10 on ../shared/search-judgements.json
 * (targets >= 0.9 and >= 0.7). A result is relevant when its source file matches and its line range
 * overlaps a judged range. Runs standalone too: `node --import tsx bench/search-relevance.ts [--verbose]`.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSearchRequest, type SearchResult, search } from "../src/search/index.js";
import {
  importDocument,
  listWithheldGroups,
  refreshSearchWords,
  releaseWithheld,
  type Store,
} from "../src/store/index.js";
import { type BenchStore, openPgliteBenchStore, openServerBenchStore } from "./bench-store.js";
import { type BenchOptions, type Figure, notAvailable, reasonOf } from "./figure.js";
import { loadIngest, parseFiles } from "./pieces.js";
import { seedFiles } from "./seeds.js";
import { round } from "./stats.js";

export interface Judgement {
  readonly id: string;
  readonly q: string;
  readonly relevant: readonly { readonly file: string; readonly from: number; readonly to: number }[];
}

export interface RelevanceScore {
  readonly recall: number;
  readonly mrr: number;
  /** Rank of the first relevant result per query id (0: none in the top 10). */
  readonly ranks: Readonly<Record<string, number>>;
}

const CUTOFF = 10;

/** The judged queries of ../shared/search-judgements.json. */
export async function readJudgements(path: string): Promise<Judgement[]> {
  const data = JSON.parse(await readFile(path, "utf8")) as { queries: Judgement[] };
  return data.queries;
}

function isRelevant(result: SearchResult, judgement: Judgement): boolean {
  const { file, lineStart, lineEnd } = result.source;
  if (file === null || lineStart === null) return false;
  const end = lineEnd ?? lineStart;
  return judgement.relevant.some((r) => r.file === file && lineStart <= r.to && end >= r.from);
}

/**
 * Recall@10 (share of queries with a relevant result in the top ten) and MRR@10 over a store.
 * @example const { recall, mrr } = await scoreRelevance(store, await readJudgements(path));
 */
export async function scoreRelevance(
  store: Store,
  judgements: readonly Judgement[],
): Promise<RelevanceScore> {
  let found = 0;
  let reciprocal = 0;
  const ranks: Record<string, number> = {};
  for (const judgement of judgements) {
    const response = await search(store.db, parseSearchRequest({ q: judgement.q, pageSize: String(CUTOFF) }));
    const index = response.results.findIndex((r) => isRelevant(r, judgement));
    ranks[judgement.id] = index + 1;
    if (index >= 0) {
      found++;
      reciprocal += 1 / (index + 1);
    }
  }
  const n = Math.max(1, judgements.length);
  return { recall: found / n, mrr: reciprocal / n, ranks };
}

/** Imports the five seeds through the real ingest pipeline into a store. */
export async function importSeeds(store: Store, seedsDir: string): Promise<void> {
  const ingest = await loadIngest();
  if (!ingest.ok) throw new Error(ingest.reason);
  const files = seedFiles(seedsDir);
  const { docs } = await parseFiles(ingest.value, files);
  for (const [i, doc] of docs.entries()) {
    await importDocument(store.db, doc, { content: new Uint8Array(await readFile(files[i]!)) });
  }
  await releaseUnlinkedAnnexes(store);
  await refreshSearchWords(store.db);
}

/**
 * The seeds' four annex packs name no meeting, so their annexes are withheld as unlinked until a
 * secretariat has read them and released them (README, Importing files). The judged queries ask what a
 * reader finds in the record once that is done, so the bench releases what is withheld for that reason
 * alone; closed items and pages with a CPR number stay withheld.
 */
async function releaseUnlinkedAnnexes(store: Store): Promise<void> {
  for (const group of await listWithheldGroups(store.db, { bodies: "all" })) {
    for (const entry of group.entries) {
      if (entry.reason === "unlinked-annex") await releaseWithheld(store.db, entry.thing);
    }
  }
}

async function onBackend(
  label: string,
  open: () => Promise<BenchStore>,
  options: BenchOptions,
  judgements: readonly Judgement[],
  verbose: boolean,
): Promise<Figure[]> {
  const names = [`recall@10, five seeds, ${label}`, `MRR@10, five seeds, ${label}`];
  let store: BenchStore;
  try {
    store = await open();
  } catch (error) {
    return [
      notAvailable(names[0]!, "", reasonOf(error), ">= 0.9"),
      notAvailable(names[1]!, "", "", ">= 0.7"),
    ];
  }
  try {
    await importSeeds(store, options.seedsDir);
    const score = await scoreRelevance(store, judgements);
    if (verbose) console.log(label, score.ranks);
    const note = `${judgements.length} judged queries; first relevant rank: ${Object.values(score.ranks).join(" ")}`;
    return [
      { name: names[0]!, value: round(score.recall), unit: "", target: ">= 0.9", note },
      { name: names[1]!, value: round(score.mrr), unit: "", target: ">= 0.7", note },
    ];
  } catch (error) {
    return [
      notAvailable(names[0]!, "", reasonOf(error), ">= 0.9"),
      notAvailable(names[1]!, "", "", ">= 0.7"),
    ];
  } finally {
    await store.dispose();
  }
}

export async function run(options: BenchOptions, verbose = false): Promise<Figure[]> {
  const judgementsPath = resolve(options.seedsDir, "..", "search-judgements.json");
  let judgements: Judgement[];
  try {
    judgements = await readJudgements(judgementsPath);
  } catch (error) {
    return [notAvailable("recall@10, five seeds", "", reasonOf(error), ">= 0.9")];
  }
  return [
    ...(await onBackend("PGlite", openPgliteBenchStore, options, judgements, verbose)),
    ...(await onBackend(
      "PostgreSQL server",
      () => openServerBenchStore(options.databaseUrl, "relevance"),
      options,
      judgements,
      verbose,
    )),
  ];
}

// Standalone: `node --import tsx bench/search-relevance.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const figures = await run(
    {
      quick: process.argv.includes("--quick"),
      databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
      seedsDir: resolve(here, "..", "..", "shared", "seeds"),
      goldDir: resolve(here, "..", "..", "shared", "gold"),
    },
    process.argv.includes("--verbose"),
  );
  for (const f of figures)
    console.log(`${f.name}: ${f.value ?? "n/a"} ${f.unit} (target ${f.target}) ${f.note ?? ""}`);
  process.exit(0);
}
