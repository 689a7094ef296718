/**
 * @module Writes of the secretariat's record of a held meeting (issue 14, migration 0017): attendance set
 * as a whole, recusals, the decision under an item (optimistic concurrency by revision, as the agenda's
 * items), protocol remarks, and the meeting marked held. The working copy only: publishing the minutes
 * copies it into the public tables.
 */
import type { Kysely } from "kysely";
import type { AttendanceLine, DecisionVote, MeetingState } from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** Replaces the meeting's attendance with `lines` (the form sends the whole table). */
export async function replaceMeetingAttendance(
  db: Db,
  meetingId: number,
  lines: readonly AttendanceLine[],
  now: Date,
): Promise<void> {
  await db.deleteFrom("minutes_attendance").where("meeting_id", "=", meetingId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto("minutes_attendance")
    .values(
      lines.map((l) => ({
        meeting_id: meetingId,
        person_id: l.personId,
        status: l.status,
        substitute_for_person_id: l.status === "substitute" ? (l.substituteForPersonId ?? null) : null,
        note: l.note?.trim() ? l.note.trim() : null,
        created: now,
        modified: now,
      })),
    )
    .execute();
}

/** The meeting's attendance as stored, in the order it was recorded. */
export async function meetingAttendanceLines(db: Db, meetingId: number): Promise<AttendanceLine[]> {
  const rows = await db
    .selectFrom("minutes_attendance")
    .select(["person_id", "status", "substitute_for_person_id", "note"])
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    status: r.status,
    substituteForPersonId: r.substitute_for_person_id,
    note: r.note,
  }));
}

