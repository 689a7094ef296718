/**
 * @module Writes of follow-up tasks (issue 14): insert, update under the task's revision (a save made on
 * an older revision changes nothing: the caller answers 409 with the task as it now is), and marking a
 * reminder sent (once: only where none was).
 */
import { type Kysely, sql } from "kysely";
import type { FollowUpInput } from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

function columns(input: FollowUpInput) {
  return {
    description: input.description.trim(),
    responsible_kind: input.responsibleKind,
    municipality: input.responsibleKind === "municipality" ? input.municipality : null,
    responsible: input.responsible?.trim() || null,
    due_date: input.dueDate,
    status: input.status,
    notes: input.notes?.trim() || null,
  };
}

export async function insertFollowUp(
  db: Db,
  input: { readonly itemId: number; readonly task: FollowUpInput; readonly now: Date },
): Promise<number> {
  const row = await db
    .insertInto("follow_up")
    .values({ agenda_item_id: input.itemId, ...columns(input.task), created: input.now, modified: input.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Updates a task when its revision is still `revision`; true when it did. A changed deadline may be
 * reminded of again.
 */
export async function updateFollowUp(
  db: Db,
  input: { readonly id: number; readonly revision: number; readonly task: FollowUpInput; readonly now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("follow_up")
    .set({
      ...columns(input.task),
      modified: input.now,
      revision: sql`revision + 1`,
      reminder_sent_at: sql`case when due_date is distinct from ${input.task.dueDate}::date then null else reminder_sent_at end`,
    })
    .where("id", "=", input.id)
    .where("revision", "=", input.revision)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a task reminded; false when another worker did first. */
export async function markFollowUpReminded(db: Db, id: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("follow_up")
    .set({ reminder_sent_at: at })
    .where("id", "=", id)
    .where("reminder_sent_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
