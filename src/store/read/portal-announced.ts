/**
 * @module Meetings the minutes announce ("Næste møde: 22. november 2024") but the store does not hold yet:
 * shown as planned on the front page and as tentative events in a body's calendar.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface AnnouncedMeeting {
  readonly bodyId: number;
  readonly bodyName: string;
  /** ISO date of the announced meeting. */
  readonly date: string;
  /** The stored meeting whose documents announce it. */
  readonly announcedBy: number;
}

/**
 * Announced meeting dates on or after `from` with no stored meeting of the same body on that day.
 * @example await announcedMeetings(db, { from: "2024-09-21", bodyId: 1 }) // [{ date: "2024-11-22", ... }]
 */
export async function announcedMeetings(
  db: Kysely<Database>,
  options: { from: string; bodyId?: number },
): Promise<AnnouncedMeeting[]> {
  let query = db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select([
      "meeting.body_id as bodyId",
      "body.name as bodyName",
      "meeting.next_meeting_date as date",
      "meeting.id as announcedBy",
    ])
    .where("meeting.deleted", "=", false)
    .where("body.deleted", "=", false)
    .where("meeting.next_meeting_date", ">=", options.from)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("meeting as held")
            .select("held.id")
            .whereRef("held.body_id", "=", "meeting.body_id")
            .whereRef("held.date", "=", "meeting.next_meeting_date")
            .where("held.deleted", "=", false),
        ),
      ),
    )
    .orderBy("meeting.next_meeting_date")
    .orderBy("body.name");
  if (options.bodyId !== undefined) query = query.where("meeting.body_id", "=", options.bodyId);
  const rows = await query.execute();
  // Two documents may announce the same day; it is one meeting.
  const seen = new Set<string>();
  const result: AnnouncedMeeting[] = [];
  for (const row of rows) {
    const key = `${row.bodyId}:${row.date}`;
    if (row.date === null || seen.has(key)) continue;
    seen.add(key);
    result.push({ bodyId: row.bodyId, bodyName: row.bodyName, date: row.date, announcedBy: row.announcedBy });
  }
  return result;
}
