/**
 * @module Reads for the portal's JSON API (/api): bodies, meetings, items, persons. Closed items come back
 * without their content (the query never hands it on) and persons only with public columns, so
 * person.private_note never leaves the store.
 */
import { type Kysely, sql } from "kysely";
import {
  type CaseHistoryEntry,
  PUBLIC_VIEWER,
  type Viewer,
  type WithholdingReason,
} from "../../domain/index.js";
import type { StoredExtraField, StoredItemDecision } from "../schema/record-tables.js";
import type { Database } from "../schema.js";
import {
  meetingAttendanceQuery,
  personAttendanceQuery,
  personMembershipsQuery,
} from "./attendance-queries.js";
import { fileVisible, itemVisible, originalVisible } from "./visibility.js";

type Db = Kysely<Database>;

export interface ApiBodyRow {
  readonly id: number;
  readonly name: string;
  readonly shortName: string | null;
  readonly meetingCount: number;
}

export interface ApiMeetingRow {
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

export interface ApiAttendeeRow {
  readonly personId: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly status: string;
  readonly substituteFor: string | null;
}

export interface ApiFileRow {
  readonly id: number;
  readonly title: string;
  readonly fileName: string;
  readonly mime: string;
  readonly byteSize: number;
  readonly role: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly agendaItemId: number | null;
}

export interface ApiItemFields {
  readonly resume: string | null;
  readonly baggrund: string | null;
  readonly indstilling: string | null;
  readonly sagsforloeb: string | null;
  readonly sagsfremstilling: string | null;
  readonly beslutning: string | null;
}

/** An item the viewer may see in full; `withheld` says why the public may not (null: it may). */
export interface ApiOpenItemRow {
  readonly visible: true;
  readonly withheld: WithholdingReason | null;
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
  readonly title: string;
  readonly sectionNumber: string | null;
  readonly sectionTitle: string | null;
  readonly caseNumber: string | null;
  readonly caseInitials: readonly string[];
  readonly fields: ApiItemFields;
  /** Headed fields beyond the six, decisions of other bodies or days, earlier treatments (migration 0023). */
  readonly extraFields: readonly StoredExtraField[];
  readonly decisions: readonly StoredItemDecision[];
  readonly caseHistory: readonly CaseHistoryEntry[];
  /** Who did not take part in the item's treatment (migration 0029). */
  readonly notParticipating: readonly string[];
  readonly notes: string | null;
  readonly source: {
    readonly file: string | null;
    readonly sha256: string | null;
    readonly page: number | null;
    readonly lineStart: number | null;
    readonly lineEnd: number | null;
  };
}

/** A closed item (lukket punkt): that it exists, its number and meeting; nothing of its content. */
export interface ApiClosedItemRow {
  readonly visible: false;
  readonly id: number;
  readonly meetingId: number;
  readonly number: string;
}

export type ApiItemRow = ApiOpenItemRow | ApiClosedItemRow;

export interface ApiMeetingDetail extends ApiMeetingRow {
  readonly attendance: readonly ApiAttendeeRow[];
  readonly items: readonly ApiItemRow[];
  readonly files: readonly ApiFileRow[];
}

export interface ApiItemDetail {
  readonly item: ApiItemRow;
  readonly meeting: ApiMeetingRow;
  readonly files: readonly ApiFileRow[];
}

export interface ApiPersonRow {
  readonly id: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
}

export interface ApiPersonDetail extends ApiPersonRow {
  readonly memberships: readonly {
    readonly organizationId: number;
    readonly organizationName: string;
    readonly bodyId: number;
    readonly bodyName: string;
    readonly role: string;
    readonly party: string | null;
    readonly startDate: string | null;
    readonly endDate: string | null;
  }[];
  readonly attendance: readonly {
    readonly meetingId: number;
    readonly date: string;
    readonly bodyName: string;
    readonly status: string;
    readonly substituteFor: string | null;
  }[];
}

export interface ApiList<T> {
  readonly total: number;
  readonly rows: readonly T[];
}

export interface ApiPaging {
  readonly limit: number;
  readonly offset: number;
}

export async function apiBodies(db: Db): Promise<ApiBodyRow[]> {
  const rows = await db
    .selectFrom("body")
    .select((eb) => [
      "body.id",
      "body.name",
      "body.short_name as shortName",
      eb
        .selectFrom("meeting")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("meeting.body_id", "=", "body.id")
        .where("meeting.deleted", "=", false)
        .as("meetingCount"),
    ])
    .where("body.deleted", "=", false)
    .orderBy("body.name")
    .execute();
  return rows.map((r) => ({ ...r, meetingCount: Number(r.meetingCount ?? 0) }));
}

export async function apiBody(db: Db, id: number): Promise<ApiBodyRow | null> {
  return (await apiBodies(db)).find((b) => b.id === id) ?? null;
}

function meetingQuery(db: Db) {
  return db
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
    .where("body.deleted", "=", false);
}

type MeetingQueryRow = Omit<ApiMeetingRow, "itemCount"> & { itemCount: number | null };
const toMeeting = (r: MeetingQueryRow): ApiMeetingRow => ({ ...r, itemCount: Number(r.itemCount ?? 0) });

/** Meetings, newest first, optionally of one body and one year. */
export async function apiMeetings(
  db: Db,
  options: ApiPaging & { readonly bodyId?: number | undefined; readonly year?: number | undefined },
): Promise<ApiList<ApiMeetingRow>> {
  let query = meetingQuery(db);
  if (options.bodyId !== undefined) query = query.where("meeting.body_id", "=", options.bodyId);
  if (options.year !== undefined) {
    query = query
      .where("meeting.date", ">=", `${options.year}-01-01`)
      .where("meeting.date", "<=", `${options.year}-12-31`);
  }
  const [rows, count] = await Promise.all([
    query
      .orderBy("meeting.date", "desc")
      .orderBy("meeting.id")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst(),
  ]);
  return { total: Number(count?.n ?? 0), rows: rows.map(toMeeting) };
}

/** Files `viewer` may see whose imported file may also be downloaded (a file's URL serves those bytes). */
async function filesWhere(db: Db, where: ReturnType<typeof sql>, viewer: Viewer): Promise<ApiFileRow[]> {
  const result =
    await sql<ApiFileRow>`select f.id, f.title, coalesce(sf.file_name, f.file_name) as "fileName",
      coalesce(sf.mime, f.mime) as mime, coalesce(octet_length(sf.content), sf.byte_size, f.byte_size) as "byteSize",
      f.role, f.item_number as "itemNumber", f.annex_number as "annexNumber", f.page_start as "pageStart",
      f.page_end as "pageEnd", f.agenda_item_id as "agendaItemId"
    from file f left join source_file sf on sf.id = f.source_file_id
    where ${where} and ${fileVisible(viewer, "f")} and ${originalVisible(viewer, "f")}
    order by f.position, f.id`.execute(db);
  return result.rows.map((r) => ({ ...r, byteSize: Number(r.byteSize) }));
}

const ITEM_SELECT = [
  "agenda_item.id",
  "agenda_item.meeting_id as meetingId",
  "agenda_item.number",
  "agenda_item.title",
  "agenda_item.section_number as sectionNumber",
  "agenda_item.section_title as sectionTitle",
  "agenda_item.resume",
  "agenda_item.baggrund",
  "agenda_item.indstilling",
  "agenda_item.sagsforloeb",
  "agenda_item.sagsfremstilling",
  "agenda_item.beslutning",
  "agenda_item.notes",
  "agenda_item.extra_fields as extraFields",
  "agenda_item.decisions",
  "agenda_item.case_history as caseHistory",
  "agenda_item.not_participating as notParticipating",
  "agenda_item.page",
  "agenda_item.line_start as lineStart",
  "agenda_item.line_end as lineEnd",
  "case_file.number as caseNumber",
  "case_file.initials as caseInitials",
  "source_file.file_name as sourceFile",
  "source_file.sha256 as sourceSha256",
] as const;

/** Items with `visible`: whether `viewer` may see the content (itemVisible), which for the public is "open". */
function itemQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom("agenda_item")
    .leftJoin("case_file", "case_file.id", "agenda_item.case_id")
    .leftJoin("source_file", "source_file.id", "agenda_item.source_file_id")
    .select(ITEM_SELECT)
    .select(["agenda_item.withheld", itemVisible(viewer).as("visible")])
    .where("agenda_item.deleted", "=", false);
}

