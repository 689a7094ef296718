/**
 * @module Sticky withholding, the write side of the visibility policy (domain/visibility.ts): after a
 * document is stored, what it makes closed is marked `withheld`, and nothing a later import writes clears
 * the mark. A file belongs to a closed item by its item id or by its meeting and item number (its stamp or
 * contents-page entry gave the number), whichever document of the meeting arrived first; an imported file
 * that holds anything withheld is withheld as a whole. Only releaseWithheld clears a mark.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { ParseWarning, WithholdingReason } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { runPrepared } from "./prepared.js";

// The redacted copy's writes, the privacy gate's other way out, reach the store's face through this file.
export * from "./file-replacement.js";

type Db = Kysely<Database> | Transaction<Database>;

/** What a write touched: its meetings and its source files. */
export interface WithholdingScope {
  readonly meetingIds: readonly number[];
  readonly sourceFileIds: readonly number[];
}

const intList = (ids: readonly number[]) => sql`${sql.val([...ids])}::int[]`;

/**
 * Brings the marks of the scope up to date: annexes of closed items (also of items since removed or
 * reopened: the mark stays), annexes linked by number to their item, and the originals of files that
 * hold anything withheld.
 * @example await settleWithholding(tx, { meetingIds: [meetingId], sourceFileIds: [sourceFileId] });
 */
export async function settleWithholding(db: Db, scope: WithholdingScope): Promise<void> {
  const meetings = intList(scope.meetingIds);
  if (scope.meetingIds.length > 0) {
    // An annex pack read before its minutes named its items by number only: link it now.
    await runPrepared(
      db,
      sql`update file f set agenda_item_id = ai.id
      from agenda_item ai
      where f.meeting_id = any(${meetings}) and f.agenda_item_id is null and f.item_number is not null
        and ai.meeting_id = f.meeting_id and ai.number = f.item_number and not ai.deleted`,
    );
    await runPrepared(
      db,
      sql`update file f set withheld = 'closed-item'
      where f.meeting_id = any(${meetings}) and (f.withheld is null or f.withheld = 'unlinked-annex')
        and exists (select 1 from agenda_item ci where ci.meeting_id = f.meeting_id
          and ci.withheld = 'closed-item' and (ci.id = f.agenda_item_id or ci.number = f.item_number))`,
    );
  }
  // The imported file itself: withheld when an item read from it or a document cut from it is. Its items
  // are of its meeting, so the partial index of withheld items finds them; the originals are found by
  // their source files' index, never by a scan of every file (which made each import slower than the last).
  await runPrepared(
    db,
    sql`update file o set withheld = coalesce(
      (select ci.withheld from agenda_item ci where ci.meeting_id = o.meeting_id
         and ci.source_file_id = o.source_file_id and ci.withheld is not null order by ci.id limit 1),
      (select s.withheld from file s where s.source_file_id = o.source_file_id and s.id <> o.id
         and s.withheld is not null order by s.id limit 1),
      (select 'cpr-number' from file s join file_page p on p.file_id = s.id
         where s.source_file_id = o.source_file_id and p.withheld is not null limit 1))
    where o.role = 'original' and o.withheld is null and not o.deleted and o.source_file_id = any(array(
      select source_file_id from file where meeting_id = any(${meetings})
      union select unnest(${intList(scope.sourceFileIds)})))`,
  );
}

/**
 * The 1-based line ranges of a document's `cpr-number` warnings: a page or item over one of them is
 * withheld from the public (the privacy gate).
 */
export function cprLines(warnings: readonly ParseWarning[]): { lineStart: number; lineEnd: number }[] {
  return warnings.flatMap((w) => (w.code === "cpr-number" && w.source ? [w.source] : []));
}

/** A thing the store may withhold: an item, a file (annex or original), or one page of an annex. */
export type WithheldThing =
  | { readonly kind: "item"; readonly id: number }
  | { readonly kind: "file"; readonly id: number }
  | { readonly kind: "page"; readonly fileId: number; readonly page: number };

/** What one release cleared: the thing itself, and what was withheld with it (an item's annexes). */
export interface ReleaseResult {
  /** False when the thing was not withheld: nothing was changed. */
  readonly released: boolean;
  /** Annexes filed under a released item and withheld for the same reason, released with it. */
  readonly files: readonly number[];
  /** Pages of the item's annexes withheld for the same reason, released with it. */
  readonly pages: readonly { readonly fileId: number; readonly page: number }[];
}

/**
 * Releases a withheld thing to the public: the secretariat has judged it (a closed item reopened, a CPR
 * finding that was a false positive, an annex read and found harmless). An item takes along its annexes
 * (files and pages) withheld for the same reason, and only those: a page withheld for a CPR number stays
 * withheld when its closed item is released, each reason being judged on its own. Whether the caller may
 * release is domain/visibility.ts's mayRelease; this writes only.
 * @example const { released, files } = await releaseWithheldThing(store.db, { kind: "item", id: 7 });
 */
