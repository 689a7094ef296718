/**
 * @module Whether a store handle can write: not the read replica's (open-store.ts makes its connections
 * read-only), nor a hot standby's. Read paths that would tidy up as they read (search-words.ts takes in
 * its queue) ask first, and on a read-only handle read around what they cannot tidy.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

/** Asked once per handle: a handle's connections never change between writable and read-only. */
const known = new WeakMap<Kysely<Database>, Promise<boolean>>();

/**
 * True when statements through `db` run read-only (`default_transaction_read_only`, or a standby).
 * @example if (!(await isReadOnlyHandle(db))) await refreshSearchWords(db);
 */
export function isReadOnlyHandle(db: Kysely<Database>): Promise<boolean> {
  let answer = known.get(db);
  if (!answer) {
    answer = sql<{ readOnly: boolean }>`select current_setting('transaction_read_only') = 'on' as "readOnly"`
      .execute(db)
      .then((result) => result.rows[0]?.readOnly === true);
    // A failed probe is asked again next time instead of being kept.
    answer.catch(() => known.delete(db));
    known.set(db, answer);
  }
  return answer;
}
