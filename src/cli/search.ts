/** @module `raadsinfo search`: not built yet (the search issue builds it). */
import { UsageError } from "./usage-error.js";

export async function searchCommand(_query: string, _flags: Record<string, unknown>): Promise<void> {
  throw new UsageError("search is not built yet", 1);
}
