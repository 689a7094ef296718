/**
 * @module `raadsinfo import PATH...`: parses every file and stores each in its own transaction. A file
 * that fails gets one line naming it and the problem; the rest of the folder still imports.
 */
import { basename } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { listSourceFiles, loadIngestOptions, parseSource, readSourceFile } from "../ingest/index.js";
import { finishImports, importDocument } from "../store/index.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

export async function importCommand(paths: readonly string[], flags: StoreFlags): Promise<void> {
  const files = await listSourceFiles([...paths]);
  if (files.length === 0)
    throw new UsageError(`no .pdf, .txt or .docx files found in ${paths.join(", ")}`, 1);
  const [store, options] = await Promise.all([openStoreFromFlags(flags), loadIngestOptions()]);
  const bar = new SingleBar(
    {
      format: "Importing [{bar}] {value}/{total} files | {file}",
      hideCursor: true,
      stream: process.stderr,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  const rows: string[][] = [];
  const failures: string[] = [];
  bar.start(files.length, 0, { file: "" });
  try {
    for (const path of files) {
      bar.update({ file: basename(path) });
      try {
        const source = await readSourceFile(path);
        const doc = await parseSource(source, options);
        const result = await importDocument(store.db, doc, { content: source.bytes, durable: false });
        const items =
          result.status === "unchanged" ? "-" : String(result.items.created + result.items.updated);
        rows.push([
          doc.source.file,
          doc.kind,
          result.status,
          items,
          String(doc.attendance.present.length + doc.attendance.absent.length),
          String(doc.documents.length),
          String(doc.warnings.length + result.warnings.length),
        ]);
      } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        failures.push(message.includes(basename(path)) ? message : `${basename(path)}: ${message}`);
      }
      bar.increment();
    }
    await finishImports(store.db);
  } finally {
    bar.stop();
    await store.close();
  }
  if (rows.length > 0) {
    console.log(formatTable(["file", "kind", "status", "items", "attendees", "documents", "warnings"], rows));
  }
  for (const failure of failures) console.error(`raadsinfo: ${failure}`);
  console.log(`${rows.length} imported or unchanged, ${failures.length} failed (${store.description}).`);
  if (failures.length > 0) process.exitCode = 1;
}
