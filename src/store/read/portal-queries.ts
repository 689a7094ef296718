/**
 * @module Read models of the public portal: front page, body and meeting. Every item leaves through
 * presentItem or presentAgendaEntry (closed items become "Lukket punkt"); every person through explicit
 * columns, so personal data such as person.private_note is never selected.
 */
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { isStandingItem, PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import { compileOncePerViewer } from "../connection/compile-once.js";
import type { Database } from "../schema.js";
import { meetingAttendanceQuery } from "./attendance-queries.js";
import { type AnnouncedMeeting, announcedMeetings } from "./portal-announced.js";
import {
  danishToday,
  FILE_REF_COLUMNS,
  type FileRef,
  type MeetingRef,
  meetingRefQuery,
  toDate,
  toFileRef,
  toMeetingRef,
} from "./portal-common.js";
import { type AgendaEntryView, agendaEntryColumns, presentAgendaEntry } from "./portal-items.js";
import { fileVisible, itemVisible, originalVisible } from "./visibility.js";

export * from "./decision-overview-queries.js";
export * from "./people-queries.js";
export * from "./portal-announced.js";
export * from "./portal-common.js";
export * from "./portal-feed-queries.js";
export * from "./portal-file-queries.js";
export * from "./portal-item-queries.js";
export * from "./portal-items.js";
export * from "./portal-person-queries.js";

export interface DecisionRef {
  readonly itemId: number;
  readonly number: string;
  readonly title: string;
  readonly decision: string;
  readonly meeting: MeetingRef;
}

export interface FrontPageData {
  readonly bodies: readonly { readonly id: number; readonly name: string; readonly meetingCount: number }[];
  readonly upcoming: readonly MeetingRef[];
  /** Dates the minutes name for coming meetings that are not in the store yet. */
  readonly announced: readonly AnnouncedMeeting[];
  readonly latest: readonly MeetingRef[];
  readonly decisions: readonly DecisionRef[];
  readonly lastModified: Date | null;
}

/** How many latest decisions the front page shows. */
const FRONT_PAGE_DECISIONS = 6;
/**
 * Decisions read to find them: standing items ("Godkendelse af dagsorden", "Eventuelt") are dropped
 * after reading, and a meeting rarely has more than a handful of them.
 */
const FRONT_PAGE_DECISIONS_READ = 60;

/**
 * The front page: bodies, the next and the latest meetings, the latest decisions of open items without
 * the standing items every meeting carries (domain's isStandingItem).
 */
export async function getFrontPage(
  db: Kysely<Database>,
  options: { today?: string; viewer?: Viewer } = {},
): Promise<FrontPageData> {
  const viewer = options.viewer ?? PUBLIC_VIEWER;
  const today = options.today ?? danishToday();
  const [bodies, upcoming, announced, latest, decisionRows, modified] = await Promise.all([
    db
      .selectFrom("body")
      .select((eb) => [
        "body.id",
        "body.name",
        eb
          .selectFrom("meeting")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("meeting.body_id", "=", "body.id")
          .where("meeting.deleted", "=", false)
          .as("meetingCount"),
      ])
      .where("body.deleted", "=", false)
      .orderBy("body.name")
      .execute(),
    meetingRefQuery(db).where("meeting.date", ">=", today).orderBy("meeting.date", "asc").limit(5).execute(),
    announcedMeetings(db, { from: today }),
    meetingRefQuery(db).where("meeting.date", "<", today).orderBy("meeting.date", "desc").limit(6).execute(),
    meetingRefQuery(db)
      .innerJoin("agenda_item", "agenda_item.meeting_id", "meeting.id")
      .select([
        "agenda_item.id as itemId",
        "agenda_item.number",
        "agenda_item.title",
        "agenda_item.beslutning as decision",
      ])
      .where("agenda_item.deleted", "=", false)
      // Closed items have no public decision; they are left out here rather than shown as "Lukket punkt".
      .where(itemVisible(viewer))
      .where("agenda_item.beslutning", "is not", null)
      .orderBy("meeting.date", "desc")
      .orderBy("agenda_item.position", "asc")
      .limit(FRONT_PAGE_DECISIONS_READ)
      .execute(),
    db
      .selectFrom("meeting")
      .select((eb) => eb.fn.max("modified").as("modified"))
      .where("deleted", "=", false)
      .executeTakeFirst(),
  ]);
  return {
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, meetingCount: Number(b.meetingCount ?? 0) })),
    upcoming: upcoming.map(toMeetingRef),
    announced: announced.slice(0, 5),
    latest: latest.map(toMeetingRef),
    decisions: decisionRows
      .filter((r) => !isStandingItem(r.title))
      .slice(0, FRONT_PAGE_DECISIONS)
      .map((r) => ({
        itemId: r.itemId,
        number: r.number,
        title: r.title,
        decision: r.decision ?? "",
        meeting: toMeetingRef(r),
      })),
    lastModified: toDate(modified?.modified),
  };
}

