/**
 * @module Reads of the secretariat's working copy of an agenda (migration 0015): the meeting with its
 * phase, its sections and items with their annexes, one item, a body's template, its meetings, and the
 * members an agenda is mailed to. Only authoring and the secretariat's own surfaces read these; the
 * public reads what sending published into agenda_item and file.
 */
import type { Kysely } from "kysely";
import {
  type AgendaPhase,
  type AgendaTemplate,
  agendaPhase,
  isMeetingState,
  type MeetingState,
  type SectionPurpose,
  seedAgendaTemplate,
} from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface DraftMeeting {
  readonly id: number;
  readonly bodyId: number;
  readonly bodyName: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  readonly state: MeetingState;
  readonly phase: AgendaPhase;
  /** How many times the agenda has been sent (0: never; 2 and up: with addenda). */
  readonly versions: number;
}

/** The item fields the secretariat writes (Beslutning is the minutes' business). */
export interface DraftFields {
  readonly resume: string | null;
  readonly baggrund: string | null;
  readonly indstilling: string | null;
  readonly sagsforloeb: string | null;
  readonly sagsfremstilling: string | null;
}

export const DRAFT_FIELD_KEYS = [
  "resume",
  "baggrund",
  "indstilling",
  "sagsforloeb",
  "sagsfremstilling",
] as const;
export type DraftFieldKey = (typeof DRAFT_FIELD_KEYS)[number];

export interface DraftAnnex {
  readonly id: number;
  readonly itemId: number;
  /** 1-based: the annex number. */
  readonly position: number;
  readonly title: string;
  readonly fileName: string;
  readonly format: "pdf" | "docx";
  readonly mime: string;
  readonly byteSize: number;
  readonly sha256: string;
  readonly pageCount: number;
  /** Pages with a CPR number: withheld from the public once sent. */
  readonly cprPages: readonly number[];
}

export interface DraftItem {
  readonly id: number;
  readonly meetingId: number;
  readonly sectionId: number;
  readonly position: number;
  readonly number: string;
  readonly title: string;
  readonly public: boolean;
  readonly caseNumber: string | null;
  readonly initials: readonly string[];
  readonly fields: DraftFields;
  readonly takeUpAgain: boolean;
  readonly carriedFrom: string | null;
  readonly revision: number;
  readonly publishedItemId: number | null;
  readonly modified: Date;
  readonly annexes: readonly DraftAnnex[];
}

export interface DraftSection {
  readonly id: number;
  readonly position: number;
  readonly number: string;
  readonly title: string;
  readonly purpose: SectionPurpose;
  readonly items: readonly DraftItem[];
}

export interface AgendaDraft {
  readonly meeting: DraftMeeting;
  readonly sections: readonly DraftSection[];
}

/**
 * A meeting as the secretariat sees it, with its phase; undefined when there is none (or it is deleted).
 * @example const meeting = await draftMeeting(db, 12); meeting?.phase // "agenda-draft"
 */
