/**
 * @module Read models of matters across meetings (issue 14): a matter's timeline as a viewer may see it
 * (items the viewer may not see are left out, as store/read/visibility.ts decides), the matters an item
 * belongs to, and the suggestions "Hører disse punkter til samme sag?": candidate pairs fetched by
 * trigram similarity of the titles without their numbers (the index of migration 0021), or by a shared
 * case number across meetings, then scored by domain's scoreMatterPair.
 */
import { type Kysely, sql } from "kysely";
import {
  type MatterSuggestionScore,
  PUBLIC_VIEWER,
  STANDING_ITEM_TITLES,
  scoreMatterPair,
  type Viewer,
  type WithholdingReason,
} from "../../domain/index.js";
import type { Database } from "../schema.js";
import { itemVisible } from "./visibility.js";

type Db = Kysely<Database>;

/** One item as the matter pages and commands name it. */
export interface MatterItemRef {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly meetingId: number;
  /** ISO date of the meeting. */
  readonly date: string;
  readonly bodyId: number;
  readonly bodyName: string;
}

/** One entry of a matter's timeline. */
export interface MatterTimelineEntry extends MatterItemRef {
  /** The decision (beslutning) under the item, when there is one. */
  readonly decision: string | null;
  /** Why the item is withheld from the public (only a viewer cleared for it gets such an item). */
  readonly withheld: WithholdingReason | null;
}

export interface MatterView {
  readonly id: number;
  readonly title: string;
  readonly modified: Date;
  /** Oldest meeting first; only the items the viewer may see. */
  readonly items: readonly MatterTimelineEntry[];
}

/** The title text the trigram index of migration 0021 holds: lower case, digits gone. */
const titleKey = (alias: string) =>
  sql`regexp_replace(lower(${sql.ref(`${alias}.title`)}), '[0-9]', '', 'g')`;

function itemRefQuery(db: Db) {
  return db
    .selectFrom("agenda_item as ai")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .innerJoin("body as b", "b.id", "m.body_id")
    .where("ai.deleted", "=", false)
    .where("m.deleted", "=", false)
    .select([
      "ai.id",
      "ai.number",
      "ai.title",
      "ai.withheld",
      "ai.beslutning",
      "m.id as meetingId",
      sql<string>`m.date::text`.as("date"),
      "b.id as bodyId",
      "b.name as bodyName",
    ]);
}

/**
 * An item with its meeting and body, whoever looks (commands check who may act through domain), and
 * whether it is withheld; null when there is no such item.
 */
export async function matterItemRef(
  db: Db,
  itemId: number,
): Promise<(MatterItemRef & { readonly withheld: string | null }) | null> {
  const row = await itemRefQuery(db).where("ai.id", "=", itemId).executeTakeFirst();
  if (!row) return null;
  const { beslutning: _, ...ref } = row;
  return ref;
}

/** A live matter with the ids and bodies of all its items, for commands; null when there is none. */
export async function matterRecord(
  db: Db,
  matterId: number,
): Promise<{ readonly id: number; readonly title: string; readonly items: readonly MatterItemRef[] } | null> {
  const matter = await db
    .selectFrom("matter")
    .select(["id", "title"])
    .where("id", "=", matterId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!matter) return null;
  const items = await itemRefQuery(db)
    .innerJoin("matter_item as mi", "mi.agenda_item_id", "ai.id")
    .where("mi.matter_id", "=", matterId)
    .orderBy("m.date")
    .orderBy("ai.position")
    .execute();
  return { ...matter, items: items.map(({ beslutning: _, withheld: __, ...ref }) => ref) };
}

/**
 * A matter's page: its title and the timeline of the items `viewer` may see, oldest first. Null when
 * there is no such matter, or when the viewer may see none of its items (a matter of closed items only
 * is not there for the public).
 * @example await getMatter(db, 3, PUBLIC_VIEWER) // { id: 3, title: "Socialtilsyn Nords budget", items: [...] }
 */
