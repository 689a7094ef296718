/** @module Where a command's store lives: --data-dir, or DATABASE_URL for a PostgreSQL server. */
import { openStore, type Store } from "../store/index.js";

export interface StoreFlags {
  readonly "data-dir"?: string | undefined;
}

/**
 * Opens the store a command's flags name; `command` is named in the embedded store's lock, so that
 * another process turned away knows who has it.
 */
export function openStoreFromFlags(flags: StoreFlags, command: string): Promise<Store> {
  return openStore({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: flags["data-dir"] ?? process.env.RAADSINFO_DATA_DIR ?? "./data",
    owner: command,
  });
}
