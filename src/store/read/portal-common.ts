/**
 * @module Pieces the portal read models share: meeting and file references. Who may see a file or item is
 * not decided here but in store/read/visibility.ts.
 */
import type { Expression, ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../schema.js";

// Built once: an Intl.DateTimeFormat is costly to construct, and pages ask for today on every request.
const DANISH_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });

/** Today's calendar day in Denmark, ISO; meetings are Danish calendar days. */
export function danishToday(now: Date = new Date()): string {
  return DANISH_DAY.format(now);
}

export interface MeetingRef {
  readonly id: number;
  readonly date: string;
  readonly bodyId: number;
  readonly bodyName: string;
  readonly state: string;
  readonly startTime: string | null;
  readonly location: string | null;
  /** The date was estimated from an annex pack (no agenda or minutes state it). */
  readonly dateEstimated?: boolean;
}

/** Items with the meeting and body they belong to, as other pages list them; the caller filters. */
export function itemRefQuery(db: Kysely<Database>) {
  return db
    .selectFrom("agenda_item")
    .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select([
      "agenda_item.id",
      "agenda_item.number",
      "agenda_item.title",
      "meeting.id as meetingId",
      "meeting.date",
      "body.name as bodyName",
    ]);
}

export function meetingRefQuery(db: Kysely<Database>) {
  return db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select([
      "meeting.id",
      "meeting.date",
      "meeting.body_id as bodyId",
      "body.name as bodyName",
      "meeting.state",
      "meeting.start_time as startTime",
      "meeting.location",
      "meeting.date_estimated as dateEstimated",
    ])
    .where("meeting.deleted", "=", false)
    .where("body.deleted", "=", false);
}

export function toMeetingRef(r: {
  id: number;
  date: string;
  bodyId: number;
  bodyName: string;
  state: string;
  startTime: string | null;
  location: string | null;
  dateEstimated?: boolean;
}): MeetingRef {
  return {
    id: r.id,
    date: r.date,
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    state: r.state,
    startTime: r.startTime,
    location: r.location,
    ...(r.dateEstimated ? { dateEstimated: true } : {}),
  };
}

export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" && value !== "") return new Date(value);
  return null;
}

export interface FileRef {
  readonly id: number;
  readonly title: string;
  readonly fileName: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly mime: string;
  readonly byteSize: number;
}

/** Columns (or outer references) of a file and an item, for fileOfItem. */
export interface FileItemColumns {
  readonly file: {
    readonly itemId: Expression<number | null>;
    readonly meetingId: Expression<number | null>;
    readonly itemNumber: Expression<string | null>;
  };
  readonly item: {
    readonly id: Expression<number>;
    readonly meetingId: Expression<number>;
    readonly number: Expression<string>;
  };
}

/**
 * True where the file belongs to the item: by the item's id or, for an annex pack read before its minutes
 * (the file's agenda_item_id still null), by the item's meeting and number.
 */
export function fileOfItem<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  file: FileItemColumns["file"],
  item: FileItemColumns["item"],
) {
  return eb.or([
    eb(file.itemId, "=", item.id),
    eb.and([eb(file.meetingId, "=", item.meetingId), eb(file.itemNumber, "=", item.number)]),
  ]);
}

export const FILE_REF_COLUMNS = [
  "file.id",
  "file.title",
  "file.file_name",
  "file.item_number",
  "file.annex_number",
  "file.page_start",
  "file.page_end",
  "file.mime",
  "file.byte_size",
] as const;

export function toFileRef(r: {
  id: number;
  title: string;
  file_name: string;
  item_number: string | null;
  annex_number: number | null;
  page_start: number | null;
  page_end: number | null;
  mime: string;
  byte_size: number;
}): FileRef {
  return {
    id: r.id,
    title: r.title,
    fileName: r.file_name,
    itemNumber: r.item_number,
    annexNumber: r.annex_number,
    pageStart: r.page_start,
    pageEnd: r.page_end,
    mime: r.mime,
    byteSize: r.byte_size,
  };
}
