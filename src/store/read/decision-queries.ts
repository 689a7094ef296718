/**
 * @module Reads for decisions sent on to the municipalities (issue 14): one item with its meeting, body
 * and decision text (the meeting-day record's when there is one, else the published or imported
 * minutes'), a body's municipality addresses, what was sent of an item, and the public list of decisions
 * sent to one municipality (only items the public may see, with the published decision).
 */
import { type Kysely, sql } from "kysely";
import { PUBLIC_VIEWER } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { itemVisible } from "./visibility.js";

type Db = Kysely<Database>;

/** An item as the decision letter and the sender read it. */
export interface DecisionItem {
  readonly id: number;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly bodyId: number;
  readonly bodyName: string;
  readonly number: string;
  readonly title: string;
  readonly caseNumber: string | null;
  readonly indstilling: string | null;
  readonly sagsfremstilling: string | null;
  readonly resume: string | null;
  /** The decision's text: the meeting-day record's, else the minutes' (agenda_item.beslutning); null for none. */
  readonly decision: string | null;
  /** A closed item (lukket punkt): never sent on, never public. */
  readonly closed: boolean;
  /** The meeting-day record marked it as concerning the member municipalities; null when not recorded. */
  readonly concernsMunicipalities: boolean | null;
  /** The minutes carrying the decision are public (agenda_item.beslutning is set). */
  readonly decisionPublished: boolean;
}

/** One item with its decision; undefined when there is no such item. */
export async function decisionItem(db: Db, itemId: number): Promise<DecisionItem | undefined> {
  const row = await db
    .selectFrom("agenda_item as ai")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .innerJoin("body as b", "b.id", "m.body_id")
    .leftJoin("case_file as cf", "cf.id", "ai.case_id")
    .leftJoin("minutes_decision as md", "md.agenda_item_id", "ai.id")
    .select([
      "ai.id",
      "ai.meeting_id as meetingId",
      "m.date as meetingDate",
      "b.id as bodyId",
      "b.name as bodyName",
      "ai.number",
      "ai.title",
      "cf.number as caseNumber",
      "ai.indstilling",
      "ai.sagsfremstilling",
      "ai.resume",
      "ai.beslutning",
      "md.decision as recorded",
      "md.concerns_municipalities as concerns",
      "ai.public",
      "ai.withheld",
    ])
    .where("ai.id", "=", itemId)
    .where("ai.deleted", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const recorded = row.recorded?.trim() || null;
  const published = row.beslutning?.trim() || null;
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingDate: String(row.meetingDate).slice(0, 10),
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    number: row.number,
    title: row.title,
    caseNumber: row.caseNumber,
    indstilling: row.indstilling,
    sagsfremstilling: row.sagsfremstilling,
    resume: row.resume,
    decision: recorded ?? published,
    closed: !row.public || row.withheld === "closed-item",
    concernsMunicipalities: row.concerns ?? null,
    decisionPublished: published !== null,
  };
}

/** A body's address for decisions to one municipality. */
export interface MunicipalityAddress {
  readonly municipality: string;
  readonly email: string;
  readonly modified: Date;
}

/** The addresses a body has for its municipalities, by municipality. */
export async function municipalityAddresses(db: Db, bodyId: number): Promise<MunicipalityAddress[]> {
  return db
    .selectFrom("municipality_address")
    .select(["municipality", "email", "modified"])
    .where("body_id", "=", bodyId)
    .orderBy("municipality")
    .execute();
}

/** One letter sent, as the item's send page lists it. */
export interface DecisionDispatchRow {
  readonly id: number;
  readonly itemId: number;
  readonly municipality: string;
  readonly email: string;
  readonly sentAt: Date;
  readonly sentBy: string | null;
  readonly jobId: number | null;
  /** The send-mail job's state ("queued", "done", "failed", ...); null without a job. */
  readonly jobState: string | null;
}

/** What was sent of an item, newest first. */
export async function decisionDispatches(db: Db, itemId: number): Promise<DecisionDispatchRow[]> {
  const rows = await db
    .selectFrom("decision_dispatch as d")
    .leftJoin("app_user as u", "u.id", "d.sent_by_user_id")
    .leftJoin("job as j", "j.id", "d.job_id")
    .select([
      "d.id",
      "d.agenda_item_id as itemId",
      "d.municipality",
      "d.email",
      "d.sent_at as sentAt",
      "u.name as sentBy",
      "d.job_id as jobId",
      "j.state as jobState",
    ])
    .where("d.agenda_item_id", "=", itemId)
    .orderBy("d.sent_at", "desc")
    .orderBy("d.municipality")
    .execute();
  return rows.map((r) => ({ ...r, jobState: r.jobState ?? null }));
}

/** The letter PDF of one dispatch. */
export async function dispatchLetter(db: Db, dispatchId: number): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("decision_dispatch")
    .select("letter_pdf")
    .where("id", "=", dispatchId)
    .executeTakeFirst();
  return row?.letter_pdf ?? null;
}

/** A decision sent to a municipality, as /kommune/{slug} shows it. */
export interface MunicipalityDecision {
  readonly itemId: number;
  readonly number: string;
  readonly title: string;
  readonly decision: string;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly bodyName: string;
  /** The last time a letter about it went to the municipality. */
  readonly sentAt: Date;
}

/**
 * The decisions sent to a municipality that the public may see (an open item whose minutes are
 * published), newest sending first.
 */
export async function municipalityDecisions(
  db: Db,
  municipality: string,
  limit = 200,
): Promise<MunicipalityDecision[]> {
  const rows = await db
    .selectFrom("decision_dispatch as d")
    .innerJoin("agenda_item as ai", "ai.id", "d.agenda_item_id")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .innerJoin("body as b", "b.id", "m.body_id")
    .select([
      "ai.id as itemId",
      "ai.number",
      "ai.title",
      "ai.beslutning",
      "m.id as meetingId",
      "m.date as meetingDate",
      "b.name as bodyName",
      sql<Date>`max(d.sent_at)`.as("sentAt"),
    ])
    .where("d.municipality", "=", municipality)
    .where("ai.deleted", "=", false)
    .where("ai.public", "=", true)
    .where(itemVisible(PUBLIC_VIEWER, "ai"))
    .where("ai.beslutning", "is not", null)
    .groupBy(["ai.id", "ai.number", "ai.title", "ai.beslutning", "m.id", "m.date", "b.name"])
    .orderBy(sql`max(d.sent_at)`, "desc")
    .orderBy("m.date", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    itemId: r.itemId,
    number: r.number,
    title: r.title,
    decision: r.beslutning ?? "",
    meetingId: r.meetingId,
    meetingDate: String(r.meetingDate).slice(0, 10),
    bodyName: r.bodyName,
    sentAt: new Date(r.sentAt),
  }));
}

/** The ids of a meeting's items that have a decision (recorded or in the minutes), in agenda order. */
export async function meetingDecisionItemIds(db: Db, meetingId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("agenda_item as ai")
    .leftJoin("minutes_decision as md", "md.agenda_item_id", "ai.id")
    .select("ai.id")
    .where("ai.meeting_id", "=", meetingId)
    .where("ai.deleted", "=", false)
    .where((eb) =>
      eb.or([
        eb(sql`coalesce(trim(md.decision), '')`, "<>", ""),
        eb(sql`coalesce(trim(ai.beslutning), '')`, "<>", ""),
      ]),
    )
    .orderBy("ai.position")
    .orderBy("ai.id")
    .execute();
  return rows.map((r) => r.id);
}