export async function draftMeeting(db: Db, meetingId: number): Promise<DraftMeeting | undefined> {
  const row = await db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select((eb) => [
      "meeting.id",
      "meeting.body_id as bodyId",
      "body.name as bodyName",
      "meeting.date",
      "meeting.start_time as startTime",
      "meeting.end_time as endTime",
      "meeting.location",
      "meeting.state",
      eb
        .exists(eb.selectFrom("agenda_section").select("id").whereRef("meeting_id", "=", "meeting.id"))
        .as("drafted"),
      eb
        .selectFrom("agenda_version")
        .select((v) => v.fn.countAll<string>().as("n"))
        .whereRef("meeting_id", "=", "meeting.id")
        .as("versions"),
    ])
    .where("meeting.id", "=", meetingId)
    .where("meeting.deleted", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const state: MeetingState = isMeetingState(row.state) ? row.state : "planned";
  return {
    id: row.id,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    location: row.location,
    state,
    phase: agendaPhase(state, Boolean(row.drafted)),
    versions: Number(row.versions ?? 0),
  };
}

/** The whole working copy of a meeting's agenda, in order; undefined when the meeting is unknown. */
export async function agendaDraft(db: Db, meetingId: number): Promise<AgendaDraft | undefined> {
  const meeting = await draftMeeting(db, meetingId);
  if (!meeting) return undefined;
  const [sections, items] = await Promise.all([
    db
      .selectFrom("agenda_section")
      .select(["id", "position", "title", "purpose"])
      .where("meeting_id", "=", meetingId)
      .where("deleted", "=", false)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    draftItems(db, { meetingId }),
  ]);
  return {
    meeting,
    sections: sections.map((s, index) => ({
      ...s,
      number: String(index + 1),
      items: items.filter((i) => i.sectionId === s.id),
    })),
  };
}

/** One item of a working copy with its meeting's body and phase; undefined when unknown or removed. */
export async function authoredItemOf(
  db: Db,
  itemId: number,
): Promise<(DraftItem & { readonly meeting: DraftMeeting }) | undefined> {
  const [item] = await draftItems(db, { itemId });
  if (!item) return undefined;
  const meeting = await draftMeeting(db, item.meetingId);
  return meeting ? { ...item, meeting } : undefined;
}

async function draftItems(
  db: Db,
  by: { readonly meetingId: number } | { readonly itemId: number },
): Promise<DraftItem[]> {
  let query = db
    .selectFrom("authored_item")
    .innerJoin("agenda_section", "agenda_section.id", "authored_item.section_id")
    .selectAll("authored_item")
    .where("authored_item.deleted", "=", false);
  query =
    "itemId" in by
      ? query.where("authored_item.id", "=", by.itemId)
      : query.where("authored_item.meeting_id", "=", by.meetingId);
  const rows = await query
    .orderBy("agenda_section.position")
    .orderBy("authored_item.position")
    .orderBy("authored_item.id")
    .execute();
  if (rows.length === 0) return [];
  const annexes = await db
    .selectFrom("authored_annex")
    .select([
      "id",
      "authored_item_id as itemId",
      "position",
      "title",
      "file_name as fileName",
      "format",
      "mime",
      "byte_size as byteSize",
      "sha256",
      "pages",
      "cpr_pages as cprPages",
    ])
    .where(
      "authored_item_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("deleted", "=", false)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    sectionId: r.section_id,
    position: r.position,
    number: r.number,
    title: r.title,
    public: r.public,
    caseNumber: r.case_number,
    initials: r.initials,
    fields: {
      resume: r.resume,
      baggrund: r.baggrund,
      indstilling: r.indstilling,
      sagsforloeb: r.sagsforloeb,
      sagsfremstilling: r.sagsfremstilling,
    },
    takeUpAgain: r.take_up_again,
    carriedFrom: r.carried_from,
    revision: r.revision,
    publishedItemId: r.published_item_id,
    modified: r.modified,
    annexes: annexes
      .filter((a) => a.itemId === r.id)
      .map(({ pages, cprPages, ...a }) => ({ ...a, pageCount: pages.length, cprPages })),
  }));
}

/**
 * An uploaded annex's bytes, with the meeting's body (who may fetch them); undefined when unknown or
 * removed (`removed: true`: a removed annex too, for a sent agenda that still has it).
 */
export async function authoredAnnexContent(
  db: Db,
  annexId: number,
  options: { readonly removed?: boolean } = {},
): Promise<
  | {
      readonly bodyId: number;
      readonly fileName: string;
      readonly mime: string;
      readonly content: Uint8Array;
    }
  | undefined
> {
  return db
    .selectFrom("authored_annex")
    .innerJoin("authored_item", "authored_item.id", "authored_annex.authored_item_id")
    .innerJoin("meeting", "meeting.id", "authored_item.meeting_id")
    .select([
      "meeting.body_id as bodyId",
      "authored_annex.file_name as fileName",
      "authored_annex.mime",
      "authored_annex.content",
    ])
    .where("authored_annex.id", "=", annexId)
    .$if(!options.removed, (q) => q.where("authored_annex.deleted", "=", false))
    .executeTakeFirst();
}

/** One annex of a working copy with its item's id; undefined when unknown or removed. */
export async function authoredAnnexOf(
  db: Db,
  annexId: number,
): Promise<{ readonly id: number; readonly itemId: number; readonly title: string } | undefined> {
  return db
    .selectFrom("authored_annex")
    .select(["id", "authored_item_id as itemId", "title"])
    .where("id", "=", annexId)
    .where("deleted", "=", false)
    .executeTakeFirst();
}

/**
 * A body's agenda template: what its secretariat saved, or the seed for its kind of body
 * (domain/agenda-template.ts); undefined when the body is unknown.
 */
