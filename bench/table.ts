/** @module Renders figures as a plain-text or Markdown table, and judges each against its target. */
import type { Figure } from "./figure.js";

export interface RowFigure extends Figure {
  /** The benchmark file that measured it, e.g. "parse-throughput". */
  readonly benchmark: string;
}

export type Verdict = "met" | "missed" | "";

/**
 * Compares a value with a target written as "< 1", "<= 50", ">= 2000" or "> 0.9" in the figure's unit.
 * @example verdict({ name: "x", value: 40, unit: "ms", target: "<= 50" }) // "met"
 */
export function verdict(figure: Figure): Verdict {
  if (figure.value === null || !figure.target) return "";
  const match = /^(<=|>=|<|>)\s*([\d.,_]+)/.exec(figure.target.trim());
  if (!match) return "";
  const goal = Number(match[2]!.replace(/[,_]/g, ""));
  const v = figure.value;
  const ok = { "<": v < goal, "<=": v <= goal, ">": v > goal, ">=": v >= goal }[
    match[1] as "<" | "<=" | ">" | ">="
  ];
  return ok ? "met" : "missed";
}

/** "1,234.5" for big numbers, three significant digits for small ones. */
export function formatValue(value: number | null): string {
  if (value === null) return "—";
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en");
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

function cells(f: RowFigure): string[] {
  return [
    f.benchmark,
    f.name,
    `${formatValue(f.value)} ${f.unit}`.trim(),
    f.target ? `${f.target} ${f.unit}`.trim() : "",
    verdict(f),
    f.note ?? "",
  ];
}

const HEAD = ["benchmark", "figure", "value", "target", "", "note"];

/** A table for the terminal, columns padded to width. */
export function textTable(rows: readonly RowFigure[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.min(60, Math.max(...all.map((r) => (r[i] ?? "").length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

/** The same table in Markdown, for the README's Performance section. */
export function markdownTable(rows: readonly RowFigure[]): string {
  const escapePipes = (c: string) => c.replace(/\|/g, "\\|");
  const head = ["benchmark", "figure", "value", "target", "verdict", "note"];
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${cells(r).map(escapePipes).join(" | ")} |`),
  ].join("\n");
}
