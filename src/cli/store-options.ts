/**
 * @module Where a command's store lives: --data-dir, or DATABASE_URL for a PostgreSQL server; for serve,
 * DATABASE_READ_URL names a read replica of that server for the public pages.
 */
import { openStore, type Store } from "../store/index.js";
import { UsageError } from "./usage-error.js";

export interface StoreFlags {
  readonly "data-dir"?: string | undefined;
}

/**
 * Opens the store a command's flags name; `command` is named in the embedded store's lock, so that
 * another process turned away knows who has it. With `readReplica`, DATABASE_READ_URL is opened as the
 * store's `readDb` (the other commands write, or read what they just wrote, and ignore it).
 */
export function openStoreFromFlags(
  flags: StoreFlags,
  command: string,
  options: { readonly readReplica?: boolean } = {},
): Promise<Store> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const readDatabaseUrl = options.readReplica ? process.env.DATABASE_READ_URL || undefined : undefined;
  if (readDatabaseUrl && !databaseUrl) {
    throw new UsageError(
      "DATABASE_READ_URL names a read replica of the PostgreSQL server at DATABASE_URL: set DATABASE_URL too",
    );
  }
  return openStore({
    databaseUrl,
    readDatabaseUrl,
    dataDir: flags["data-dir"] ?? process.env.RAADSINFO_DATA_DIR ?? "./data",
    owner: command,
  });
}