export interface MemberView {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly role: string;
}

export interface MeetingAttendanceCount {
  readonly meetingId: number;
  readonly date: string;
  /** Members present (substitutes not counted). */
  readonly present: number;
  /** Substitutes who stood in for an absent member ("Suppl. for"), counted apart. */
  readonly substitutes: number;
  readonly absent: number;
}

export interface BodyPageData {
  readonly id: number;
  readonly name: string;
  readonly members: readonly MemberView[];
  readonly meetings: readonly MeetingRef[];
  readonly attendance: readonly MeetingAttendanceCount[];
  /** Annexes of the body's imported files that name no meeting (an annex pack without a date). */
  readonly documents: readonly FileRef[];
  readonly lastModified: Date | null;
}

const ROLE_ORDER = ["chair", "vice-chair", "member", "substitute"];

/** A body with its current members, its meetings (newest first) and attendance counts per meeting. */
export async function getBodyPage(
  db: Kysely<Database>,
  bodyId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<BodyPageData | null> {
  const body = await db
    .selectFrom("body")
    .select(["id", "name", "modified"])
    .where("id", "=", bodyId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!body) return null;
  const [members, meetings, attendance, documents] = await Promise.all([
    db
      .selectFrom("membership")
      .innerJoin("organization", "organization.id", "membership.organization_id")
      .innerJoin("person", "person.id", "membership.person_id")
      .select([
        "person.id as personId",
        "person.name",
        "membership.party as membershipParty",
        "person.party as personParty",
        "person.municipality",
        "membership.role",
      ])
      .where("organization.body_id", "=", bodyId)
      .where("membership.deleted", "=", false)
      .where("person.deleted", "=", false)
      .where((eb) =>
        eb.or([eb("membership.end_date", "is", null), eb("membership.end_date", ">=", danishToday())]),
      )
      .orderBy("person.name")
      .execute(),
    meetingRefQuery(db).where("meeting.body_id", "=", bodyId).orderBy("meeting.date", "desc").execute(),
    db
      .selectFrom("meeting")
      .leftJoin("attendance", (join) =>
        join.onRef("attendance.meeting_id", "=", "meeting.id").on("attendance.deleted", "=", false),
      )
      .select((eb) => [
        "meeting.id as meetingId",
        "meeting.date",
        eb.fn
          .count<number>(
            sql`case when attendance.status = 'present' and attendance.substitute_for_person_id is null and attendance.substitute_for_name is null then 1 end`,
          )
          .as("present"),
        eb.fn
          .count<number>(
            sql`case when attendance.status = 'present' and (attendance.substitute_for_person_id is not null or attendance.substitute_for_name is not null) then 1 end`,
          )
          .as("substitutes"),
        eb.fn.count<number>(sql`case when attendance.status = 'absent' then 1 end`).as("absent"),
      ])
      .where("meeting.body_id", "=", bodyId)
      .where("meeting.deleted", "=", false)
      .groupBy(["meeting.id", "meeting.date"])
      .orderBy("meeting.date", "asc")
      .execute(),
    db
      .selectFrom("file")
      .innerJoin("source_file", "source_file.id", "file.source_file_id")
      .select(FILE_REF_COLUMNS)
      .where("source_file.body_name", "=", body.name)
      .where("source_file.deleted", "=", false)
      .where("file.meeting_id", "is", null)
      .where("file.role", "=", "annex")
      .where(fileVisible(viewer))
      .orderBy("source_file.file_name")
      .orderBy("file.position")
      .execute(),
  ]);
  // A person can be both member and substitute over time; the page lists each person once, highest role.
  const byPerson = new Map<number, MemberView>();
  for (const m of members) {
    const view: MemberView = {
      personId: m.personId,
      name: m.name,
      party: m.membershipParty ?? m.personParty,
      municipality: m.municipality,
      role: m.role,
    };
    const known = byPerson.get(m.personId);
    if (!known || rank(view.role) < rank(known.role)) byPerson.set(m.personId, view);
  }
  const meetingRefs = meetings.map(toMeetingRef);
  const lastModified = meetings.length > 0 ? await lastModifiedOfMeetings(db, bodyId) : body.modified;
  return {
    id: body.id,
    name: body.name,
    members: [...byPerson.values()].sort(
      (a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name, "da"),
    ),
    meetings: meetingRefs,
    attendance: attendance
      .filter((a) => Number(a.present) + Number(a.substitutes) + Number(a.absent) > 0)
      .map((a) => ({
        meetingId: a.meetingId,
        date: a.date,
        present: Number(a.present),
        substitutes: Number(a.substitutes),
        absent: Number(a.absent),
      })),
    documents: documents.map(toFileRef),
    lastModified: toDate(lastModified),
  };
}

function rank(role: string): number {
  const index = ROLE_ORDER.indexOf(role);
  return index === -1 ? ROLE_ORDER.length : index;
}

async function lastModifiedOfMeetings(db: Kysely<Database>, bodyId: number): Promise<unknown> {
  const row = await db
    .selectFrom("meeting")
    .select((eb) => eb.fn.max("modified").as("modified"))
    .where("body_id", "=", bodyId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return row?.modified;
}

export interface AttendeeView {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly status: "present" | "absent";
  readonly substituteForPersonId: number | null;
  readonly substituteForName: string | null;
}

export interface MeetingPageData {
  readonly id: number;
  readonly name: string;
  readonly date: string;
  /** The date was estimated from an annex pack's text: no agenda or minutes have stated it yet. */
  readonly dateEstimated: boolean;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: string;
  readonly body: { readonly id: number; readonly name: string };
  /** What the agenda shown comes from: the minutes, an agenda, or neither (a meeting known from a pack). */
  readonly record: "minutes" | "agenda" | null;
  readonly attendance: readonly AttendeeView[];
  /** The agenda: each item's place, title and decision (the item page has the rest). */
  readonly items: readonly AgendaEntryView[];
  /** Every annex of the meeting the viewer may see, those of its packs too. */
  readonly annexes: readonly FileRef[];
  /** The annex packs of the meeting, each with its documents, in the order they were imported. */
  readonly packs: readonly MeetingPackView[];
  /** The imported files themselves (minutes, agenda, pack), downloadable unless they hold closed items. */
  readonly originals: readonly OriginalView[];
  readonly previous: MeetingRef | null;
  readonly next: MeetingRef | null;
  /** Dates the documents name for the meetings before and after, shown when those are not stored. */
  readonly previousDate: string | null;
  readonly nextDate: string | null;
  readonly lastModified: Date | null;
}

/** An imported file of the meeting, offered for download by what it is, never by its internal name. */
export interface OriginalView extends FileRef {
  readonly downloadable: boolean;
  readonly sourceFileId: number | null;
  /** The imported document's kind: "minutes", "agenda", "annex-pack", "document". */
  readonly kind: string;
  readonly format: string;
  readonly pages: number;
}

/** One annex pack of a meeting: its documents (those the viewer may see) and the pack file itself. */
export interface MeetingPackView {
  readonly sourceFileId: number;
  readonly documents: readonly FileRef[];
  readonly original: OriginalView | null;
}

/**
 * The meeting page in one statement: each part is a subquery bounded by the meeting (its id, or its body
 * and date on the body's index), so the cost does not grow with the corpus, and one round trip instead of
 * six keeps the per-request work of Node and PostgreSQL small.
 */
const meetingPageQuery = compileOncePerViewer((db, meetingId: number, viewer) =>
  db
    .selectFrom("meeting as this")
    .innerJoin("body", "body.id", "this.body_id")
    .select([
      "this.id",
      "this.name",
      "this.date",
      "this.start_time",
      "this.end_time",
      "this.location",
      "this.state",
      "this.modified",
      "this.date_estimated",
      "this.previous_meeting_date",
      "this.next_meeting_date",
      "body.id as bodyId",
      "body.name as bodyName",
    ])
    .select((eb) => {
      const neighbour = (direction: "<" | ">") =>
        jsonObjectFrom(
          meetingRefQuery(db)
            .where("meeting.body_id", "=", eb.ref("this.body_id"))
            .where("meeting.date", direction, eb.ref("this.date"))
            .orderBy("meeting.date", direction === "<" ? "desc" : "asc")
            .limit(1),
        );
      return [
        jsonArrayFrom(meetingAttendanceQuery(db, meetingId)).as("attendance"),
        jsonArrayFrom(
          db
            .selectFrom("agenda_item")
            .select(agendaEntryColumns(viewer))
            .where("agenda_item.meeting_id", "=", meetingId)
            .where("agenda_item.deleted", "=", false)
            .orderBy("agenda_item.position"),
        ).as("items"),
        jsonArrayFrom(
          db
            .selectFrom("file")
            .select(FILE_REF_COLUMNS)
            .leftJoin("source_file", "source_file.id", "file.source_file_id")
            .select([
              "file.role",
              "file.source_file_id as sourceFileId",
              "source_file.kind as sourceKind",
              "source_file.format as sourceFormat",
              "source_file.pages as sourcePages",
              originalVisible(viewer).as("downloadable"),
            ])
            .where("file.meeting_id", "=", meetingId)
            // The meeting's imported files are listed by name, offered for download only when visible.
            .where(
              // Parenthesised whole: Kysely ANDs a raw condition with the meeting's as it is written.
              sql<boolean>`((${sql.ref("file.role")} = 'original' and not ${sql.ref("file.deleted")}) or ${fileVisible(viewer)})`,
            )
            .orderBy("file.source_file_id")
            .orderBy("file.position"),
        ).as("files"),
        neighbour("<").as("previous"),
        neighbour(">").as("next"),
      ];
    })
    .select((eb) =>
      eb
        .selectFrom("source_file")
        .select("source_file.kind")
        .whereRef("source_file.id", "=", "this.source_file_id")
        .as("recordKind"),
    )
    .where("this.id", "=", meetingId)
    .where("this.deleted", "=", false),
);

/** A meeting with attendance, agenda, annexes and its neighbours in the same body. */
export async function getMeetingPage(
  db: Kysely<Database>,
  meetingId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<MeetingPageData | null> {
  const [meeting] = await meetingPageQuery(db, meetingId, viewer);
  if (!meeting) return null;
  const { attendance, items, files, previous, next } = meeting;
  const originals: OriginalView[] = files
    .filter((f) => f.role === "original")
    .map((f) => ({
      ...toFileRef(f),
      downloadable: Boolean(f.downloadable),
      sourceFileId: f.sourceFileId,
      kind: f.sourceKind ?? "document",
      format: f.sourceFormat ?? "text",
      pages: f.sourcePages ?? 1,
    }));
  const packIds = [
    ...new Set(
      files.flatMap((f) =>
        f.sourceKind === "annex-pack" && f.sourceFileId !== null ? [f.sourceFileId] : [],
      ),
    ),
  ];
  const record =
    meeting.recordKind === "minutes" || meeting.recordKind === "agenda" ? meeting.recordKind : null;
  return {
    id: meeting.id,
    name: meeting.name,
    date: meeting.date,
    dateEstimated: Boolean(meeting.date_estimated),
    record,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    location: meeting.location,
    state: meeting.state,
    body: { id: meeting.bodyId, name: meeting.bodyName },
    attendance: attendance.map((a) => ({
      personId: a.personId,
      name: a.name,
      party: a.party,
      municipality: a.municipality,
      status: a.status === "absent" ? "absent" : "present",
      substituteForPersonId: a.substituteForPersonId,
      substituteForName: a.substituteFor,
    })),
    items: items.map(presentAgendaEntry),
    annexes: files.filter((f) => f.role === "annex").map(toFileRef),
    packs: packIds.map((sourceFileId) => ({
      sourceFileId,
      documents: files.filter((f) => f.role === "annex" && f.sourceFileId === sourceFileId).map(toFileRef),
      original: originals.find((o) => o.sourceFileId === sourceFileId) ?? null,
    })),
    originals,
    previous: previous ? toMeetingRef(previous) : null,
    next: next ? toMeetingRef(next) : null,
    previousDate: meeting.previous_meeting_date,
    nextDate: meeting.next_meeting_date,
    lastModified: toDate(meeting.modified),
  };
}
