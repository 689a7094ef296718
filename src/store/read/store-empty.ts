/** @module Whether the store holds anything yet: the demo loads only into an empty one. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** True when the store holds no meeting and no imported file (first start). */
export async function isStoreEmpty(db: Kysely<Database>): Promise<boolean> {
  const meeting = await db.selectFrom("meeting").select("id").limit(1).executeTakeFirst();
  const file = await db.selectFrom("source_file").select("id").limit(1).executeTakeFirst();
  return !meeting && !file;
}
