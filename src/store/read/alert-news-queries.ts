/**
 * @module What an alert digest reads (issue 16): the subscriptions due a digest, what each follows by
 * name, and the news since the last digest. News is read as the public sees it: every item goes through
 * read/visibility.ts's itemVisible with the public viewer, so a closed item or withheld material never
 * reaches a mail, whoever subscribed.
 */
import { type Kysely, sql } from "kysely";
import { PUBLIC_VIEWER } from "../../domain/index.js";
import type { Database } from "../schema.js";
import {
  type AlertTarget,
  presentSubscription,
  type StoredAlertSubscription,
} from "../write/alert-subscription-writes.js";
import { itemVisible } from "./visibility.js";

type Db = Kysely<Database>;

/** Confirmed, live subscriptions whose last digest is a day old or more (or that never had one), by id. */
export async function alertSubscriptionsDue(db: Db, now: Date): Promise<StoredAlertSubscription[]> {
  const dayBefore = new Date(now.getTime() - 24 * 60 * 60_000);
  const rows = await db
    .selectFrom("alert_subscription")
    .selectAll()
    .where("confirmed", "is not", null)
    .where("unsubscribed", "is", null)
    .where((eb) => eb.or([eb("last_digest", "is", null), eb("last_digest", "<=", dayBefore)]))
    .orderBy("id")
    .execute();
  return rows.map(presentSubscription);
}

/** The name a target goes by in a mail and on a page: the body's or matter's name; null when it is gone. */
export async function alertTargetName(db: Db, target: AlertTarget): Promise<string | null> {
  switch (target.kind) {
    case "body": {
      const row = await db
        .selectFrom("body")
        .select("name")
        .where("id", "=", target.bodyId)
        .where("deleted", "=", false)
        .executeTakeFirst();
      return row?.name ?? null;
    }
    case "matter": {
      const row = await db
        .selectFrom("matter")
        .select("title")
        .where("id", "=", target.matterId)
        .where("deleted", "=", false)
        .executeTakeFirst();
      return row?.title ?? null;
    }
    case "search":
      return target.query;
    case "municipality":
      return target.municipality;
  }
}

/** A public item new (or newly decided) in the window. */
export interface AlertNewsItem {
  readonly itemId: number;
  readonly meetingId: number;
  /** ISO date of the meeting. */
  readonly meetingDate: string;
  readonly bodyName: string;
  readonly number: string;
  readonly title: string;
  /** The decision (beslutning), or null while the item is only on an agenda. */
  readonly decision: string | null;
}

/** A meeting new in the window (a body's subscribers hear of meetings before their items exist). */
export interface AlertNewsMeeting {
  readonly meetingId: number;
  readonly date: string;
  readonly name: string;
  readonly bodyName: string;
}

export interface AlertNews {
  readonly meetings: readonly AlertNewsMeeting[];
  readonly items: readonly AlertNewsItem[];
  /** More items were new than a digest lists (ALERT_NEWS_LIMIT): the mail links to the rest. */
  readonly moreItems: boolean;
}

export interface AlertNewsWindow {
  /** News after this moment (the last digest, or the confirmation). */
  readonly since: Date;
  /** News up to and including this moment (the digest being made). */
  readonly until: Date;
}

/** Upper bound of items in one digest: a mail stays readable, and the page links to the rest. */
export const ALERT_NEWS_LIMIT = 50;

/**
 * The public news in a window that a target follows. A search target's items come from the caller (the
 * public search's item ids, `searchItemIds`), since the store does not rank; the window and the
 * visibility rule still apply here.
 * @example await alertNews(db, { kind: "body", bodyId: 3 }, { since, until })
 */
export async function alertNews(
  db: Db,
  target: AlertTarget,
  window: AlertNewsWindow,
  searchItemIds: readonly number[] = [],
): Promise<AlertNews> {
  if (target.kind === "search" && searchItemIds.length === 0)
    return { meetings: [], items: [], moreItems: false };
  let items = db
    .selectFrom("agenda_item as ai")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .innerJoin("body as b", "b.id", "m.body_id")
    .select([
      "ai.id as itemId",
      "m.id as meetingId",
      "m.date as meetingDate",
      "b.name as bodyName",
      "ai.number",
      "ai.title",
      "ai.beslutning as decision",
    ])
    .where("ai.deleted", "=", false)
    .where("m.deleted", "=", false)
    .where(itemVisible(PUBLIC_VIEWER, "ai"))
    // New, or decided since: minutes update the agenda's items with their decisions.
    .where((eb) =>
      eb.or([
        eb.and([eb("ai.created", ">", window.since), eb("ai.created", "<=", window.until)]),
        eb.and([
          eb("ai.beslutning", "is not", null),
          eb("ai.modified", ">", window.since),
          eb("ai.modified", "<=", window.until),
        ]),
      ]),
    );
  switch (target.kind) {
    case "body":
      items = items.where("m.body_id", "=", target.bodyId);
      break;
    case "matter":
      items = items.where((eb) =>
        eb.exists(
          eb
            .selectFrom("matter_item as mi")
            .select("mi.agenda_item_id")
            .whereRef("mi.agenda_item_id", "=", "ai.id")
            .where("mi.matter_id", "=", target.matterId),
        ),
      );
      break;
    case "municipality":
      items = items.where(sql<boolean>`ai.search_municipalities @> array[${target.municipality}]::text[]`);
      break;
    case "search":
      items = items.where("ai.id", "in", [...searchItemIds]);
      break;
  }
  // One more than listed, to know whether the digest leaves some out.
  const itemRows = await items
    .orderBy("m.date", "desc")
    .orderBy("ai.position")
    .limit(ALERT_NEWS_LIMIT + 1)
    .execute();
  const meetings =
    target.kind === "body"
      ? await db
          .selectFrom("meeting as m")
          .innerJoin("body as b", "b.id", "m.body_id")
          .select(["m.id as meetingId", "m.date", "m.name", "b.name as bodyName"])
          .where("m.body_id", "=", target.bodyId)
          .where("m.deleted", "=", false)
          .where("m.created", ">", window.since)
          .where("m.created", "<=", window.until)
          .orderBy("m.date", "desc")
          .limit(ALERT_NEWS_LIMIT)
          .execute()
      : [];
  return {
    meetings,
    items: itemRows.slice(0, ALERT_NEWS_LIMIT),
    moreItems: itemRows.length > ALERT_NEWS_LIMIT,
  };
}
