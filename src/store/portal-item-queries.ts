/** @module Read model of one agenda item's page: fields, case, annexes, the same case elsewhere, source. */
import type { Kysely } from "kysely";
import {
  FILE_REF_COLUMNS,
  type FileRef,
  filePublic,
  itemRefQuery,
  type MeetingRef,
  sourcePublic,
  toDate,
  toFileRef,
} from "./portal-common.js";
import { ITEM_COLUMNS, type ItemView, presentItem } from "./portal-items.js";
import type { Database } from "./schema.js";

export interface ItemSource {
  readonly page: number | null;
  readonly fileName: string;
  /** The "original" file to download, when it may be downloaded. */
  readonly originalFileId: number | null;
}

export interface RelatedItem {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly meeting: Pick<MeetingRef, "id" | "date" | "bodyName">;
}

export interface ItemPageData {
  readonly item: ItemView;
  readonly meeting: Pick<MeetingRef, "id" | "date" | "bodyId" | "bodyName">;
  /** Only for an open item. */
  readonly caseNumber: string | null;
  readonly annexes: readonly FileRef[];
  readonly sameCase: readonly RelatedItem[];
  readonly source: ItemSource | null;
  /** The open items just before and after on the same agenda, for reading on item by item. */
  readonly previousItem: ItemNeighbour | null;
  readonly nextItem: ItemNeighbour | null;
  readonly lastModified: Date | null;
}

export interface ItemNeighbour {
  readonly id: number;
  readonly number: string;
  readonly title: string;
}

/** One item; a closed item comes back as "Lukket punkt" with its meeting and nothing else. */
export async function getItemPage(db: Kysely<Database>, itemId: number): Promise<ItemPageData | null> {
  const row = await db
    .selectFrom("agenda_item")
    .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select(ITEM_COLUMNS)
    .select([
      "agenda_item.case_id",
      "agenda_item.page",
      "agenda_item.source_file_id",
      "agenda_item.modified",
      "meeting.date",
      "body.id as bodyId",
      "body.name as bodyName",
    ])
    .where("agenda_item.id", "=", itemId)
    .where("agenda_item.deleted", "=", false)
    .where("meeting.deleted", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  const item = presentItem(row);
  const meeting = { id: row.meeting_id, date: row.date, bodyId: row.bodyId, bodyName: row.bodyName };
  if (item.closed) {
    return {
      item,
      meeting,
      caseNumber: null,
      annexes: [],
      sameCase: [],
      source: null,
      previousItem: null,
      nextItem: null,
      lastModified: null,
    };
  }
  const neighbour = (direction: "<" | ">") =>
    db
      .selectFrom("agenda_item")
      .select(["id", "number", "title"])
      .where("meeting_id", "=", row.meeting_id)
      .where("position", direction, row.position)
      // Closed items are stepped over: a link titled "Lukket punkt" leads nowhere worth reading.
      .where("public", "=", true)
      .where("deleted", "=", false)
      .orderBy("position", direction === "<" ? "desc" : "asc")
      .limit(1)
      .executeTakeFirst();
  const [caseRow, annexes, sameCase, original, previousItem, nextItem] = await Promise.all([
    row.case_id === null
      ? undefined
      : db.selectFrom("case_file").select("number").where("id", "=", row.case_id).executeTakeFirst(),
    db
      .selectFrom("file")
      .select(FILE_REF_COLUMNS)
      .where("file.role", "=", "annex")
      .where(filePublic)
      .where((eb) =>
        eb.or([
          eb("file.agenda_item_id", "=", itemId),
          eb.and([eb("file.meeting_id", "=", row.meeting_id), eb("file.item_number", "=", row.number)]),
        ]),
      )
      .orderBy("file.annex_number")
      .orderBy("file.position")
      .execute(),
    row.case_id === null
      ? []
      : itemRefQuery(db)
          .where("agenda_item.case_id", "=", row.case_id)
          // Other meetings only: one set of minutes often files every item under the minutes' own case
          // number (seeds/004 puts 1.1 to 5 under SAG-2024-03326), which says nothing about the matter.
          .where("agenda_item.meeting_id", "!=", row.meeting_id)
          // A closed item on the same case is left out: even its existence would tell about the matter.
          .where("agenda_item.public", "=", true)
          .where("agenda_item.deleted", "=", false)
          .where("meeting.deleted", "=", false)
          .orderBy("meeting.date", "desc")
          .execute(),
    row.source_file_id === null
      ? undefined
      : db
          .selectFrom("file")
          .innerJoin("source_file", "source_file.id", "file.source_file_id")
          .select((eb) => ["file.id", "source_file.file_name", sourcePublic(eb).as("downloadable")])
          .where("file.source_file_id", "=", row.source_file_id)
          .where("file.role", "=", "original")
          .where("file.deleted", "=", false)
          .executeTakeFirst(),
    neighbour("<"),
    neighbour(">"),
  ]);
  return {
    item,
    meeting,
    caseNumber: caseRow?.number ?? null,
    annexes: annexes.map(toFileRef),
    sameCase: sameCase.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      meeting: { id: s.meetingId, date: s.date, bodyName: s.bodyName },
    })),
    source: original
      ? {
          page: row.page,
          fileName: original.file_name,
          originalFileId: original.downloadable ? original.id : null,
        }
      : null,
    previousItem: previousItem ?? null,
    nextItem: nextItem ?? null,
    lastModified: toDate(row.modified),
  };
}