export async function releaseWithheldThing(
  db: Db,
  thing: WithheldThing,
  now = new Date(),
): Promise<ReleaseResult> {
  if (thing.kind === "page") {
    const result = await db
      .updateTable("file_page")
      .set({ withheld: null })
      .where("file_id", "=", thing.fileId)
      .where("page", "=", thing.page)
      .where("withheld", "is not", null)
      .executeTakeFirst();
    return { released: Number(result.numUpdatedRows) > 0, files: [], pages: [] };
  }
  if (thing.kind === "file") {
    const result = await db
      .updateTable("file")
      .set({ withheld: null, modified: now })
      .where("id", "=", thing.id)
      .where("withheld", "is not", null)
      .executeTakeFirst();
    return { released: Number(result.numUpdatedRows) > 0, files: [], pages: [] };
  }
  const item = await db
    .selectFrom("agenda_item")
    .select(["meeting_id", "number", "withheld as reason"])
    .where("id", "=", thing.id)
    .where("withheld", "is not", null)
    .executeTakeFirst();
  if (!item?.reason) return { released: false, files: [], pages: [] };
  await db
    .updateTable("agenda_item")
    .set({ withheld: null, modified: now })
    .where("id", "=", thing.id)
    .execute();
  // The item's annexes: filed under it by id, or by its meeting and number (a stamp "1.2 Bilag 1").
  const annexes = sql`select f.id from file f where f.role = 'annex'
    and (f.agenda_item_id = ${thing.id} or (f.meeting_id = ${item.meeting_id} and f.item_number = ${item.number}))`;
  const files = await sql<{ id: number }>`update file set withheld = null, modified = ${now}
    where id in (${annexes}) and withheld = ${item.reason} returning id`.execute(db);
  const pages = await sql<{ fileId: number; page: number }>`update file_page set withheld = null
    where file_id in (${annexes}) and withheld = ${item.reason} returning file_id as "fileId", page`.execute(
    db,
  );
  return {
    released: true,
    files: files.rows.map((r) => r.id).sort((a, b) => a - b),
    pages: pages.rows.sort((a, b) => a.fileId - b.fileId || a.page - b.page),
  };
}

/**
 * releaseWithheldThing, answering only whether anything was released.
 * @example await releaseWithheld(store.db, { kind: "file", id: 12 });
 */
export async function releaseWithheld(db: Db, thing: WithheldThing, now = new Date()): Promise<boolean> {
  return (await releaseWithheldThing(db, thing, now)).released;
}

/** One withheld thing as the secretariat's list shows it. */
export interface WithheldEntry {
  readonly thing: WithheldThing;
  readonly reason: WithholdingReason;
  /** The item number and title, the annex title, or the annex title and page. */
  readonly title: string;
  readonly meetingId: number | null;
  readonly date: string | null;
  readonly fileName: string | null;
  /**
   * The annex a redacted copy would replace: the file itself, or the file of a page; null for items and
   * originals (an original is the imported file, its annexes are replaced one by one).
   */
  readonly annexId: number | null;
  /**
   * Since when, as near as the store knows: when the row was first stored. Marks are set as rows are
   * stored, so this is the day it was withheld unless a later import closed an item already known.
   */
  readonly since: Date;
}

/**
 * What is withheld in a body, for its secretariat to release: items (not those since removed), files and pages. `bodyId: null`
 * lists what belongs to no body yet (annexes of a pack that named neither body nor date).
 * @example const list = await listWithheld(store.db, { bodyId: 1 });
 */
