/**
 * @module The secretariat's record of a held meeting (issue 14), read as one MeetingRecord: the meeting,
 * its published agenda items (agenda_item, in position order: sending the agenda published them there)
 * with the working copy of decisions, votes, protocol remarks and recusals (migration 0017), the
 * attendance, and the body's members on the meeting date. The meeting-day screen and the minutes
 * renderer both read this; nothing of it is public until the minutes are published.
 */
import type { Kysely } from "kysely";
import type {
  MeetingRecord,
  RecordAttendance,
  RecordAttendee,
  RecordItem,
  RecordMember,
  RecordPerson,
  RecordSubstitute,
  RecordVote,
  RecordVoter,
  Voter,
} from "../../domain/index.js";
import type { Database, MinutesVote } from "../schema.js";
import { draftMeeting } from "./agenda-draft-queries.js";

type Db = Kysely<Database>;

/**
 * The record of a meeting; null when the meeting is unknown or deleted.
 * @example const record = await meetingRecordOf(db, 12); record?.attendance.substitutes[0]?.substituteFor.name
 */
export async function meetingRecordOf(db: Db, meetingId: number): Promise<MeetingRecord | null> {
  // The meeting as the secretariat's agenda reads it (with its phase), without the agenda's version count.
  const draft = await draftMeeting(db, meetingId);
  if (!draft) return null;
  const { versions: _versions, ...meeting } = draft;

  const [members, people, attendanceRows, itemRows, decisions, remarks, recusals] = await Promise.all([
    bodyMembersOn(db, meeting.bodyId, meeting.date),
    bodyPeople(db, meeting.bodyId),
    db
      .selectFrom("minutes_attendance")
      .select(["person_id", "status", "substitute_for_person_id", "note", "modified"])
      .where("meeting_id", "=", meetingId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("agenda_item")
      .leftJoin("case_file", "case_file.id", "agenda_item.case_id")
      .select([
        "agenda_item.id",
        "agenda_item.number",
        "agenda_item.position",
        "agenda_item.section_number",
        "agenda_item.section_title",
        "agenda_item.title",
        "agenda_item.public",
        "agenda_item.withheld",
        "case_file.number as caseNumber",
        "agenda_item.resume",
        "agenda_item.baggrund",
        "agenda_item.indstilling",
        "agenda_item.sagsforloeb",
        "agenda_item.sagsfremstilling",
      ])
      .where("agenda_item.meeting_id", "=", meetingId)
      .where("agenda_item.deleted", "=", false)
      .orderBy("agenda_item.position")
      .orderBy("agenda_item.id")
      .execute(),
    db
      .selectFrom("minutes_decision")
      .select([
        "agenda_item_id",
        "decision",
        "discussion",
        "vote",
        "concerns_municipalities",
        "revision",
        "modified",
      ])
      .where("meeting_id", "=", meetingId)
      .execute(),
    db
      .selectFrom("protocol_remark")
      .innerJoin("agenda_item", "agenda_item.id", "protocol_remark.agenda_item_id")
      .select([
        "protocol_remark.id",
        "protocol_remark.agenda_item_id",
        "protocol_remark.person_id",
        "protocol_remark.text",
        "protocol_remark.modified",
      ])
      .where("agenda_item.meeting_id", "=", meetingId)
      .where("protocol_remark.deleted", "=", false)
      .orderBy("protocol_remark.position")
      .orderBy("protocol_remark.id")
      .execute(),
    db
      .selectFrom("minutes_recusal")
      .select(["agenda_item_id", "person_id", "reason", "created"])
      .where("meeting_id", "=", meetingId)
      .orderBy("id")
      .execute(),
  ]);

  // Everyone the record names, whether a member or not (a guest, an official, a typed-in substitute).
  const named = new Set<number>([
    ...attendanceRows.flatMap((a) => [a.person_id, a.substitute_for_person_id ?? a.person_id]),
    ...remarks.map((r) => r.person_id),
    ...recusals.map((r) => r.person_id),
    ...decisions.flatMap((d) => votersOf(d.vote).flatMap((v) => ("personId" in v ? [v.personId] : []))),
  ]);
  const persons = await personsByIds(db, [...named]);
  const person = (id: number): RecordPerson =>
    persons.get(id) ?? { personId: id, name: `Person ${id}`, party: null, municipality: null };

  const attendance = groupAttendance(attendanceRows, person);
  const items: RecordItem[] = itemRows.map((row) => {
    const decision = decisions.find((d) => d.agenda_item_id === row.id);
    return {
      id: row.id,
      number: row.number,
      position: row.position,
      sectionNumber: row.section_number,
      sectionTitle: row.section_title,
      title: row.title,
      closed: !row.public || row.withheld === "closed-item",
      caseNumber: row.caseNumber ?? null,
      fields: {
        resume: row.resume,
        baggrund: row.baggrund,
        indstilling: row.indstilling,
        sagsforloeb: row.sagsforloeb,
        sagsfremstilling: row.sagsfremstilling,
      },
      decision: decision
        ? {
            text: decision.decision,
            discussion: decision.discussion,
            vote: decision.vote ? recordVote(parsedVote(decision.vote), person) : null,
            concernsMunicipalities: decision.concerns_municipalities,
            revision: decision.revision,
            modified: new Date(decision.modified),
          }
        : null,
      protocolRemarks: remarks
        .filter((r) => r.agenda_item_id === row.id)
        .map((r) => ({ id: r.id, person: person(r.person_id), text: r.text })),
      recusals: recusals
        .filter((r) => r.agenda_item_id === row.id)
        .map((r) => ({ person: person(r.person_id), reason: r.reason })),
    };
  });
  const stamps = [
    ...attendanceRows.map((a) => a.modified),
    ...decisions.map((d) => d.modified),
    ...remarks.map((r) => r.modified),
    ...recusals.map((r) => r.created),
  ].map((d) => new Date(d).getTime());

  return {
    meeting,
    attendance,
    items,
    members,
    people,
    modified: stamps.length > 0 ? new Date(Math.max(...stamps)) : null,
  };
}

/** The body's members whose membership holds on `date` (no start after it, no end before it), by name. */
export async function bodyMembersOn(db: Db, bodyId: number, date: string): Promise<RecordMember[]> {
  const rows = await db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.organization_id")
    .innerJoin("person", "person.id", "membership.person_id")
    .select([
      "person.id as personId",
      "person.name",
      "person.party as personParty",
      "membership.party",
      "person.municipality",
      "membership.role",
    ])
    .where("organization.body_id", "=", bodyId)
    .where("membership.deleted", "=", false)
    .where("person.deleted", "=", false)
    .where((eb) => eb.or([eb("membership.start_date", "is", null), eb("membership.start_date", "<=", date)]))
    .where((eb) => eb.or([eb("membership.end_date", "is", null), eb("membership.end_date", ">=", date)]))
    .orderBy("person.name")
    .orderBy("person.id")
    .execute();
  const seen = new Set<number>();
  const members: RecordMember[] = [];
  for (const r of rows) {
    if (seen.has(r.personId)) continue;
    seen.add(r.personId);
    members.push({
      personId: r.personId,
      name: r.name,
      party: r.party ?? r.personParty,
      municipality: r.municipality,
      role: r.role,
    });
  }
  return members;
}

/** Everyone who has held a membership of the body, or attended one of its meetings, by name. */
export async function bodyPeople(db: Db, bodyId: number): Promise<RecordPerson[]> {
  const rows = await db
    .selectFrom("person")
    .select(["person.id as personId", "person.name", "person.party", "person.municipality"])
    .where("person.deleted", "=", false)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("membership")
            .innerJoin("organization", "organization.id", "membership.organization_id")
            .select("membership.id")
            .whereRef("membership.person_id", "=", "person.id")
            .where("organization.body_id", "=", bodyId)
            .where("membership.deleted", "=", false),
        ),
        eb.exists(
          eb
            .selectFrom("minutes_attendance")
            .innerJoin("meeting", "meeting.id", "minutes_attendance.meeting_id")
            .select("minutes_attendance.id")
            .whereRef("minutes_attendance.person_id", "=", "person.id")
            .where("meeting.body_id", "=", bodyId),
        ),
      ]),
    )
    .orderBy("person.name")
    .orderBy("person.id")
    .execute();
  return rows;
}

