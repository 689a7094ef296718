/**
 * @module Reads of follow-up tasks (issue 14): one task, the lists by body and by municipality (ordered
 * by domain's compareFollowUps, overdue first, on the caller's day), the public ones (open items whose
 * decision is published: domain's mayShowFollowUps), those due by a date for the next agenda's builder,
 * and those whose reminder is due.
 */
import type { Kysely } from "kysely";
import {
  compareFollowUps,
  type FollowUpStatus,
  isFollowUpStatus,
  mayShowFollowUps,
  PUBLIC_VIEWER,
  type ResponsibleKind,
} from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** A task with the item and meeting it follows up on. */
export interface FollowUpRow {
  readonly id: number;
  readonly itemId: number;
  readonly itemNumber: string;
  readonly itemTitle: string;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly bodyId: number;
  readonly bodyName: string;
  readonly description: string;
  readonly responsibleKind: ResponsibleKind;
  readonly municipality: string | null;
  readonly responsible: string | null;
  readonly dueDate: string | null;
  readonly status: FollowUpStatus;
  readonly notes: string | null;
  readonly reminderSentAt: Date | null;
  readonly revision: number;
  readonly modified: Date;
  /** The item is closed (lukket punkt). */
  readonly closed: boolean;
  /** The item's decision is public (its minutes are published). */
  readonly decisionPublished: boolean;
}

export interface FollowUpFilter {
  /** Only these bodies' tasks ("all" for every body). */
  readonly bodyIds: "all" | readonly number[];
  readonly bodyId?: number | null;
  readonly municipality?: string | null;
  readonly itemId?: number | null;
  /** Only tasks not done with a deadline on or before this day. */
  readonly dueBy?: string | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom("follow_up as f")
    .innerJoin("agenda_item as ai", "ai.id", "f.agenda_item_id")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .innerJoin("body as b", "b.id", "m.body_id")
    .select([
      "f.id",
      "ai.id as itemId",
      "ai.number as itemNumber",
      "ai.title as itemTitle",
      "m.id as meetingId",
      "m.date as meetingDate",
      "b.id as bodyId",
      "b.name as bodyName",
      "f.description",
      "f.responsible_kind as responsibleKind",
      "f.municipality",
      "f.responsible",
      "f.due_date as dueDate",
      "f.status",
      "f.notes",
      "f.reminder_sent_at as reminderSentAt",
      "f.revision",
      "f.modified",
      "ai.public",
      "ai.withheld",
      "ai.beslutning",
    ])
    .where("f.deleted", "=", false)
    .where("ai.deleted", "=", false);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function rowOf(r: BaseRow): FollowUpRow {
  return {
    id: r.id,
    itemId: r.itemId,
    itemNumber: r.itemNumber,
    itemTitle: r.itemTitle,
    meetingId: r.meetingId,
    meetingDate: String(r.meetingDate).slice(0, 10),
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    description: r.description,
    responsibleKind: r.responsibleKind,
    municipality: r.municipality,
    responsible: r.responsible,
    dueDate: r.dueDate === null ? null : dayOf(r.dueDate),
    status: isFollowUpStatus(r.status) ? r.status : "open",
    notes: r.notes,
    reminderSentAt: r.reminderSentAt,
    revision: r.revision,
    modified: r.modified,
    closed: !r.public || r.withheld === "closed-item",
    decisionPublished: (r.beslutning?.trim() ?? "") !== "",
  };
}

/** A date column as an ISO day: PGlite and pg give a string or a Date (at local midnight). */
function dayOf(value: unknown): string {
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, "0");
    const d = String(value.getDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

/** One task; undefined when there is none (or it was removed). */
export async function followUpById(db: Db, id: number): Promise<FollowUpRow | undefined> {
  const row = await baseQuery(db).where("f.id", "=", id).executeTakeFirst();
  return row ? rowOf(row) : undefined;
}

/** The tasks the filter names, overdue first on `today`. */
export async function listFollowUps(db: Db, filter: FollowUpFilter, today: string): Promise<FollowUpRow[]> {
  let query = baseQuery(db);
  if (filter.bodyIds !== "all") {
    if (filter.bodyIds.length === 0) return [];
    query = query.where("b.id", "in", [...filter.bodyIds]);
  }
  if (filter.bodyId) query = query.where("b.id", "=", filter.bodyId);
  if (filter.municipality) query = query.where("f.municipality", "=", filter.municipality);
  if (filter.itemId) query = query.where("ai.id", "=", filter.itemId);
  if (filter.dueBy)
    query = query
      .where("f.status", "<>", "done")
      .where("f.due_date", "is not", null)
      .where("f.due_date", "<=", filter.dueBy);
  const rows = (await query.limit(1000).execute()).map(rowOf);
  return rows.sort(compareFollowUps(today));
}

/**
 * The tasks the public may see (domain's mayShowFollowUps for the public: open items whose decision is
 * published), optionally of one municipality or item, overdue first on `today`.
 */
export async function publicFollowUps(
  db: Db,
  filter: { readonly municipality?: string | null; readonly itemId?: number | null },
  today: string,
): Promise<FollowUpRow[]> {
  let query = baseQuery(db)
    .where("ai.public", "=", true)
    .where("ai.withheld", "is", null)
    .where("ai.beslutning", "is not", null);
  if (filter.municipality) query = query.where("f.municipality", "=", filter.municipality);
  if (filter.itemId) query = query.where("ai.id", "=", filter.itemId);
  const rows = (await query.limit(1000).execute()).map(rowOf);
  // The SQL narrows; the policy decides.
  return rows.filter((r) => mayShowFollowUps(PUBLIC_VIEWER, r)).sort(compareFollowUps(today));
}

/** Tasks whose reminder may be due: not done, not reminded, a deadline between the two days. */
export async function followUpsToRemind(db: Db, from: string, to: string): Promise<FollowUpRow[]> {
  const rows = await baseQuery(db)
    .where("f.status", "<>", "done")
    .where("f.reminder_sent_at", "is", null)
    .where("f.due_date", ">=", from)
    .where("f.due_date", "<=", to)
    .orderBy("f.due_date")
    .orderBy("f.id")
    .execute();
  return rows.map(rowOf);
}

/** The addresses of a body's secretariat users (not disabled), by name. */
export async function bodySecretariatEmails(db: Db, bodyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("app_user")
    .innerJoin("user_role", "user_role.user_id", "app_user.id")
    .select(["app_user.email", "app_user.name"])
    .where("user_role.role", "=", "sekretariat")
    .where("user_role.body_id", "=", bodyId)
    .where("app_user.disabled", "=", false)
    .distinct()
    .orderBy("app_user.name")
    .execute();
  return rows.map((r) => r.email);
}
