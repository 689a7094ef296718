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
  if (scope.meetingIds.length > 0) {
    const meetings = intList(scope.meetingIds);
    // An annex pack read before its minutes named its items by number only: link it now.
    await sql`update file f set agenda_item_id = ai.id
      from agenda_item ai
      where f.meeting_id = any(${meetings}) and f.agenda_item_id is null and f.item_number is not null
        and ai.meeting_id = f.meeting_id and ai.number = f.item_number and not ai.deleted`.execute(db);
    await sql`update file f set withheld = 'closed-item'
      where f.meeting_id = any(${meetings}) and (f.withheld is null or f.withheld = 'unlinked-annex')
        and exists (select 1 from agenda_item ci where ci.meeting_id = f.meeting_id
          and ci.withheld = 'closed-item' and (ci.id = f.agenda_item_id or ci.number = f.item_number))`.execute(
      db,
    );
  }
  // The imported file itself: withheld when an item read from it or a document cut from it is.
  await sql`update file o set withheld = coalesce(
      (select ci.withheld from agenda_item ci where ci.source_file_id = o.source_file_id
         and ci.withheld is not null order by ci.id limit 1),
      (select s.withheld from file s where s.source_file_id = o.source_file_id and s.id <> o.id
         and s.withheld is not null order by s.id limit 1),
      (select 'cpr-number' from file s join file_page p on p.file_id = s.id
         where s.source_file_id = o.source_file_id and p.withheld is not null limit 1))
    where o.role = 'original' and o.withheld is null and not o.deleted and o.source_file_id in (
      select source_file_id from file where meeting_id = any(${intList(scope.meetingIds)})
      union select unnest(${intList(scope.sourceFileIds)}))`.execute(db);
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

/**
 * Releases a withheld thing to the public: the secretariat has judged it (a closed item reopened, a CPR
 * finding that was a false positive, an annex read and found harmless). Returns false when there was
 * nothing withheld to release. Whether the caller may release is domain/visibility.ts's mayRelease; this
 * writes only.
 * @example await releaseWithheld(store.db, { kind: "file", id: 12 });
 */
export async function releaseWithheld(db: Db, thing: WithheldThing, now = new Date()): Promise<boolean> {
  const result =
    thing.kind === "item"
      ? await db
          .updateTable("agenda_item")
          .set({ withheld: null, modified: now })
          .where("id", "=", thing.id)
          .where("withheld", "is not", null)
          .executeTakeFirst()
      : thing.kind === "file"
        ? await db
            .updateTable("file")
            .set({ withheld: null, modified: now })
            .where("id", "=", thing.id)
            .where("withheld", "is not", null)
            .executeTakeFirst()
        : await db
            .updateTable("file_page")
            .set({ withheld: null })
            .where("file_id", "=", thing.fileId)
            .where("page", "=", thing.page)
            .where("withheld", "is not", null)
            .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
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
  }>`
    select ai.id, ai.withheld as reason, ai.number, ai.title, m.id as "meetingId", m.date::text as date
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
  }>`
    select f.id, f.withheld as reason, f.title, m.id as "meetingId", m.date::text as date, f.file_name as "fileName"
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
  }>`
    select f.id as "fileId", p.page, p.withheld as reason, f.title, m.id as "meetingId", m.date::text as date,
      f.file_name as "fileName"
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
    })),
    ...files.rows.map((r) => ({
      thing: { kind: "file" as const, id: r.id },
      reason: r.reason,
      title: r.title,
      meetingId: r.meetingId,
      date: r.date,
      fileName: r.fileName,
    })),
    ...pages.rows.map((r) => ({
      thing: { kind: "page" as const, fileId: r.fileId, page: r.page },
      reason: r.reason,
      title: `${r.title}, side ${r.page}`,
      meetingId: r.meetingId,
      date: r.date,
      fileName: r.fileName,
    })),
  ];
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
