/** @module Attendance read from both sides, a person's and a meeting's, with memberships; shared by portal and API. */
import type { Kysely } from "kysely";
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

/** Every meeting the person attended or missed, newest first. */
export function personAttendanceQuery(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("meeting", "meeting.id", "attendance.meeting_id")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select([
      "meeting.id as meetingId",
      "meeting.date",
      "body.name as bodyName",
      "attendance.status",
      "attendance.substitute_for_name as substituteFor",
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