export async function listWithheld(
  db: Db,
  where: { readonly bodyId: number | null },
): Promise<WithheldEntry[]> {
  const { bodyId } = where;
  const bodyName =
    bodyId === null
      ? null
      : ((await db.selectFrom("body").select("name").where("id", "=", bodyId).executeTakeFirst())?.name ??
        null);
  // A file with no meeting belongs to the body its source file names, if any.
  const fileInBody =
    bodyId === null
      ? sql`m.id is null and sf.body_name is null`
      : sql`(m.body_id = ${bodyId} or (m.id is null and sf.body_name = ${bodyName}))`;
  const items = await sql<{
    id: number;
    reason: WithholdingReason;
    number: string;
    title: string;
    meetingId: number;
    date: string;
    since: Date;
  }>`
    select ai.id, ai.withheld as reason, ai.number, ai.title, m.id as "meetingId", m.date::text as date,
      ai.created as since
    from agenda_item ai join meeting m on m.id = ai.meeting_id
    where ai.withheld is not null and not ai.deleted and ${bodyId === null ? sql`false` : sql`m.body_id = ${bodyId}`}
    order by m.date, ai.position, ai.id`.execute(db);
  const files = await sql<{
    id: number;
    reason: WithholdingReason;
    title: string;
    meetingId: number | null;
    date: string | null;
    fileName: string;
    role: string;
    since: Date;
  }>`
    select f.id, f.withheld as reason, f.title, m.id as "meetingId", m.date::text as date, f.file_name as "fileName",
      f.role, f.created as since
    from file f left join meeting m on m.id = f.meeting_id left join source_file sf on sf.id = f.source_file_id
    where f.withheld is not null and not f.deleted and ${fileInBody}
    order by m.date nulls first, f.source_file_id, f.position, f.id`.execute(db);
  const pages = await sql<{
    fileId: number;
    page: number;
    reason: WithholdingReason;
    title: string;
    meetingId: number | null;
    date: string | null;
    fileName: string;
    role: string;
    since: Date;
  }>`
    select f.id as "fileId", p.page, p.withheld as reason, f.title, m.id as "meetingId", m.date::text as date,
      f.file_name as "fileName", f.role, f.created as since
    from file_page p join file f on f.id = p.file_id left join meeting m on m.id = f.meeting_id
      left join source_file sf on sf.id = f.source_file_id
    where p.withheld is not null and not f.deleted and ${fileInBody}
    order by m.date nulls first, f.id, p.page`.execute(db);
  return [
    ...items.rows.map((r) => ({
      thing: { kind: "item" as const, id: r.id },
      reason: r.reason,
      title: `${r.number} ${r.title}`,
      meetingId: r.meetingId,
      date: r.date,
      fileName: null,
      annexId: null,
      since: new Date(r.since),
    })),
    ...files.rows.map((r) => ({
      thing: { kind: "file" as const, id: r.id },
      reason: r.reason,
      title: r.title,
      meetingId: r.meetingId,
      date: r.date,
      fileName: r.fileName,
      annexId: r.role === "annex" ? r.id : null,
      since: new Date(r.since),
    })),
    ...pages.rows.map((r) => ({
      thing: { kind: "page" as const, fileId: r.fileId, page: r.page },
      reason: r.reason,
      title: `${r.title}, side ${r.page}`,
      meetingId: r.meetingId,
      date: r.date,
      fileName: r.fileName,
      annexId: r.role === "annex" ? r.fileId : null,
      since: new Date(r.since),
    })),
  ];
}

/** What one body withholds; `body: null` for what belongs to no body yet. */
export interface WithheldGroup {
  readonly body: { readonly id: number; readonly name: string } | null;
  readonly entries: readonly WithheldEntry[];
}

/**
 * What is withheld, body by body (by name), for the bodies asked: "all" adds what belongs to no body,
 * which only an administrator may release. Every body asked is there, also with nothing withheld.
 * @example const groups = await listWithheldGroups(store.db, { bodies: [1, 3] });
 */
export async function listWithheldGroups(
  db: Db,
  where: { readonly bodies: "all" | readonly number[] },
): Promise<WithheldGroup[]> {
  const { bodies } = where;
  if (bodies !== "all" && bodies.length === 0) return [];
  let query = db.selectFrom("body").select(["id", "name"]).where("deleted", "=", false).orderBy("name");
  if (bodies !== "all") query = query.where("id", "in", [...bodies]);
  const groups: WithheldGroup[] = [];
  for (const body of await query.execute()) {
    groups.push({ body, entries: await listWithheld(db, { bodyId: body.id }) });
  }
  if (bodies === "all") groups.push({ body: null, entries: await listWithheld(db, { bodyId: null }) });
  return groups;
}

/**
 * The body a withheld thing belongs to: its meeting's, or for a file of no meeting the body its source
 * file names; null when none (only an administrator may then release it). Undefined when there is no
 * such thing.
 */
export async function withheldThingOf(
  db: Db,
  thing: WithheldThing,
): Promise<{ readonly bodyId: number | null; readonly withheld: WithholdingReason | null } | undefined> {
  const row =
    thing.kind === "item"
      ? await sql<{ bodyId: number | null; withheld: WithholdingReason | null }>`
          select m.body_id as "bodyId", ai.withheld from agenda_item ai join meeting m on m.id = ai.meeting_id
          where ai.id = ${thing.id}`.execute(db)
      : await sql<{ bodyId: number | null; withheld: WithholdingReason | null }>`
          select coalesce(m.body_id, b.id) as "bodyId",
            ${thing.kind === "file" ? sql`f.withheld` : sql`(select p.withheld from file_page p where p.file_id = f.id and p.page = ${thing.page})`} as withheld
          from file f left join meeting m on m.id = f.meeting_id
            left join source_file sf on sf.id = f.source_file_id
            left join body b on m.id is null and b.name = sf.body_name
          where f.id = ${thing.kind === "file" ? thing.id : thing.fileId}`.execute(db);
  return row.rows[0];
}
