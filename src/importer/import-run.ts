/**
 * @module One import run: list what is under the paths, and for each source file read and hash it, skip
 * it when those bytes are already stored, else parse it and store it in its own durable transaction.
 * Every entry found gets a report, and one bad file never stops the rest. The CLI runs this in its own
 * process, or `serve` runs it for an import handed to it (import-handoff.ts).
 */
import type { Kysely } from "kysely";
import { isIngestError, listSourceEntries, readSourceFile } from "../ingest/index.js";
import { type Database, finishImports, importDocument, isImported } from "../store/index.js";
import { countOutcomes, type FileReport, type ImportEvent } from "./import-report.js";
import { type ParseProgress, type Parser, workerParser } from "./worker-parser.js";

export interface ImportRunOptions {
  /** Called with each event, in order; may be async (a stream to write to). */
  readonly onEvent: (event: ImportEvent) => void | Promise<void>;
  /** Named in the start event, e.g. "PGlite in ./data". */
  readonly storeDescription: string;
  /** When aborted, the run stops after the file it is on: what it reported stays stored. */
  readonly signal?: AbortSignal | undefined;
  /** Parses the files; by default a worker thread, started on the first file that needs parsing. */
  readonly parser?: Parser | undefined;
}

/**
 * Imports the files under `paths` and returns every entry's report.
 * @example const reports = await runImport(store.db, ["../shared/seeds"], { onEvent: console.log, storeDescription: store.description });
 */
export async function runImport(
  db: Kysely<Database>,
  paths: readonly string[],
  options: ImportRunOptions,
): Promise<FileReport[]> {
  const { onEvent, signal } = options;
  const entries = await listSourceEntries(paths);
  const files = entries.filter((entry) => !entry.skipped);
  const total = files.length;
  await onEvent({ type: "start", total, store: options.storeDescription });
  const reports: FileReport[] = [];
  for (const entry of entries) {
    if (!entry.skipped) continue;
    const report: FileReport = { path: entry.path, outcome: "skipped", reason: entry.skipped, warnings: [] };
    reports.push(report);
    await onEvent({ type: "file", index: 0, total, report });
  }
  const parser = options.parser ?? workerParser();
  let stopped = false;
  try {
    for (const [position, entry] of files.entries()) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      const index = position + 1;
      await onEvent({ type: "reading", index, total, path: entry.path });
      const report = await importOne(db, entry.path, parser, ({ done, total: of }) => {
        // Progress is told as it comes and not waited for: a slow or closed reader must not stop OCR.
        void Promise.resolve(
          onEvent({ type: "progress", index, total, path: entry.path, step: "ocr", done, of }),
        ).catch(() => undefined);
      });
      reports.push(report);
      await onEvent({ type: "file", index, total, report });
    }
  } finally {
    if (!options.parser) await parser.close();
  }
  if (reports.some((r) => r.outcome === "imported")) await finishImports(db);
  await onEvent({ type: "done", stopped, counts: countOutcomes(reports) });
  return reports;
}

async function importOne(
  db: Kysely<Database>,
  path: string,
  parser: Parser,
  onProgress: ParseProgress,
): Promise<FileReport> {
  try {
    const source = await readSourceFile(path);
    // Known bytes are not parsed again: re-importing an unchanged folder takes seconds.
    if (await isImported(db, source.sha256)) return { path, outcome: "unchanged", warnings: [] };
    const doc = await parser.parse(source, onProgress);
    const result = await importDocument(db, doc, { content: source.bytes });
    if (result.status === "unchanged") return { path, outcome: "unchanged", warnings: [] };
    return {
      path,
      outcome: "imported",
      kind: doc.kind,
      status: result.status,
      items: result.items.created + result.items.updated,
      attendees: doc.attendance.present.length + doc.attendance.absent.length,
      documents: doc.documents.length,
      warnings: [...doc.warnings, ...result.warnings],
    };
  } catch (error) {
    return { path, outcome: "failed", reason: failureReason(error), warnings: [] };
  }
}

/** One line, without the file's name (the report carries the path). */
function failureReason(error: unknown): string {
  if (isIngestError(error)) return error.problem;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
