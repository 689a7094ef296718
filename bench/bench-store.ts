/** @module Stores for benchmarks: PGlite in a temporary folder, or the server in a fresh schema, dropped after. */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "../src/store/index.js";
import { dropSchema } from "../src/store/read/bench-probes.js";

export interface BenchStore extends Store {
  /** How a child server process opens the same store. */
  readonly location: { readonly dataDir: string } | { readonly databaseUrl: string; readonly schema: string };
  /** Closes and removes the store (folder or schema). */
  dispose(): Promise<void>;
}

/** PGlite on disk in a temporary folder, as `raadsinfo` runs by default. */
export async function openPgliteBenchStore(): Promise<BenchStore> {
  const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-bench-"));
  const store = await openStore({ dataDir });
  return {
    ...store,
    location: { dataDir },
    dispose: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server in a fresh schema "bench_<random>". */
export async function openServerBenchStore(databaseUrl: string, label: string): Promise<BenchStore> {
  const schema = `bench_${label}_${randomBytes(4).toString("hex")}`;
  // Named after the schema, so a benchmark can find its own server processes (backendPids).
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", schema);
  const store = await openStore({ databaseUrl: url.toString(), schema });
  return {
    ...store,
    location: { databaseUrl, schema },
    dispose: async () => {
      await dropSchema(store.db, schema);
      await store.close();
    },
  };
}

/** The server in a named schema that outlives the run: made if missing, never dropped. */
export async function openKeptServerBenchStore(databaseUrl: string, schema: string): Promise<BenchStore> {
  const store = await openStore({ databaseUrl, schema });
  return { ...store, location: { databaseUrl, schema }, dispose: () => store.close() };
}
