/** @module Attendance read from both sides, a person's and a meeting's, with memberships; shared by portal and API. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

/** Memberships with their organisation and body; the caller orders them. */
export function personMembershipsQuery(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.organization_id")
    .innerJoin("body", "body.id", "organization.body_id")
    .select([
      "organization.id as organizationId",
      "organization.name as organizationName",
      "body.id as bodyId",
      "body.name as bodyName",
      "membership.role",
      "membership.party",
      "membership.start_date as startDate",
      "membership.end_date as endDate",
    ])
    .where("membership.person_id", "=", personId)
    .where("membership.deleted", "=", false);
}

/**
 * Every meeting the person attended or missed, newest first. `substituteFor` names the member a
 * substitute stood in for: the imported name, or the person the secretariat's record points at (issue 14).
 */
export function personAttendanceQuery(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("meeting", "meeting.id", "attendance.meeting_id")
    .innerJoin("body", "body.id", "meeting.body_id")
    .leftJoin("person as stood_in_for", "stood_in_for.id", "attendance.substitute_for_person_id")
    .select((eb) => [
      "meeting.id as meetingId",
      "meeting.date",
      "body.name as bodyName",
      "attendance.status",
      eb.fn.coalesce("attendance.substitute_for_name", "stood_in_for.name").as("substituteFor"),
    ])
    .where("attendance.person_id", "=", personId)
    .where("attendance.deleted", "=", false)
    .where("meeting.deleted", "=", false)
    .orderBy("meeting.date", "desc");
}

/** Who was present or absent at a meeting, and for whom a substitute came, in the order of the minutes. */
export function meetingAttendanceQuery(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("person", "person.id", "attendance.person_id")
    .select([
      "person.id as personId",
      "person.name",
      "person.party",
      "person.municipality",
      "attendance.status",
      "attendance.substitute_for_person_id as substituteForPersonId",
      "attendance.substitute_for_name as substituteFor",
    ])
    .where("attendance.meeting_id", "=", meetingId)
    .where("attendance.deleted", "=", false)
    .orderBy("attendance.id");
}

/** True for an attendance row of a substitute: it names the member stood in for, by id or by name. */
const AS_SUBSTITUTE = sql<boolean>`(attendance.substitute_for_person_id is not null or attendance.substitute_for_name is not null)`;

/**
 * Each person's attendance at the body's meetings, by name, substitutes apart (issue 14): meetings
 * attended and missed as a member, and meetings attended as a substitute for someone, which a
 * member's attendance rate does not count.
 */
export function bodyAttendanceByPersonQuery(db: Kysely<Database>, bodyId: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("meeting", "meeting.id", "attendance.meeting_id")
    .innerJoin("person", "person.id", "attendance.person_id")
    .select((eb) => [
      "person.id as personId",
      "person.name",
      eb.fn
        .count<number>(sql`case when attendance.status = 'present' and not ${AS_SUBSTITUTE} then 1 end`)
        .as("present"),
      eb.fn.count<number>(sql`case when attendance.status = 'absent' then 1 end`).as("absent"),
      eb.fn
        .count<number>(sql`case when attendance.status = 'present' and ${AS_SUBSTITUTE} then 1 end`)
        .as("substituted"),
    ])
    .where("meeting.body_id", "=", bodyId)
    .where("meeting.deleted", "=", false)
    .where("attendance.deleted", "=", false)
    .where("person.deleted", "=", false)
    .groupBy(["person.id", "person.name"])
    .orderBy("person.name")
    .orderBy("person.id");
}

export interface BodyAttendanceRate {
  readonly personId: number;
  readonly name: string;
  /** Meetings attended as a member. */
  readonly present: number;
  readonly absent: number;
  /** Meetings attended as a substitute for someone: counted apart, not in the rate. */
  readonly substituted: number;
  /** present / (present + absent); null for someone who only substituted. */
  readonly rate: number | null;
}

/** The body's attendance by person, substitutes apart, by name. */
export async function bodyAttendanceRates(
  db: Kysely<Database>,
  bodyId: number,
): Promise<BodyAttendanceRate[]> {
  const rows = await bodyAttendanceByPersonQuery(db, bodyId).execute();
  return rows.map((r) => {
    const present = Number(r.present);
    const absent = Number(r.absent);
    return {
      personId: r.personId,
      name: r.name,
      present,
      absent,
      substituted: Number(r.substituted),
      rate: present + absent > 0 ? present / (present + absent) : null,
    };
  });
}