export async function getMatter(
  db: Db,
  matterId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<MatterView | null> {
  const matter = await db
    .selectFrom("matter")
    .select(["id", "title", "modified"])
    .where("id", "=", matterId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!matter) return null;
  const rows = await itemRefQuery(db)
    .innerJoin("matter_item as mi", "mi.agenda_item_id", "ai.id")
    .where("mi.matter_id", "=", matterId)
    .where(itemVisible(viewer, "ai"))
    .orderBy("m.date")
    .orderBy("ai.position")
    .execute();
  if (rows.length === 0) return null;
  const items = rows.map(({ beslutning, ...ref }) => ({ ...ref, decision: beslutning }));
  return { id: matter.id, title: matter.title, modified: new Date(matter.modified), items };
}

/**
 * The matters an item belongs to, for a link from the item page; none when `viewer` may not see the item.
 * @example await mattersOfItem(db, 7, PUBLIC_VIEWER) // [{ id: 3, title: "Socialtilsyn Nords budget" }]
 */
export async function mattersOfItem(
  db: Db,
  itemId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<{ readonly id: number; readonly title: string }[]> {
  return db
    .selectFrom("matter_item as mi")
    .innerJoin("matter as mt", "mt.id", "mi.matter_id")
    .innerJoin("agenda_item as ai", "ai.id", "mi.agenda_item_id")
    .where("mi.agenda_item_id", "=", itemId)
    .where("mt.deleted", "=", false)
    .where("ai.deleted", "=", false)
    .where(itemVisible(viewer, "ai"))
    .select(["mt.id", "mt.title"])
    .orderBy("mt.id")
    .execute();
}

/** The matters of the secretariat's bodies, newest change first, with how many items each holds. */
export async function listMatters(
  db: Db,
  viewer: Viewer,
): Promise<{ readonly id: number; readonly title: string; readonly itemCount: number }[]> {
  const rows = await db
    .selectFrom("matter as mt")
    .innerJoin("matter_item as mi", "mi.matter_id", "mt.id")
    .innerJoin("agenda_item as ai", "ai.id", "mi.agenda_item_id")
    .where("mt.deleted", "=", false)
    .where(itemVisible(viewer, "ai"))
    .where(editableBodies(viewer, sql`(select vm.body_id from meeting vm where vm.id = ai.meeting_id)`))
    .groupBy(["mt.id", "mt.title", "mt.modified"])
    .select(["mt.id", "mt.title", (eb) => eb.fn.countAll<string>().as("n")])
    .orderBy("mt.modified", "desc")
    .orderBy("mt.id", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, itemCount: Number(r.n) }));
}

/** One suggestion: two items, the older first, why, and the matters each is already in. */
export interface MatterSuggestion extends MatterSuggestionScore {
  readonly item: MatterItemRef & { readonly matterIds: readonly number[] };
  readonly other: MatterItemRef & { readonly matterIds: readonly number[] };
}