async function personsByIds(db: Db, ids: readonly number[]): Promise<Map<number, RecordPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("person")
    .select(["id as personId", "name", "party", "municipality"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.personId, r]));
}

function groupAttendance(
  rows: readonly {
    person_id: number;
    status: string;
    substitute_for_person_id: number | null;
    note: string | null;
  }[],
  person: (id: number) => RecordPerson,
): RecordAttendance {
  const of = (status: string): RecordAttendee[] =>
    rows.filter((r) => r.status === status).map((r) => ({ person: person(r.person_id), note: r.note }));
  const substitutes: RecordSubstitute[] = rows
    .filter((r) => r.status === "substitute" && r.substitute_for_person_id !== null)
    .map((r) => ({
      person: person(r.person_id),
      substituteFor: person(r.substitute_for_person_id as number),
    }));
  return {
    present: of("present"),
    absent: of("absent"),
    substitutes,
    guests: of("guest"),
    officials: of("official"),
  };
}

/** jsonb reads back parsed on both backends, but a string is possible through some drivers. */
function parsedVote(vote: MinutesVote | string): MinutesVote {
  return typeof vote === "string" ? (JSON.parse(vote) as MinutesVote) : vote;
}

function votersOf(vote: MinutesVote | string | null): readonly Voter[] {
  if (!vote) return [];
  const v = parsedVote(vote);
  return [...v.for, ...v.against, ...v.abstaining];
}

function recordVote(vote: MinutesVote, person: (id: number) => RecordPerson): RecordVote {
  const voter = (v: Voter): RecordVoter => {
    if ("party" in v) return { kind: "party", party: v.party };
    const p = person(v.personId);
    return { kind: "person", personId: p.personId, name: p.name, party: p.party };
  };
  return {
    for: vote.for.map(voter),
    against: vote.against.map(voter),
    abstaining: vote.abstaining.map(voter),
  };
}
