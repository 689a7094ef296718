/** @module The export as one JSON document, pretty-printed so it reads and diffs well. */
import type { ExportDocument } from "./export-document.js";

export function formatExportJson(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
