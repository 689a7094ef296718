/**
 * @module What `raadsinfo import` prints: progress on stderr while it runs (a bar on a terminal, a line a
 * file when piped), then on stdout every file found with what became of it, the warnings, and a summary
 * line; or one JSON report with --json. The same rendering serves a local run and one handed to serve.
 */
import { relative, sep } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type { ParseWarning } from "../domain/index.js";
import { countOutcomes, type FileReport, type ImportEvent } from "../importer/import-report.js";
import { plural } from "./plural.js";
import { formatTable } from "./summary-table.js";

export interface ImportOutputOptions {
  readonly json?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** Where progress goes (stderr); a terminal gets a bar, anything else a line per file. */
  readonly progress: NodeJS.WriteStream;
  readonly out: NodeJS.WritableStream;
  readonly errors: NodeJS.WritableStream;
}

/** Collects a run's events and renders them. */
export class ImportOutput {
  private readonly reports: FileReport[] = [];
  private bar: SingleBar | null = null;
  private store = "";
  private stopped = false;
  private done = 0;

  constructor(private readonly options: ImportOutputOptions) {}

  /** Takes one event of the run; draws progress. */
  readonly onEvent = (event: ImportEvent): void => {
    const { progress } = this.options;
    switch (event.type) {
      case "start":
        this.store = event.store;
        if (progress.isTTY && event.total > 0) {
          this.bar = new SingleBar(
            {
              format: "Importing [{bar}] {value}/{total} files | {file}",
              hideCursor: true,
              stream: progress,
            },
            Presets.shades_classic,
          );
          this.bar.start(event.total, 0, { file: "" });
        } else {
          progress.write(`Importing ${plural(event.total, "file")} into ${event.store}\n`);
        }
        return;
      case "reading":
        this.bar?.update(this.done, { file: displayPath(event.path) });
        return;
      case "progress": {
        // OCR takes seconds a page: the bar names the page it is on, a pipe gets a line a page.
        const step = `OCR page ${event.done} of ${event.of}`;
        if (this.bar) this.bar.update(this.done, { file: `${displayPath(event.path)} (${step})` });
        else progress.write(`[${event.index}/${event.total}] ${step} ${displayPath(event.path)}\n`);
        return;
      }
      case "file":
        this.reports.push(event.report);
        if (event.report.outcome === "skipped") return;
        this.done = event.index;
        if (this.bar) this.bar.update(event.index);
        else
          progress.write(
            `[${event.index}/${event.total}] ${event.report.outcome} ${displayPath(event.report.path)}\n`,
          );
        return;
      case "done":
        this.stopped = event.stopped;
        this.bar?.stop();
        this.bar = null;
        return;
    }
  };

  /** Prints the report; returns the exit code (1 when a file failed or the run stopped early). */
  finish(): number {
    this.bar?.stop();
    const { out, errors } = this.options;
    // Files end in the order their jobs do; the table lists them in the order they were found.
    this.reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const counts = countOutcomes(this.reports);
    const failed = counts.failed > 0 || this.stopped;
    if (this.options.json) {
      // "queued" only after --detach: the report's shape stays as it was for a run that waited.
      const { queued, ...waited } = counts;
      const report = {
        store: this.store,
        stopped: this.stopped,
        counts: queued > 0 ? counts : waited,
        files: this.reports,
      };
      out.write(`${JSON.stringify(report, null, 2)}\n`);
      return failed ? 1 : 0;
    }
    if (this.reports.length > 0) out.write(`${formatTable(HEADERS, this.reports.map(row))}\n`);
    const warned = this.reports.filter((r) => r.warnings.length > 0);
    if (warned.length > 0) {
      const count = warned.reduce((n, r) => n + r.warnings.length, 0);
      const how = this.options.verbose ? "" : " (--verbose shows each in full)";
      out.write(`\n${plural(count, "warning")}${how}:\n`);
      for (const report of warned) {
        out.write(`  ${displayPath(report.path)}\n`);
        const lines = this.options.verbose
          ? verboseWarnings(report.warnings)
          : groupedWarnings(report.warnings);
        for (const line of lines) out.write(`    ${line}\n`);
      }
    }
    for (const report of this.reports) {
      if (report.outcome === "failed")
        errors.write(`raadsinfo: ${displayPath(report.path)}: ${report.reason}\n`);
    }
    const parts = [
      `${counts.imported} imported`,
      `${counts.unchanged} unchanged`,
      `${counts.failed} failed`,
      `${counts.skipped} skipped`,
      ...(counts.queued > 0 ? [`${counts.queued} queued`] : []),
    ];
    const found = plural(this.reports.length, "file");
    out.write(`\n${parts.join(", ")} of ${found} found (${this.store}).\n`);
    if (this.stopped) {
      errors.write("raadsinfo: the import stopped before its last file; run it again to import the rest\n");
    }
    return failed ? 1 : 0;
  }
}

const HEADERS = ["file", "result", "kind", "items", "attendees", "documents", "warnings", "note"];

function row(report: FileReport): string[] {
  const result = report.outcome === "imported" ? (report.status ?? "imported") : report.outcome;
  const number = (value: number | undefined) => (value === undefined ? "-" : String(value));
  return [
    displayPath(report.path),
    result,
    report.kind ?? "-",
    number(report.items),
    number(report.attendees),
    number(report.documents),
    report.outcome === "imported" ? String(report.warnings.length) : "-",
    report.reason ?? "",
  ];
}

/** One line per warning code: how many, and the lines where they are. */
function groupedWarnings(warnings: readonly ParseWarning[]): string[] {
  const byCode = new Map<string, ParseWarning[]>();
  for (const warning of warnings) {
    const list = byCode.get(warning.code);
    if (list) list.push(warning);
    else byCode.set(warning.code, [warning]);
  }
  return [...byCode].map(([code, list]) => {
    const places = list.flatMap((w) => (w.source ? [lineRange(w.source)] : []));
    const shown =
      places.slice(0, 6).join(", ") + (places.length > 6 ? `, … (${places.length - 6} more)` : "");
    const word = places.length > 1 || shown.includes("-") ? "lines" : "line";
    return `${code}${list.length > 1 ? ` ×${list.length}` : ""}${shown ? `: ${word} ${shown}` : ""}`;
  });
}

function verboseWarnings(warnings: readonly ParseWarning[]): string[] {
  return warnings.map((w) => `${w.code}${w.source ? ` (lines ${lineRange(w.source)})` : ""}: ${w.message}`);
}

function lineRange(source: { readonly lineStart: number; readonly lineEnd: number }): string {
  return source.lineStart === source.lineEnd
    ? String(source.lineStart)
    : `${source.lineStart}-${source.lineEnd}`;
}

/** A path as short as it can be said: relative to the working folder when it is under it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." ? rel : path;
}
