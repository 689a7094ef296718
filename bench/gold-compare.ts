/** @module Scoring a ParsedDocument against the gold files: F1 over keyed entries, hyphen joins, amounts. */
import type { ParsedAmount } from "../src/domain/index.js";

export interface Score {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly expected: number;
  readonly found: number;
  /** Expected keys that were not found: the note of a figure names the first few. */
  readonly missing: readonly string[];
}

/**
 * F1 of two multisets of keys: each expected key matches at most one found key.
 * @example f1Score(["1.1|A"], ["1.1|A", "1.2|B"]).f1 // 0.667
 */
export function f1Score(expected: readonly string[], found: readonly string[]): Score {
  const pool = new Map<string, number>();
  for (const k of found) pool.set(k, (pool.get(k) ?? 0) + 1);
  let hits = 0;
  const missing: string[] = [];
  for (const k of expected) {
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      hits++;
      pool.set(k, n - 1);
    } else missing.push(k);
  }
  const precision = found.length === 0 ? 0 : hits / found.length;
  const recall = expected.length === 0 ? 1 : hits / expected.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, expected: expected.length, found: found.length, missing };
}

/** Whitespace collapsed and trimmed: gold titles and parsed titles differ in nothing else that matters. */
export function norm(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The first `n` whitespace-separated words, as the gold files' `...StartsWith` fields are written. */
export function firstWords(text: string | null | undefined, n = 8): string | null {
  if (!text) return null;
  return norm(text).split(" ").slice(0, n).join(" ");
}

export interface GoldHyphenJoin {
  readonly line: number;
  readonly joined: string;
}

/**
 * Whether the cleaned text joined a line-end hyphen as the gold says. The seed line gives the two halves
 * ("ud-" / "viklingsgruppe"); the join is right when the gold form is in the text and no wrong form is
 * ("ud-viklingsgruppe", "ud- viklingsgruppe", or "AnnaMarie" where the hyphen is real).
 */
export function hyphenJoinRight(seedLines: readonly string[], join: GoldHyphenJoin, text: string): boolean {
  const line = (seedLines[join.line - 1] ?? "").trimEnd();
  // The head starts at a letter or digit: a quote before it ("egenme-, seed 004 line 1350) is not part of the word.
  const head = /([\p{L}\p{N}][\p{L}\p{N}-]*)-$/u.exec(line)?.[1];
  let next = "";
  for (let i = join.line; i < seedLines.length && i < join.line + 4; i++) {
    if ((seedLines[i] ?? "").trim()) {
      next = (seedLines[i] ?? "").trim();
      break;
    }
  }
  // Letters, digits and inner hyphens only: a closing quote after the word (seed 004 line 1351) is not part of it.
  const tail = /^([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(next)?.[1];
  if (!text.includes(join.joined)) return false;
  if (!head || !tail) return true;
  const closed = `${head}${tail}`;
  const open = `${head}-${tail}`;
  const wrong = [`${head}- ${tail}`, `${head}-\n${tail}`, join.joined === closed ? open : closed];
  return !wrong.some((w) => w !== join.joined && text.includes(w));
}

export interface GoldAmount {
  readonly line: number;
  readonly text: string;
  readonly valueDKK: number;
}

/** Gold amounts found with the same value within two lines of the gold line (each parsed one used once). */
export function amountsRight(gold: readonly GoldAmount[], parsed: readonly ParsedAmount[]): number {
  const used = new Set<number>();
  let right = 0;
  for (const g of gold) {
    const index = parsed.findIndex(
      (p, i) => !used.has(i) && p.valueDKK === g.valueDKK && Math.abs(p.source.line - g.line) <= 2,
    );
    if (index >= 0) {
      used.add(index);
      right++;
    }
  }
  return right;
}
