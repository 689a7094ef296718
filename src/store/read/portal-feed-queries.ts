/** @module Read models of a body's feeds: its meetings with their agendas, and its latest decisions. */
import type { Kysely } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { type AnnouncedMeeting, announcedMeetings } from "./portal-announced.js";
import { danishToday, type MeetingRef, meetingRefQuery, toDate, toMeetingRef } from "./portal-common.js";
import { type ItemView, itemColumns, presentItem } from "./portal-items.js";
import { itemVisible } from "./visibility.js";

export interface FeedMeeting extends MeetingRef {
  readonly endTime: string | null;
  readonly modified: Date | null;
  readonly items: readonly ItemView[];
}

export interface FeedDecision {
  readonly itemId: number;
  readonly number: string;
  readonly title: string;
  readonly decision: string;
  readonly meetingId: number;
  readonly date: string;
  readonly modified: Date | null;
}

export interface BodyFeedData {
  readonly id: number;
  readonly name: string;
  readonly meetings: readonly FeedMeeting[];
  readonly decisions: readonly FeedDecision[];
  /** Coming meetings the minutes name but the store does not hold yet. */
  readonly announced: readonly AnnouncedMeeting[];
}

/** A body's meetings (newest first, with presented agendas) and decisions of open items. */
export async function getBodyFeed(
  db: Kysely<Database>,
  bodyId: number,
  options: { limit?: number; today?: string; viewer?: Viewer } = {},
): Promise<BodyFeedData | null> {
  const limit = options.limit ?? 50;
  const viewer = options.viewer ?? PUBLIC_VIEWER;
  const body = await db
    .selectFrom("body")
    .select(["id", "name"])
    .where("id", "=", bodyId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!body) return null;
  const meetings = await meetingRefQuery(db)
    .select(["meeting.end_time as endTime", "meeting.modified"])
    .where("meeting.body_id", "=", bodyId)
    .orderBy("meeting.date", "desc")
    .limit(limit)
    .execute();
  const ids = meetings.map((m) => m.id);
  const [items, decisions, announced] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .selectFrom("agenda_item")
          .select(itemColumns(viewer))
          .where("agenda_item.meeting_id", "in", ids)
          .where("agenda_item.deleted", "=", false)
          .orderBy("agenda_item.position")
          .execute(),
    db
      .selectFrom("agenda_item")
      .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
      .select([
        "agenda_item.id as itemId",
        "agenda_item.number",
        "agenda_item.title",
        "agenda_item.beslutning",
        "agenda_item.modified",
        "meeting.id as meetingId",
        "meeting.date",
      ])
      .where("meeting.body_id", "=", bodyId)
      .where("meeting.deleted", "=", false)
      .where("agenda_item.deleted", "=", false)
      // A closed item has no public decision; it is not an entry of the decisions feed at all.
      .where(itemVisible(viewer))
      .where("agenda_item.beslutning", "is not", null)
      .orderBy("meeting.date", "desc")
      .orderBy("agenda_item.position")
      .limit(limit)
      .execute(),
    announcedMeetings(db, { from: options.today ?? danishToday(), bodyId }),
  ]);
  const presented = items.map(presentItem);
  return {
    id: body.id,
    name: body.name,
    meetings: meetings.map((m) => ({
      ...toMeetingRef(m),
      endTime: m.endTime,
      modified: toDate(m.modified),
      items: presented.filter((i) => i.meetingId === m.id),
    })),
    decisions: decisions.map((d) => ({
      itemId: d.itemId,
      number: d.number,
      title: d.title,
      decision: d.beslutning ?? "",
      meetingId: d.meetingId,
      date: d.date,
      modified: toDate(d.modified),
    })),
    announced,
  };
}