/** The bodies whose items a viewer may link (domain's mayEditAgenda): administrator all, secretariat theirs. */
function editableBodies(viewer: Viewer, bodyId: ReturnType<typeof sql>) {
  if (viewer.kind === "administrator") return sql<boolean>`true`;
  if (viewer.kind === "public" || viewer.secretariatOf.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${bodyId} = any(${sql.val([...viewer.secretariatOf])}::int[])`;
}

/** Candidates fetched at most; the scoring keeps the likely ones. */
const CANDIDATE_LIMIT = 2000;

interface CandidateRow {
  a_id: number;
  b_id: number;
}

/**
 * The suggested pairs of items of the secretariat's bodies that are probably one matter and are not yet
 * in one: best first, then newest. `itemIds` narrows to pairs with one of those items (a matter's page).
 * Pairs the secretariat dismissed are not suggested again.
 * @example await listMatterSuggestions(db, secretariat, { limit: 50 })
 */
export async function listMatterSuggestions(
  db: Db,
  viewer: Viewer,
  options: { readonly itemIds?: readonly number[]; readonly limit?: number } = {},
): Promise<MatterSuggestion[]> {
  const mayA = editableBodies(viewer, sql.ref("ma.body_id"));
  const mayB = editableBodies(viewer, sql.ref("mb.body_id"));
  const narrow =
    options.itemIds && options.itemIds.length > 0
      ? sql`and (a.id = any(${sql.val([...options.itemIds])}::int[]) or b.id = any(${sql.val([...options.itemIds])}::int[]))`
      : sql``;
  const alike = sql`(${titleKey("b")} operator(public.%) ${titleKey("a")}
      or ${titleKey("a")} operator(public.<%) ${titleKey("b")}
      or ${titleKey("b")} operator(public.<%) ${titleKey("a")}
      or (a.case_id is not null and a.case_id = b.case_id))`;
  const standing = sql.val([...STANDING_ITEM_TITLES]);
  const candidates = await sql<CandidateRow>`
    select a.id as a_id, b.id as b_id
    from agenda_item a
    join meeting ma on ma.id = a.meeting_id and not ma.deleted
    join agenda_item b on b.id <> a.id and b.meeting_id <> a.meeting_id and not b.deleted and ${alike}
    join meeting mb on mb.id = b.meeting_id and not mb.deleted
    where not a.deleted and (ma.date, a.id) < (mb.date, b.id) and ${mayA} and ${mayB} ${narrow}
      and lower(btrim(a.title)) <> all(${standing}::text[]) and lower(btrim(b.title)) <> all(${standing}::text[])
      and not exists (select 1 from matter_item x join matter_item y on y.matter_id = x.matter_id
        join matter xm on xm.id = x.matter_id and not xm.deleted
        where x.agenda_item_id = a.id and y.agenda_item_id = b.id)
      and not exists (select 1 from matter_suggestion_dismissal d
        where d.item_id = least(a.id, b.id) and d.other_item_id = greatest(a.id, b.id))
    order by public.similarity(${titleKey("a")}, ${titleKey("b")}) desc, a.id, b.id
    limit ${CANDIDATE_LIMIT}`.execute(db);
  if (candidates.rows.length === 0) return [];
  const ids = [...new Set(candidates.rows.flatMap((r) => [r.a_id, r.b_id]))];
  const [items, cases, memberships] = await Promise.all([
    itemRefQuery(db).where("ai.id", "in", ids).execute(),
    db
      .selectFrom("agenda_item as ai")
      .innerJoin("case_file as c", "c.id", "ai.case_id")
      .select(["ai.id", "c.number"])
      .where("ai.id", "in", ids)
      .execute(),
    db
      .selectFrom("matter_item as mi")
      .innerJoin("matter as mt", "mt.id", "mi.matter_id")
      .where("mt.deleted", "=", false)
      .where("mi.agenda_item_id", "in", ids)
      .select(["mi.agenda_item_id", "mi.matter_id"])
      .orderBy("mi.matter_id")
      .execute(),
  ]);
  const byId = new Map(
    items.map(({ beslutning: _, withheld: __, ...ref }) => [
      ref.id,
      {
        ...ref,
        matterIds: memberships.filter((m) => m.agenda_item_id === ref.id).map((m) => m.matter_id),
      },
    ]),
  );
  const caseOf = new Map(cases.map((c) => [c.id, c.number]));
  const suggestions: MatterSuggestion[] = [];
  for (const row of candidates.rows) {
    const item = byId.get(row.a_id);
    const other = byId.get(row.b_id);
    if (!item || !other) continue;
    const score = scoreMatterPair(
      {
        title: item.title,
        caseNumber: caseOf.get(item.id) ?? null,
        meetingId: item.meetingId,
        bodyId: item.bodyId,
      },
      {
        title: other.title,
        caseNumber: caseOf.get(other.id) ?? null,
        meetingId: other.meetingId,
        bodyId: other.bodyId,
      },
    );
    if (score) suggestions.push({ ...score, item, other });
  }
  suggestions.sort(
    (x, y) => y.score - x.score || y.other.date.localeCompare(x.other.date) || x.item.id - y.item.id,
  );
  return suggestions.slice(0, options.limit ?? 100);
}
