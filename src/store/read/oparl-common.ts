/** @module What the OParl reads share: the audit columns of every object, the store handle, id lists. */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../schema.js";

export type Db = Kysely<Database>;

export interface Audit {
  readonly created: Date;
  readonly modified: Date;
  readonly deleted: boolean;
}

/** Ids as a SQL list for `in (...)`. */
export function idList(ids: readonly number[]): RawBuilder<unknown> {
  return sql.join(ids.map((id) => sql`${id}`));
}

/** The rows in the order of `ids`, leaving out ids that found none. */
export function byIds<T extends { id: number }>(rows: readonly T[], ids: readonly number[]): T[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = map.get(id);
    return row ? [row] : [];
  });
}