/** A person typed in by name (a substitute, guest or official who is not yet known): found or created. */
export async function personNamed(db: Db, name: string, now: Date): Promise<number> {
  const found = await db
    .selectFrom("person")
    .select(["id", "merged_into_person_id as mergedInto"])
    .where("name", "=", name)
    // A merged person's name is an alias of the person kept (migration 0028).
    .where((eb) => eb.or([eb("deleted", "=", false), eb("merged_into_person_id", "is not", null)]))
    .orderBy("deleted")
    .orderBy("id")
    .executeTakeFirst();
  if (found) return found.mergedInto ?? found.id;
  const row = await db
    .insertInto("person")
    .values({ name, party: null, municipality: null, private_note: null, created: now, modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The names of persons by id (unknown ids are left out). */
export async function personNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("person")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A published item of a meeting with its body; undefined when unknown. */
export async function recordItemOf(db: Db, itemId: number) {
  return db
    .selectFrom("agenda_item")
    .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
    .select(["agenda_item.id", "agenda_item.number", "agenda_item.meeting_id as meetingId"])
    .where("agenda_item.id", "=", itemId)
    .where("agenda_item.deleted", "=", false)
    .where("meeting.deleted", "=", false)
    .executeTakeFirst();
}

export interface StoredDecision {
  readonly agendaItemId: number;
  readonly decision: string;
  readonly discussion: string | null;
  readonly vote: DecisionVote | null;
  readonly concernsMunicipalities: boolean;
  readonly revision: number;
}

/** The decision under an item as stored; undefined when none is recorded. */
export async function storedDecision(db: Db, itemId: number): Promise<StoredDecision | undefined> {
  const row = await db
    .selectFrom("minutes_decision")
    .select(["agenda_item_id", "decision", "discussion", "vote", "concerns_municipalities", "revision"])
    .where("agenda_item_id", "=", itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const vote = typeof row.vote === "string" ? (JSON.parse(row.vote) as DecisionVote) : row.vote;
  return {
    agendaItemId: row.agenda_item_id,
    decision: row.decision,
    discussion: row.discussion,
    vote,
    concernsMunicipalities: row.concerns_municipalities,
    revision: row.revision,
  };
}

export interface DecisionValues {
  readonly decision: string;
  readonly discussion: string | null;
  readonly vote: DecisionVote | null;
  readonly concernsMunicipalities: boolean;
}

/**
 * Saves the decision when the stored one is at `revision` (0: none stored yet); returns the new revision,
 * or null when someone saved in between (nothing changed).
 */
export async function upsertDecision(
  db: Db,
  target: { readonly meetingId: number; readonly itemId: number; readonly revision: number },
  values: DecisionValues,
  now: Date,
): Promise<number | null> {
  const columns = {
    decision: values.decision,
    discussion: values.discussion,
    vote: values.vote ? JSON.stringify(values.vote) : null,
    concerns_municipalities: values.concernsMunicipalities,
    modified: now,
  };
  if (target.revision === 0) {
    const row = await db
      .insertInto("minutes_decision")
      .values({ meeting_id: target.meetingId, agenda_item_id: target.itemId, ...columns, created: now })
      .onConflict((oc) => oc.column("agenda_item_id").doNothing())
      .returning("revision")
      .executeTakeFirst();
    return row ? row.revision : null;
  }
  const row = await db
    .updateTable("minutes_decision")
    .set((eb) => ({ ...columns, revision: eb("revision", "+", 1) }))
    .where("agenda_item_id", "=", target.itemId)
    .where("revision", "=", target.revision)
    .returning("revision")
    .executeTakeFirst();
  return row ? row.revision : null;
}

/** Records that a member did not take part in an item (again: the reason is replaced). */
export async function upsertRecusal(
  db: Db,
  recusal: {
    readonly meetingId: number;
    readonly itemId: number;
    readonly personId: number;
    readonly reason: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto("minutes_recusal")
    .values({
      meeting_id: recusal.meetingId,
      agenda_item_id: recusal.itemId,
      person_id: recusal.personId,
      reason: recusal.reason,
      created: now,
    })
    .onConflict((oc) => oc.columns(["agenda_item_id", "person_id"]).doUpdateSet({ reason: recusal.reason }))
    .execute();
}

/** Removes a recusal; true when there was one. */
export async function deleteRecusal(db: Db, itemId: number, personId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("minutes_recusal")
    .where("agenda_item_id", "=", itemId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Adds a protocol remark last under the item; returns its id. */
export async function insertProtocolRemark(
  db: Db,
  remark: { readonly itemId: number; readonly personId: number; readonly text: string },
  now: Date,
): Promise<number> {
  const last = await db
    .selectFrom("protocol_remark")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("agenda_item_id", "=", remark.itemId)
    .executeTakeFirst();
  const row = await db
    .insertInto("protocol_remark")
    .values({
      agenda_item_id: remark.itemId,
      person_id: remark.personId,
      text: remark.text,
      position: Number(last?.position ?? 0) + 1,
      created: now,
      modified: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A protocol remark with its item's meeting; undefined when unknown or removed. */
export async function protocolRemarkOf(db: Db, remarkId: number) {
  return db
    .selectFrom("protocol_remark")
    .innerJoin("agenda_item", "agenda_item.id", "protocol_remark.agenda_item_id")
    .select([
      "protocol_remark.id",
      "protocol_remark.agenda_item_id as itemId",
      "protocol_remark.person_id as personId",
      "protocol_remark.text",
      "agenda_item.meeting_id as meetingId",
    ])
    .where("protocol_remark.id", "=", remarkId)
    .where("protocol_remark.deleted", "=", false)
    .executeTakeFirst();
}

/** Removes a protocol remark (soft: the audit log and OParl see it went). */
export async function removeProtocolRemark(db: Db, remarkId: number, now: Date): Promise<void> {
  await db
    .updateTable("protocol_remark")
    .set({ deleted: true, modified: now })
    .where("id", "=", remarkId)
    .execute();
}

/** Moves the meeting to `state` (the meeting-day step "Mødet er afholdt"). */
export async function setMeetingState(
  db: Db,
  meetingId: number,
  state: MeetingState,
  now: Date,
): Promise<void> {
  await db.updateTable("meeting").set({ state, modified: now }).where("id", "=", meetingId).execute();
}