type ItemQueryRow = Awaited<ReturnType<ReturnType<typeof itemQuery>["executeTakeFirstOrThrow"]>>;

/** Hands on a closed item's number and nothing else. */
function toItem(r: ItemQueryRow): ApiItemRow {
  if (!r.visible) return { visible: false, id: r.id, meetingId: r.meetingId, number: r.number };
  return {
    visible: true,
    withheld: r.withheld,
    id: r.id,
    meetingId: r.meetingId,
    number: r.number,
    title: r.title,
    sectionNumber: r.sectionNumber,
    sectionTitle: r.sectionTitle,
    caseNumber: r.caseNumber,
    caseInitials: r.caseInitials ?? [],
    fields: {
      resume: r.resume,
      baggrund: r.baggrund,
      indstilling: r.indstilling,
      sagsforloeb: r.sagsforloeb,
      sagsfremstilling: r.sagsfremstilling,
      beslutning: r.beslutning,
    },
    extraFields: r.extraFields.map(({ key, heading, text }) => ({ key, heading, text })),
    decisions: r.decisions.map(({ body, date, heading, text }) => ({ body, date, heading, text })),
    caseHistory: r.caseHistory,
    notParticipating: r.notParticipating,
    notes: r.notes,
    source: {
      file: r.sourceFile,
      sha256: r.sourceSha256,
      page: r.page,
      lineStart: r.lineStart,
      lineEnd: r.lineEnd,
    },
  };
}

