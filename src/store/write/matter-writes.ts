/**
 * @module Writes of matters across meetings (issue 14, migrations 0017 and 0021): a matter, its items,
 * and the pairs the secretariat said are not one matter. Authoring (matter-linker.ts) calls these in its
 * own transaction, after domain said who may.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** Inserts a matter; returns its id. */
export async function insertMatter(db: Db, title: string, now: Date): Promise<number> {
  const row = await db
    .insertInto("matter")
    .values({ title, created: now, modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Links an item into a matter; false when it was already there. Touches the matter's modified. */
export async function insertMatterItem(
  db: Db,
  link: { readonly matterId: number; readonly itemId: number; readonly userId: number | null },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto("matter_item")
    .values({
      matter_id: link.matterId,
      agenda_item_id: link.itemId,
      linked_by_user_id: link.userId,
      created: now,
    })
    .onConflict((oc) => oc.columns(["matter_id", "agenda_item_id"]).doNothing())
    .returning("agenda_item_id")
    .executeTakeFirst();
  if (inserted) await touchMatter(db, link.matterId, now);
  return inserted !== undefined;
}

/**
 * Takes an item out of a matter; false when it was not there. A matter left with no item is deleted
 * (soft), since a matter is its items.
 */
export async function deleteMatterItem(
  db: Db,
  link: { readonly matterId: number; readonly itemId: number },
  now: Date,
): Promise<{ readonly removed: boolean; readonly matterDeleted: boolean }> {
  const removed = await db
    .deleteFrom("matter_item")
    .where("matter_id", "=", link.matterId)
    .where("agenda_item_id", "=", link.itemId)
    .returning("agenda_item_id")
    .executeTakeFirst();
  if (!removed) return { removed: false, matterDeleted: false };
  const left = await db
    .selectFrom("matter_item")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("matter_id", "=", link.matterId)
    .executeTakeFirstOrThrow();
  const matterDeleted = Number(left.n) === 0;
  await db
    .updateTable("matter")
    .set({ modified: now, ...(matterDeleted ? { deleted: true } : {}) })
    .where("id", "=", link.matterId)
    .execute();
  return { removed: true, matterDeleted };
}

async function touchMatter(db: Db, matterId: number, now: Date): Promise<void> {
  await db.updateTable("matter").set({ modified: now }).where("id", "=", matterId).execute();
}

/** Records that two items are not one matter, so they are not suggested again; false when already so. */
export async function insertMatterDismissal(
  db: Db,
  pair: { readonly itemId: number; readonly otherItemId: number; readonly userId: number | null },
  now: Date,
): Promise<boolean> {
  const [low, high] =
    pair.itemId < pair.otherItemId ? [pair.itemId, pair.otherItemId] : [pair.otherItemId, pair.itemId];
  const row = await db
    .insertInto("matter_suggestion_dismissal")
    .values({ item_id: low, other_item_id: high, dismissed_by_user_id: pair.userId, created: now })
    .onConflict((oc) => oc.columns(["item_id", "other_item_id"]).doNothing())
    .returning("item_id")
    .executeTakeFirst();
  return row !== undefined;
}
