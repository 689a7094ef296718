/**
 * @module The bodies a secretariat workspace shows: the viewer's own (role sekretariat) or, for an
 * administrator, every body; by name.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface SecretariatBody {
  readonly id: number;
  readonly name: string;
}

/**
 * The bodies by id ("all": every live body), ordered by name.
 * @example await secretariatBodies(db, [1, 3]) // [{ id: 1, name: "KKR Nordjylland" }, ...]
 */
export async function secretariatBodies(
  db: Kysely<Database>,
  bodies: "all" | readonly number[],
): Promise<SecretariatBody[]> {
  if (bodies !== "all" && bodies.length === 0) return [];
  let query = db.selectFrom("body").select(["id", "name"]).where("deleted", "=", false);
  if (bodies !== "all") query = query.where("id", "in", [...bodies]);
  return query.orderBy("name").orderBy("id").execute();
}