export async function apiMeeting(
  db: Db,
  id: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<ApiMeetingDetail | null> {
  const meeting = await meetingQuery(db).where("meeting.id", "=", id).executeTakeFirst();
  if (!meeting) return null;
  const [attendance, items, files] = await Promise.all([
    meetingAttendanceQuery(db, id).execute(),
    itemQuery(db, viewer)
      .where("agenda_item.meeting_id", "=", id)
      .orderBy("agenda_item.position")
      .orderBy("agenda_item.id")
      .execute(),
    filesWhere(db, sql`f.meeting_id = ${id}`, viewer),
  ]);
  return { ...toMeeting(meeting), attendance, items: items.map(toItem), files };
}

export async function apiItem(
  db: Db,
  id: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<ApiItemDetail | null> {
  const row = await itemQuery(db, viewer).where("agenda_item.id", "=", id).executeTakeFirst();
  if (!row) return null;
  const meeting = await meetingQuery(db).where("meeting.id", "=", row.meetingId).executeTakeFirst();
  if (!meeting) return null;
  const item = toItem(row);
  const files = item.visible ? await filesWhere(db, sql`f.agenda_item_id = ${id}`, viewer) : [];
  return { item, meeting: toMeeting(meeting), files };
}

function personQuery(db: Db) {
  return db
    .selectFrom("person")
    .select(["person.id", "person.name", "person.party", "person.municipality"])
    .where("person.deleted", "=", false);
}

/** Persons by name; of one body: those with a membership in it or at one of its meetings. */
export async function apiPersons(
  db: Db,
  options: ApiPaging & { readonly bodyId?: number | undefined },
): Promise<ApiList<ApiPersonRow>> {
  let query = personQuery(db);
  const bodyId = options.bodyId;
  if (bodyId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb(
          "person.id",
          "in",
          eb
            .selectFrom("membership")
            .innerJoin("organization", "organization.id", "membership.organization_id")
            .select("membership.person_id")
            .where("organization.body_id", "=", bodyId),
        ),
        eb(
          "person.id",
          "in",
          eb
            .selectFrom("attendance")
            .innerJoin("meeting", "meeting.id", "attendance.meeting_id")
            .select("attendance.person_id")
            .where("meeting.body_id", "=", bodyId),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.orderBy("person.name").orderBy("person.id").limit(options.limit).offset(options.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}

export async function apiPerson(db: Db, id: number): Promise<ApiPersonDetail | null> {
  const person = await personQuery(db).where("person.id", "=", id).executeTakeFirst();
  if (!person) return null;
  const [memberships, attendance] = await Promise.all([
    personMembershipsQuery(db, id).orderBy("membership.id").execute(),
    personAttendanceQuery(db, id).execute(),
  ]);
  return { ...person, memberships, attendance };
}
