/** @module The site's shared secrets (migration 0031): made once by whichever process asks first. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * The secret stored under `name`; when there is none yet, `candidate` is stored and returned. Two
 * processes asking at once get the same value: the insert that loses the race returns the winner's.
 * @example const key = await storedSiteSecret(db, "csrf", randomBytes(32).toString("base64url"));
 */
export async function storedSiteSecret(
  db: Kysely<Database>,
  name: string,
  candidate: string,
): Promise<string> {
  const row = await db
    .insertInto("site_secret")
    .values({ name, value: candidate })
    // A no-op update, so that RETURNING hands back the row that is there (do nothing would return none).
    .onConflict((oc) => oc.column("name").doUpdateSet((eb) => ({ name: eb.ref("excluded.name") })))
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}
