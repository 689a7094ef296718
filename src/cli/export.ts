/** @module `raadsinfo export`: not built yet (the open data issue builds it). */
import { UsageError } from "./usage-error.js";

export async function exportCommand(_flags: Record<string, unknown>): Promise<void> {
  throw new UsageError("export is not built yet", 1);
}
