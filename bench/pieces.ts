/**
 * @module Loads the pieces other teams build (ingest) by path at run time, so a benchmark can say "not
 * available" while a piece has not landed, instead of failing to compile or crashing the whole run.
 */
import type { ParsedDocument } from "../src/domain/index.js";
import { reasonOf } from "./figure.js";

/** The narrow shape of src/ingest/index.ts that the benchmarks use. */
export interface IngestPiece {
  readSourceFile(path: string): Promise<unknown>;
  loadIngestOptions(): Promise<unknown>;
  parseSource(source: unknown, options: unknown): ParsedDocument | Promise<ParsedDocument>;
}

export type Loaded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** src/ingest/index.ts, or why it cannot be used yet. */
export async function loadIngest(): Promise<Loaded<IngestPiece>> {
  try {
    // A variable specifier keeps tsc from requiring the file before it lands.
    const specifier = "../src/ingest/index.js";
    const module: unknown = await import(specifier);
    const m = module as Partial<IngestPiece>;
    for (const name of ["readSourceFile", "loadIngestOptions", "parseSource"] as const) {
      if (typeof m[name] !== "function") return { ok: false, reason: `src/ingest/index.ts has no ${name}()` };
    }
    return { ok: true, value: m as IngestPiece };
  } catch (error) {
    return { ok: false, reason: `src/ingest/index.ts cannot be loaded (${reasonOf(error)})` };
  }
}

/** Parses every file with the ingest piece; options are loaded once (Hunspell start-up is not parsing). */
export async function parseFiles(
  ingest: IngestPiece,
  paths: readonly string[],
): Promise<{ docs: ParsedDocument[]; parseMs: number; readMs: number; optionsMs: number }> {
  let t = performance.now();
  const options = await ingest.loadIngestOptions();
  const optionsMs = performance.now() - t;
  t = performance.now();
  const sources = await Promise.all(paths.map((p) => ingest.readSourceFile(p)));
  const readMs = performance.now() - t;
  t = performance.now();
  const docs: ParsedDocument[] = [];
  for (const source of sources) docs.push(await ingest.parseSource(source, options));
  return { docs, parseMs: performance.now() - t, readMs, optionsMs };
}
