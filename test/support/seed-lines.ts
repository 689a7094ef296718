/** @module Seed files read as extracted lines, for tests that quote real lines of the seeds. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { extractText } from "../../src/ingest/extract/text.js";
import type { SourceLine } from "../../src/ingest/types.js";
import { goldPath, seedPath } from "./seeds.js";

const cache = new Map<string, readonly SourceLine[]>();

/** All lines of a seed ("004") as `extractText` gives them. */
export function seedLines(name: string): readonly SourceLine[] {
  let lines = cache.get(name);
  if (!lines) {
    const path = seedPath(name);
    lines = extractText({ file: basename(path), bytes: readFileSync(path), sha256: "" }).lines;
    cache.set(name, lines);
  }
  return lines;
}

/** The text of one 1-based line of a seed. */
export function seedLine(name: string, line: number): string {
  const found = seedLines(name)[line - 1];
  if (!found) throw new Error(`seed ${name} has no line ${line}`);
  return found.text;
}

/** Lines `from`..`to` (1-based, inclusive) of a seed. */
export function seedRange(name: string, from: number, to: number): readonly SourceLine[] {
  return seedLines(name).slice(from - 1, to);
}

/** The parsed gold file of a seed ("004"). */
export function gold<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(goldPath(name), "utf8")) as T;
}
