/**
 * @module Read model of the decision overview (/beslutninger, its Atom feed and CSV): every decision of
 * an item the viewer may see, filtered by body, year, municipality named in the item and kind of
 * outcome. The outcome is domain's decisionOutcome, written as SQL from the same word list, so a filter
 * and the label shown beside a decision never disagree.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import {
  DECISION_OUTCOME_WORDS,
  type DecisionOutcome,
  decisionOutcome,
  PUBLIC_VIEWER,
  type Viewer,
} from "../../domain/index.js";
import type { Database } from "../schema.js";
import { type MeetingRef, meetingRefQuery, toDate, toMeetingRef } from "./portal-common.js";
import { itemVisible } from "./visibility.js";

export interface DecisionFilter {
  readonly bodyId?: number;
  readonly year?: number;
  /** A municipality as stored in search_municipalities ("Aalborg"). */
  readonly municipality?: string;
  readonly outcome?: DecisionOutcome;
}

export interface DecisionEntry {
  readonly itemId: number;
  readonly number: string;
  readonly title: string;
  readonly decision: string;
  readonly outcome: DecisionOutcome;
  readonly municipalities: readonly string[];
  readonly meeting: MeetingRef;
}

export interface DecisionOverview {
  readonly entries: readonly DecisionEntry[];
  /** Decisions matching the filter, over all pages. */
  readonly total: number;
  /** What the filter form offers: bodies, years and municipalities that have decisions at all. */
  readonly bodies: readonly { readonly id: number; readonly name: string }[];
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  readonly lastModified: Date | null;
}

/** The outcome of agenda_item.beslutning as SQL: the first outcome of the list whose word begins a word. */
function outcomeSql(): RawBuilder<DecisionOutcome> {
  const whens = DECISION_OUTCOME_WORDS.map(
    ({ outcome, starts }) =>
      sql`when agenda_item.beslutning ~* ${`(^|[^[:alpha:]])(${starts.join("|")})`} then ${outcome}`,
  );
  return sql<DecisionOutcome>`(case ${sql.join(whens, sql` `)} else 'andet' end)`;
}

/** Decisions of visible items, filtered; the caller orders, pages and selects. */
function decisionsQuery(db: Kysely<Database>, filter: DecisionFilter, viewer: Viewer) {
  let query = meetingRefQuery(db)
    .innerJoin("agenda_item", "agenda_item.meeting_id", "meeting.id")
    .where("agenda_item.deleted", "=", false)
    // A closed item's decision is not public: it is left out, not shown as "Lukket punkt".
    .where(itemVisible(viewer))
    .where("agenda_item.beslutning", "is not", null)
    .where(sql<boolean>`btrim(agenda_item.beslutning) <> ''`);
  if (filter.bodyId !== undefined) query = query.where("meeting.body_id", "=", filter.bodyId);
  if (filter.year !== undefined) {
    query = query
      .where("meeting.date", ">=", `${filter.year}-01-01`)
      .where("meeting.date", "<", `${filter.year + 1}-01-01`);
  }
  if (filter.municipality !== undefined) {
    query = query.where(
      sql<boolean>`agenda_item.search_municipalities @> ${sql.val([filter.municipality])}::text[]`,
    );
  }
  if (filter.outcome !== undefined) query = query.where(sql<boolean>`${outcomeSql()} = ${filter.outcome}`);
  return query;
}

/**
 * One page of decisions, newest meeting first and in agenda order within a meeting.
 * @example await getDecisionOverview(db, { outcome: "udsat" }, { page: 1, pageSize: 25 })
 */
export async function getDecisionOverview(
  db: Kysely<Database>,
  filter: DecisionFilter,
  options: { readonly page: number; readonly pageSize: number; readonly viewer?: Viewer },
): Promise<DecisionOverview> {
  const viewer = options.viewer ?? PUBLIC_VIEWER;
  const all = decisionsQuery(db, {}, viewer);
  const [rows, count, bodies, years, municipalities, modified] = await Promise.all([
    decisionsQuery(db, filter, viewer)
      .select([
        "agenda_item.id as itemId",
        "agenda_item.number",
        "agenda_item.title",
        "agenda_item.beslutning as decision",
        "agenda_item.search_municipalities as municipalities",
      ])
      .orderBy("meeting.date", "desc")
      .orderBy("body.name")
      .orderBy("agenda_item.position")
      .limit(options.pageSize)
      .offset(Math.max(0, options.page - 1) * options.pageSize)
      .execute(),
    decisionsQuery(db, filter, viewer)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirst(),
    all.clearSelect().select(["body.id", "body.name"]).distinct().orderBy("body.name").execute(),
    all
      .clearSelect()
      .select(sql<number>`extract(year from meeting.date)::int`.as("year"))
      .distinct()
      .orderBy("year", "desc")
      .execute(),
    all
      .clearSelect()
      .select(sql<string>`unnest(agenda_item.search_municipalities)`.as("municipality"))
      .distinct()
      .execute(),
    all.clearSelect().select(sql<unknown>`max(agenda_item.modified)`.as("modified")).executeTakeFirst(),
  ]);
  return {
    entries: rows.map((r) => ({
      itemId: r.itemId,
      number: r.number,
      title: r.title,
      decision: r.decision ?? "",
      outcome: decisionOutcome(r.decision),
      municipalities: r.municipalities,
      meeting: toMeetingRef(r),
    })),
    total: Number(count?.n ?? 0),
    bodies,
    years: years.map((y) => Number(y.year)),
    municipalities: municipalities.map((m) => m.municipality).sort((a, b) => a.localeCompare(b, "da")),
    lastModified: toDate(modified?.modified),
  };
}
