/**
 * @module With a read replica (DATABASE_READ_URL), the public searches run where they cannot write, so they
 * no longer take in the "Mente du" word queue as they read (store/search-words.ts): serve takes it in on
 * the primary once a minute instead, and the replica has the new words of a published agenda or a
 * redacted annex a minute later. Every serve process may do it: the take-in counts each queued row once.
 */
import type { Kysely } from "kysely";
import { type Database, refreshSearchWords } from "../store/index.js";

/** How often the queue is taken in. */
export const SEARCH_WORD_INTAKE_MS = 60_000;

/**
 * Starts the take-in when the store reads from a replica (`readDb` is not `db`); a no-op otherwise, as
 * the searches take the queue in themselves.
 * @example const intake = searchWordIntake(store); ... intake.stop();
 */
export function searchWordIntake(store: {
  readonly db: Kysely<Database>;
  readonly readDb: Kysely<Database>;
}): { stop(): void } {
  if (store.readDb === store.db) return { stop: () => undefined };
  let stopped = false;
  const timer = setInterval(() => {
    refreshSearchWords(store.db).catch((error: unknown) => {
      if (!stopped) console.error(`raadsinfo: search words not taken in: ${(error as Error).message}`);
    });
  }, SEARCH_WORD_INTAKE_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
