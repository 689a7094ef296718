/** @module Reads bodies and their meetings for the portal's front page and lists. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface BodySummary {
  readonly id: number;
  readonly name: string;
  readonly meetingCount: number;
}

export interface MeetingSummary {
  readonly id: number;
  readonly bodyId: number;
  readonly bodyName: string;
  readonly name: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: string;
  readonly itemCount: number;
}

export async function listBodies(db: Kysely<Database>): Promise<BodySummary[]> {
  const rows = await db
    .selectFrom("body")
    .leftJoin("meeting", (join) =>
      join.onRef("meeting.body_id", "=", "body.id").on("meeting.deleted", "=", false),
    )
    .select(({ fn }) => ["body.id", "body.name", fn.count<number>("meeting.id").as("meetingCount")])
    .where("body.deleted", "=", false)
    .groupBy(["body.id", "body.name"])
    .orderBy("body.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, meetingCount: Number(r.meetingCount) }));
}

/** Meetings, newest first; of one body when bodyId is given. */
export async function listMeetings(
  db: Kysely<Database>,
  options: { bodyId?: number; limit?: number } = {},
): Promise<MeetingSummary[]> {
  let query = db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select((eb) => [
      "meeting.id",
      "meeting.body_id as bodyId",
      "body.name as bodyName",
      "meeting.name",
      "meeting.date",
      "meeting.start_time as startTime",
      "meeting.end_time as endTime",
      "meeting.location",
      "meeting.state",
      eb
        .selectFrom("agenda_item")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("agenda_item.meeting_id", "=", "meeting.id")
        .where("agenda_item.deleted", "=", false)
        .as("itemCount"),
    ])
    .where("meeting.deleted", "=", false)
    .orderBy("meeting.date", "desc");
  if (options.bodyId !== undefined) query = query.where("meeting.body_id", "=", options.bodyId);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, itemCount: Number(r.itemCount ?? 0) }));
}

/** True when the store holds no meeting and no imported file (first start). */
export async function isStoreEmpty(db: Kysely<Database>): Promise<boolean> {
  const meeting = await db.selectFrom("meeting").select("id").limit(1).executeTakeFirst();
  const file = await db.selectFrom("source_file").select("id").limit(1).executeTakeFirst();
  return !meeting && !file;
}
