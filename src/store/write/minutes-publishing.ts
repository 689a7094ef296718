/**
 * @module The minutes' state and their publishing (issue 14). The minutes row (migration 0017) holds
 * where the minutes are on their path (draft, remarks, approved, published) with who approved and how;
 * minutes_remark_request names who got the draft for remarks. Publishing copies the secretariat's
 * working copy of the meeting into the tables the importer fills, so every public surface (meeting and
 * item pages, search, feeds, the JSON API) reads it as an imported record: attendance rows (a substitute
 * as present with whom they replaced), agenda_item.beslutning (decision, vote, recusals and protocol
 * remarks as the minutes print them) and agenda_item.notes (the discussion). A closed item's record is
 * never copied. Only this meeting's rows are touched.
 */
import type { Kysely } from "kysely";
import {
  type MeetingRecord,
  type MinutesApprovalWay,
  type MinutesState,
  minutesItemRecordOf,
  publishedDecision,
} from "../../domain/index.js";
import type { Database } from "../schema.js";
import { insertSentToUsers, type SentToUsers } from "./agenda-draft-writes.js";

type Db = Kysely<Database>;

export interface MinutesStatus {
  readonly meetingId: number;
  readonly state: MinutesState;
  readonly remarksSentAt: Date | null;
  readonly approvedAt: Date | null;
  readonly approvedByUserId: number | null;
  readonly approvedByName: string | null;
  readonly approvedVia: MinutesApprovalWay | null;
  readonly approvedAtMeetingId: number | null;
  readonly approvedAtMeetingDate: string | null;
  readonly publishedAt: Date | null;
  readonly revision: number;
}

/** Where the meeting's minutes are; a meeting without a minutes row has a draft. */
export async function minutesStatus(db: Db, meetingId: number): Promise<MinutesStatus> {
  const row = await db
    .selectFrom("minutes")
    .leftJoin("app_user", "app_user.id", "minutes.approved_by_user_id")
    .leftJoin("meeting as next", "next.id", "minutes.approved_at_meeting_id")
    .select([
      "minutes.state",
      "minutes.remarks_sent_at",
      "minutes.approved_at",
      "minutes.approved_by_user_id",
      "app_user.name as approvedByName",
      "minutes.approved_via",
      "minutes.approved_at_meeting_id",
      "next.date as nextDate",
      "minutes.published_at",
      "minutes.revision",
    ])
    .where("minutes.meeting_id", "=", meetingId)
    .executeTakeFirst();
  const date = (value: Date | null | undefined) => (value ? new Date(value) : null);
  return {
    meetingId,
    state: row?.state ?? "draft",
    remarksSentAt: date(row?.remarks_sent_at),
    approvedAt: date(row?.approved_at),
    approvedByUserId: row?.approved_by_user_id ?? null,
    approvedByName: row?.approvedByName ?? null,
    approvedVia: row?.approved_via ?? null,
    approvedAtMeetingId: row?.approved_at_meeting_id ?? null,
    approvedAtMeetingDate: row?.nextDate ? String(row.nextDate).slice(0, 10) : null,
    publishedAt: date(row?.published_at),
    revision: row?.revision ?? 0,
  };
}

/** Writes the minutes' state (creating the row the first time), one revision on. */
export async function saveMinutesStatus(
  db: Db,
  meetingId: number,
  change: {
    readonly state: MinutesState;
    readonly remarksSentAt?: Date;
    readonly approvedAt?: Date;
    readonly approvedByUserId?: number | null;
    readonly approvedVia?: MinutesApprovalWay;
    readonly approvedAtMeetingId?: number | null;
    readonly publishedAt?: Date;
  },
  now: Date,
): Promise<void> {
  const values = {
    state: change.state,
    ...(change.remarksSentAt ? { remarks_sent_at: change.remarksSentAt } : {}),
    ...(change.approvedAt ? { approved_at: change.approvedAt } : {}),
    ...(change.approvedByUserId !== undefined ? { approved_by_user_id: change.approvedByUserId } : {}),
    ...(change.approvedVia ? { approved_via: change.approvedVia } : {}),
    ...(change.approvedAtMeetingId !== undefined
      ? { approved_at_meeting_id: change.approvedAtMeetingId }
      : {}),
    ...(change.publishedAt ? { published_at: change.publishedAt } : {}),
    modified: now,
  };
  await db
    .insertInto("minutes")
    .values({ meeting_id: meetingId, ...values })
    .onConflict((oc) =>
      oc
        .column("meeting_id")
        .doUpdateSet((eb) => ({ ...values, revision: eb(eb.ref("minutes.revision"), "+", 1) })),
    )
    .execute();
}

