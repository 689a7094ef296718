/**
 * @module What a new agenda is offered from earlier meetings of its body (issue 13): the subjects the
 * last minutes put under "Punkter til næste møde", and items the secretariat marked to be taken up again;
 * each left out once this agenda has taken it. The text rules are domain/agenda-carry-over.ts's.
 */
import type { Kysely } from "kysely";
import {
  type CarryOverOffer,
  isNextMeetingTitle,
  nextMeetingSubjects,
  offerKey,
} from "../../domain/index.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/**
 * The offers for the agenda of `meeting`, the minutes' subjects first.
 * @example await carryOverOffers(db, { id: 7, bodyId: 1, date: "2024-11-22" })
 */
export async function carryOverOffers(
  db: Db,
  meeting: { readonly id: number; readonly bodyId: number; readonly date: string },
): Promise<CarryOverOffer[]> {
  const taken = new Set(
    (
      await db
        .selectFrom("authored_item")
        .select("carried_from")
        .where("meeting_id", "=", meeting.id)
        .where("deleted", "=", false)
        .where("carried_from", "is not", null)
        .execute()
    ).map((r) => r.carried_from),
  );
  const offers = [...(await nextMeetingOffers(db, meeting)), ...(await takeUpAgainOffers(db, meeting))];
  return offers.filter((o) => !taken.has(o.key));
}

/** The subjects of "Punkter til næste møde" in the body's latest earlier meeting that has such an item. */
async function nextMeetingOffers(
  db: Db,
  meeting: { readonly bodyId: number; readonly date: string },
): Promise<CarryOverOffer[]> {
  const rows = await db
    .selectFrom("agenda_item")
    .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
    .leftJoin("case_file", "case_file.id", "agenda_item.case_id")
    .select([
      "agenda_item.id",
      "agenda_item.number",
      "agenda_item.title",
      "agenda_item.section_title as sectionTitle",
      "agenda_item.sagsfremstilling",
      "agenda_item.beslutning",
      "agenda_item.notes",
      "meeting.id as meetingId",
      "meeting.date",
      "case_file.number as caseNumber",
    ])
    .where("meeting.body_id", "=", meeting.bodyId)
    .where("meeting.date", "<", meeting.date)
    .where("meeting.deleted", "=", false)
    .where("agenda_item.deleted", "=", false)
    .where((eb) =>
      eb.or([
        eb("agenda_item.title", "ilike", "punkter til %møde%"),
        eb("agenda_item.section_title", "ilike", "punkter til %møde%"),
      ]),
    )
    .orderBy("meeting.date", "desc")
    .orderBy("agenda_item.position")
    .execute();
  const latest = rows[0]?.meetingId;
  return rows
    .filter(
      (r) => r.meetingId === latest && (isNextMeetingTitle(r.title) || isNextMeetingTitle(r.sectionTitle)),
    )
    .flatMap((r) =>
      nextMeetingSubjects(r.sagsfremstilling, r.beslutning, r.notes).map((title, n) => ({
        key: offerKey("next-meeting", r.id, n + 1),
        kind: "next-meeting" as const,
        title,
        fromMeetingId: r.meetingId,
        fromMeetingDate: r.date,
        fromItemNumber: r.number,
        caseNumber: null,
      })),
    );
}

/** Items of earlier meetings of the body marked to be taken up again. */
async function takeUpAgainOffers(
  db: Db,
  meeting: { readonly bodyId: number; readonly date: string },
): Promise<CarryOverOffer[]> {
  const rows = await db
    .selectFrom("authored_item")
    .innerJoin("meeting", "meeting.id", "authored_item.meeting_id")
    .select([
      "authored_item.id",
      "authored_item.number",
      "authored_item.title",
      "authored_item.case_number as caseNumber",
      "meeting.id as meetingId",
      "meeting.date",
    ])
    .where("meeting.body_id", "=", meeting.bodyId)
    .where("meeting.date", "<", meeting.date)
    .where("meeting.deleted", "=", false)
    .where("authored_item.deleted", "=", false)
    .where("authored_item.take_up_again", "=", true)
    .orderBy("meeting.date")
    .orderBy("authored_item.number")
    .execute();
  return rows.map((r) => ({
    key: offerKey("take-up-again", r.id),
    kind: "take-up-again" as const,
    title: r.title,
    fromMeetingId: r.meetingId,
    fromMeetingDate: r.date,
    fromItemNumber: r.number,
    caseNumber: r.caseNumber,
  }));
}
