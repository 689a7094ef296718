/** @module The one shape every benchmark returns: a named figure with its unit, target and a note. */

/** One measured figure. `value: null` means the figure could not be measured in this run. */
export interface Figure {
  /** What was measured, e.g. "parse: five seeds". */
  readonly name: string;
  readonly value: number | null;
  /** "ms", "MB/s", "items/s", "F1" ... */
  readonly unit: string;
  /** The goal as text, e.g. "< 1 s"; absent where the figure is for information. */
  readonly target?: string;
  /** Why a value is missing, or what it was measured on. */
  readonly note?: string;
}

/** What `bench/run.ts` hands every benchmark's `run`. */
export interface BenchOptions {
  /** `--quick`: small sizes, so the whole run stays under five minutes on two cores. */
  readonly quick: boolean;
  /** PostgreSQL server the server figures use; each benchmark works in a fresh schema there. */
  readonly databaseUrl: string;
  /** Folder of the five seed files. */
  readonly seedsDir: string;
  /** Folder of the gold files. */
  readonly goldDir: string;
}

/** A benchmark module: `bench/<what-it-measures>.ts` exporting `run`. */
export interface BenchModule {
  run(options: BenchOptions): Promise<Figure[]>;
}

/**
 * A figure that could not be measured, with the reason, so the table shows the gap instead of crashing.
 * @example notAvailable("search p95 at 100k", "ms", "no /api/search yet", "<= 50 ms")
 */
export function notAvailable(name: string, unit: string, reason: string, target?: string): Figure {
  return { name, value: null, unit, note: `not available: ${reason}`, ...(target ? { target } : {}) };
}

/** The first line of an error's message, for a note. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
