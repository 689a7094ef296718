/**
 * @module One import worker for the import-throughput benchmark, as one `raadsinfo worker` process: reads
 * its share of the synthetic corpus from a JSON file, opens the server store, says "ready", waits for "go"
 * on stdin, imports its documents one by one with importDocument, prints what it did as one JSON line,
 * and keeps its connection until the next line (or the end of stdin).
 * Usage: node --import tsx bench/import-writer.ts DOCS.json DATABASE_URL SCHEMA
 */
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { ParsedDocument } from "../src/domain/index.js";
import { importDocument, openStore } from "../src/store/index.js";

/** What a writer reports when done: its items, its wall time and its own CPU time. */
export interface WriterReport {
  readonly items: number;
  readonly ms: number;
  readonly cpuMs: number;
}

async function main(): Promise<void> {
  const [docsFile, databaseUrl, schema] = process.argv.slice(2);
  if (!docsFile || !databaseUrl || !schema)
    throw new Error("usage: import-writer DOCS.json DATABASE_URL SCHEMA");
  const docs = JSON.parse(await readFile(docsFile, "utf8")) as ParsedDocument[];
  // Named after the schema, so the benchmark finds this writer's server processes (backendPids).
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", schema);
  const store = await openStore({ databaseUrl: url.toString(), schema });
  try {
    const lines = createInterface({ input: process.stdin });
    const next = () =>
      new Promise<void>((resolve) => lines.once("line", () => resolve()).once("close", resolve));
    const go = next();
    process.stdout.write("ready\n");
    await go;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    let items = 0;
    for (const doc of docs) {
      await importDocument(store.db, doc);
      items += doc.items.length;
    }
    const used = process.cpuUsage(cpu);
    const report: WriterReport = {
      items,
      ms: performance.now() - t0,
      cpuMs: (used.user + used.system) / 1000,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
    // The connection stays until the benchmark has read its server process's CPU time.
    await next();
    lines.close();
  } finally {
    await store.close();
  }
}

await main();