/** Records that the draft went to these users for remarks. */
export async function insertRemarkRequests(db: Db, props: SentToUsers, now: Date): Promise<void> {
  await insertSentToUsers(db, "minutes_remark_request", props, now);
}

/** Who got the draft for remarks, newest first, with who sent it. */
export async function remarkRequests(
  db: Db,
  meetingId: number,
): Promise<
  { readonly userId: number; readonly name: string; readonly sentAt: Date; readonly sentBy: string | null }[]
> {
  const rows = await db
    .selectFrom("minutes_remark_request")
    .innerJoin("app_user as to", "to.id", "minutes_remark_request.user_id")
    .leftJoin("app_user as by", "by.id", "minutes_remark_request.sent_by_user_id")
    .select(["to.id as userId", "to.name", "minutes_remark_request.sent_at", "by.name as sentBy"])
    .where("minutes_remark_request.meeting_id", "=", meetingId)
    .orderBy("minutes_remark_request.id", "desc")
    .execute();
  return rows.map((r) => ({ userId: r.userId, name: r.name, sentAt: new Date(r.sent_at), sentBy: r.sentBy }));
}

/** True when the user got this meeting's draft minutes for remarks (and so may read the draft). */
export async function gotMinutesForRemarks(db: Db, meetingId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("minutes_remark_request")
    .select("id")
    .where("meeting_id", "=", meetingId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active users whose name is the name of one of `people` (the chair as a person), by id. */
export async function usersNamed(
  db: Db,
  names: readonly string[],
): Promise<{ readonly userId: number; readonly email: string; readonly name: string }[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom("app_user")
    .select(["id as userId", "email", "name"])
    .where("name", "in", [...names])
    .where("disabled", "=", false)
    .orderBy("id")
    .execute();
}

/**
 * Copies the record into the public tables and sets the meeting "minutes-approved". Returns the ids of
 * the items whose decision was published.
 * @example await publishMeetingRecord(tx, record, new Date())
 */
export async function publishMeetingRecord(db: Db, record: MeetingRecord, now: Date): Promise<number[]> {
  const meetingId = record.meeting.id;
  // This meeting's attendance is replaced by the record's; other meetings' rows are never touched.
  await db
    .updateTable("attendance")
    .set({ deleted: true, modified: now })
    .where("meeting_id", "=", meetingId)
    .execute();
  const rows = [
    ...record.attendance.present.map((a) => ({
      personId: a.person.personId,
      status: "present",
      forId: null,
      forName: null,
    })),
    ...record.attendance.substitutes.map((s) => ({
      personId: s.person.personId,
      status: "present",
      forId: s.substituteFor.personId,
      forName: s.substituteFor.name,
    })),
    ...record.attendance.absent.map((a) => ({
      personId: a.person.personId,
      status: "absent",
      forId: null,
      forName: null,
    })),
  ];
  for (const row of rows) {
    await db
      .insertInto("attendance")
      .values({
        meeting_id: meetingId,
        person_id: row.personId,
        status: row.status,
        substitute_for_person_id: row.forId,
        substitute_for_name: row.forName,
        source_file_id: null,
        page: null,
        line_start: null,
        line_end: null,
        modified: now,
      })
      .onConflict((oc) =>
        oc.columns(["meeting_id", "person_id"]).doUpdateSet({
          status: row.status,
          substitute_for_person_id: row.forId,
          substitute_for_name: row.forName,
          source_file_id: null,
          page: null,
          line_start: null,
          line_end: null,
          deleted: false,
          modified: now,
        }),
      )
      .execute();
  }
  const published: number[] = [];
  for (const item of record.items) {
    if (item.closed) continue;
    const record = minutesItemRecordOf(item);
    const decision = publishedDecision(record);
    const notes = record.discussion;
    if (decision === "" && notes === null) continue;
    await db
      .updateTable("agenda_item")
      .set({ beslutning: decision === "" ? null : decision, notes, modified: now })
      .where("id", "=", item.id)
      .where("meeting_id", "=", meetingId)
      .execute();
    published.push(item.id);
  }
  await db
    .updateTable("meeting")
    .set({ state: "minutes-approved", modified: now })
    .where("id", "=", meetingId)
    .execute();
  return published;
}
