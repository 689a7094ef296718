/**
 * @module Scores one parse against the hand-made gold of ../shared/real-world and ../shared/real-pdf:
 * items (number and title as printed), attendance (present, absent, substitute pairs), closed markers,
 * meeting date and body. Shared by the benchmark and by `bench/real-world-report.ts`, the per-file view
 * the parser's authors read while they work.
 */
import type { ParsedDocument } from "../src/domain/index.js";
import { f1Score, type Score } from "./gold-compare.js";

/** The gold shape both folders share (real-pdf nests the date under `meeting`). */
export interface RealWorldGold {
  readonly body: string | null;
  readonly kind: string;
  readonly date?: string | null;
  readonly meeting?: { readonly date?: string | null };
  readonly items: readonly { number: string | null; title: string; closed: boolean }[];
  readonly attendance?: {
    readonly present: readonly string[];
    readonly absent: readonly string[];
    readonly substitutes: readonly { name: string; for: string | null }[] | null;
  } | null;
}

export interface FileScore {
  readonly file: string;
  readonly items: Score;
  /** Null where the gold records no attendance statement. */
  readonly attendance: Score | null;
  /** Matched items whose closed flag agrees with the gold. */
  readonly closedRight: { right: number; of: number };
  readonly dateRight: boolean | null;
  readonly bodyRight: boolean | null;
}

/** Case, spacing, dashes and trailing punctuation do not count; the words and their order do. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/[\s.:;,]+$/, "")
    .trim();
}

function normaliseName(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLowerCase();
}

/** f1Score, except that finding nothing where nothing is expected is a perfect score. */
function f1OrPerfect(expected: readonly string[], found: readonly string[]): Score {
  if (expected.length === 0 && found.length === 0) {
    return { f1: 1, precision: 1, recall: 1, expected: 0, found: 0, missing: [] };
  }
  return f1Score(expected, found);
}

function itemKey(number: string | null, title: string): string {
  return `${number ?? "-"}|${normaliseTitle(title)}`;
}

/** A body is right when the names agree ignoring case, or one is the other with a place added. */
function sameBody(gold: string, found: string | null): boolean {
  if (!found) return false;
  const a = normaliseTitle(gold);
  const b = normaliseTitle(found);
  return a === b || b.startsWith(`${a} `) || b.startsWith(`${a},`) || b.endsWith(` ${a}`);
}

export function scoreFile(file: string, gold: RealWorldGold, doc: ParsedDocument): FileScore {
  const expectedItems = gold.items.map((i) => itemKey(i.number, i.title));
  const foundItems = doc.items.map((i) => itemKey(i.number ?? null, i.title));
  const closedRight = { right: 0, of: 0 };
  for (const g of gold.items) {
    const found = doc.items.find((i) => itemKey(i.number ?? null, i.title) === itemKey(g.number, g.title));
    if (!found) continue;
    closedRight.of++;
    if (Boolean(found.closed) === g.closed) closedRight.right++;
  }
  let attendance: Score | null = null;
  if (gold.attendance) {
    const expected = [
      ...gold.attendance.present.map((n) => `present|${normaliseName(n)}`),
      ...gold.attendance.absent.map((n) => `absent|${normaliseName(n)}`),
      ...(gold.attendance.substitutes ?? [])
        .filter((s) => s.for !== null)
        .map((s) => `substitute|${normaliseName(s.name)}|${normaliseName(s.for ?? "")}`),
    ];
    const found = [
      ...doc.attendance.present.map((a) => `present|${normaliseName(a.name)}`),
      ...doc.attendance.absent.map((a) => `absent|${normaliseName(a.name)}`),
      ...doc.attendance.present
        .filter((a) => a.substituteFor)
        .map((a) => `substitute|${normaliseName(a.name)}|${normaliseName(a.substituteFor ?? "")}`),
    ];
    attendance = f1OrPerfect(expected, found);
  }
  const goldDate = gold.date !== undefined ? gold.date : (gold.meeting?.date ?? null);
  return {
    file,
    items: f1OrPerfect(expectedItems, foundItems),
    attendance,
    closedRight,
    dateRight: goldDate === null ? null : doc.meeting?.date === goldDate,
    bodyRight: gold.body === null ? null : sameBody(gold.body, doc.body),
  };
}

/** Mean F1 over the files that have the figure; null where none has. */
export function meanF1(scores: readonly (Score | null)[]): number | null {
  const present = scores.filter((s): s is Score => s !== null);
  if (present.length === 0) return null;
  return present.reduce((sum, s) => sum + s.f1, 0) / present.length;
}

/** Share of files whose fact is right, over the files whose gold gives the fact. */
export function shareRight(facts: readonly (boolean | null)[]): { right: number; of: number } {
  const known = facts.filter((f): f is boolean => f !== null);
  return { right: known.filter(Boolean).length, of: known.length };
}
