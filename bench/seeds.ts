/** @module The seed and gold files in ../shared, found by their three-digit prefix. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Absolute paths of the seed files, in name order. */
export function seedFiles(seedsDir: string): string[] {
  return readdirSync(seedsDir)
    .filter((f) => /\.(txt|pdf|docx)$/.test(f))
    .sort()
    .map((f) => join(seedsDir, f));
}

/** The file in `dir` whose name starts with `prefix` ("004"), or null. */
export function byPrefix(dir: string, prefix: string): string | null {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  return name ? join(dir, name) : null;
}
