/**
 * @module `raadsinfo export --format json|csv [--out DIR]`: the items with decisions, attendance and persons
 * of every body. JSON goes to stdout or DIR/raadsinfo-eksport.json; CSV writes one file per table to DIR,
 * or the items table to stdout.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CSV_TABLES, formatExportCsv } from "../export/export-csv.js";
import { buildExportDocument } from "../export/export-document.js";
import { formatExportJson } from "../export/export-json.js";
import { exportRows } from "../store/index.js";
import { openStoreFromFlags, type StoreFlags } from "./store-options.js";
import { UsageError } from "./usage-error.js";

export interface ExportFlags extends StoreFlags {
  readonly format?: string | undefined;
  readonly out?: string | undefined;
}

export async function exportCommand(flags: ExportFlags): Promise<void> {
  const format = flags.format ?? "json";
  if (format !== "json" && format !== "csv")
    throw new UsageError(`--format must be json or csv, not "${format}"`);
  const store = await openStoreFromFlags(flags, "export");
  let document: ReturnType<typeof buildExportDocument>;
  try {
    document = buildExportDocument(await exportRows(store.db), new Date());
  } finally {
    await store.close();
  }
  if (!flags.out) {
    process.stdout.write(
      format === "json" ? formatExportJson(document) : formatExportCsv(document, "punkter"),
    );
    return;
  }
  await mkdir(flags.out, { recursive: true });
  const written: string[] = [];
  if (format === "json") {
    const path = join(flags.out, "raadsinfo-eksport.json");
    await writeFile(path, formatExportJson(document));
    written.push(path);
  } else {
    for (const table of CSV_TABLES) {
      const path = join(flags.out, `${table}.csv`);
      await writeFile(path, formatExportCsv(document, table));
      written.push(path);
    }
  }
  console.log(
    `Exported ${document.items.length} items, ${document.attendance.length} attendance rows and ` +
      `${document.persons.length} persons to ${written.join(", ")}.`,
  );
}