export async function agendaTemplateOf(
  db: Db,
  bodyId: number,
): Promise<
  { readonly bodyName: string; readonly template: AgendaTemplate; readonly stored: boolean } | undefined
> {
  const body = await db
    .selectFrom("body")
    .select("name")
    .where("id", "=", bodyId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!body) return undefined;
  const sections = await db
    .selectFrom("agenda_template_section")
    .select(["id", "title", "purpose"])
    .where("body_id", "=", bodyId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  if (sections.length === 0) {
    return { bodyName: body.name, template: seedAgendaTemplate(body.name), stored: false };
  }
  const items = await db
    .selectFrom("agenda_template_item")
    .select(["section_id", "title", "indstilling"])
    .where(
      "section_id",
      "in",
      sections.map((s) => s.id),
    )
    .orderBy("position")
    .orderBy("id")
    .execute();
  return {
    bodyName: body.name,
    stored: true,
    template: {
      sections: sections.map((s) => ({
        title: s.title,
        purpose: s.purpose,
        items: items
          .filter((i) => i.section_id === s.id)
          .map((i) => ({ title: i.title, indstilling: i.indstilling })),
      })),
    },
  };
}

/** A body's meetings for the secretariat's year plan, oldest first, with their phases. */
export async function bodyMeetingPlan(db: Db, bodyId: number): Promise<DraftMeeting[]> {
  const ids = await db
    .selectFrom("meeting")
    .select("id")
    .where("body_id", "=", bodyId)
    .where("deleted", "=", false)
    .orderBy("date")
    .execute();
  const meetings = await Promise.all(ids.map((r) => draftMeeting(db, r.id)));
  return meetings.filter((m): m is DraftMeeting => m !== undefined);
}

/** A user an agenda is mailed to. */
export interface AgendaRecipient {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
}

/** The body's members who can sign in (role medlem, not disabled), by name. */
export async function bodyMemberRecipients(db: Db, bodyId: number): Promise<AgendaRecipient[]> {
  return db
    .selectFrom("app_user")
    .innerJoin("user_role", "user_role.user_id", "app_user.id")
    .select(["app_user.id as userId", "app_user.email", "app_user.name"])
    .where("user_role.role", "=", "medlem")
    .where("user_role.body_id", "=", bodyId)
    .where("app_user.disabled", "=", false)
    .distinct()
    .orderBy("app_user.name")
    .orderBy("app_user.id")
    .execute();
}

/** Users by id, as review copies name them; unknown and disabled ones are left out. */
export async function recipientsByIds(db: Db, userIds: readonly number[]): Promise<AgendaRecipient[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("app_user")
    .select(["id as userId", "email", "name"])
    .where("id", "in", [...userIds])
    .where("disabled", "=", false)
    .orderBy("name")
    .execute();
}

export interface AgendaVersionRow {
  readonly number: number;
  readonly changeNote: string | null;
  readonly sentAt: Date;
  readonly sentByUserId: number | null;
  readonly sentByTokenId: number | null;
  readonly recipients: number;
  readonly snapshot: unknown;
  readonly hasPdf: boolean;
}

/** The versions a meeting's agenda was sent in, first first. */
export async function agendaVersions(db: Db, meetingId: number): Promise<AgendaVersionRow[]> {
  const rows = await db
    .selectFrom("agenda_version")
    .select((eb) => [
      "number",
      "change_note as changeNote",
      "sent_at as sentAt",
      "sent_by_user_id as sentByUserId",
      "sent_by_token_id as sentByTokenId",
      "recipients",
      "snapshot",
      eb("pdf", "is not", null).as("hasPdf"),
    ])
    .where("meeting_id", "=", meetingId)
    .orderBy("number")
    .execute();
  return rows.map((r) => ({ ...r, hasPdf: Boolean(r.hasPdf) }));
}

/** The review copies of a meeting's draft: to whom, when. */
export async function reviewCopies(
  db: Db,
  meetingId: number,
): Promise<{ readonly userId: number; readonly name: string; readonly sentAt: Date }[]> {
  return db
    .selectFrom("review_copy")
    .innerJoin("app_user", "app_user.id", "review_copy.user_id")
    .select(["review_copy.user_id as userId", "app_user.name", "review_copy.sent_at as sentAt"])
    .where("review_copy.meeting_id", "=", meetingId)
    .orderBy("review_copy.sent_at")
    .orderBy("review_copy.id")
    .execute();
}
