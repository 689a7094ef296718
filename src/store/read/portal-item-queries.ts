/** @module Read model of one agenda item's page: fields, case, annexes, the same case elsewhere, source. */
import type { Kysely } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { type CaseHistoryEntry, PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import { compileOncePerViewer } from "../connection/compile-once.js";
import type { Database, StoredExtraField, StoredItemDecision } from "../schema.js";
import {
  FILE_REF_COLUMNS,
  type FileRef,
  fileOfItem,
  itemRefQuery,
  type MeetingRef,
  toDate,
  toFileRef,
} from "./portal-common.js";
import { type ItemView, itemColumns, presentItem } from "./portal-items.js";
import { fileVisible, itemVisible, originalVisible } from "./visibility.js";

/**
 * Where the item stands in the imported file, as the public page tells it: the page and what kind of
 * document the file is ("side 25 i referatet"). The file's own name and line numbers stay in the JSON API
 * and OParl; on the page a hash name such as 000_3519f531f00fe676.txt says nothing to a reader.
 */
export interface ItemSource {
  readonly page: number | null;
  /** The imported file's kind: minutes, agenda, annex-pack or document. */
  readonly kind: string;
  /** The imported file's format: text, pdf, docx or html. */
  readonly format: string;
  /** The "original" file to download, when it may be downloaded. */
  readonly originalFileId: number | null;
  /** The public annex of the same file whose pages hold the item's page, for the annex page viewer. */
  readonly annexAtPage: number | null;
}

export interface RelatedItem {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly meeting: Pick<MeetingRef, "id" | "date" | "bodyName">;
}

/**
 * The field data of municipal and regional layouts (migration 0023), each in document order: headed fields
 * beyond the six, decisions naming their body or date, earlier treatments. Empty for a closed item.
 */
export interface ItemExtras {
  readonly extraFields: readonly StoredExtraField[];
  readonly decisions: readonly StoredItemDecision[];
  readonly caseHistory: readonly CaseHistoryEntry[];
  /** Who did not take part in the item's treatment ("deltog ikke i behandlingen af punkt 6"). */
  readonly notParticipating: readonly string[];
}

const NO_EXTRAS: ItemExtras = { extraFields: [], decisions: [], caseHistory: [], notParticipating: [] };

export interface ItemPageData {
  readonly item: ItemView;
  /** Only for an open item. */
  readonly extras: ItemExtras;
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

/**
 * The item page in one statement, compiled once: the item (a CTE, so the parts can name it) and each part
 * as a subquery bounded by it: its case, its annexes (by id, or by meeting and number for a pack read
 * before the minutes), the same case at other meetings, its original file and its neighbours on the agenda.
 */
const itemPageQuery = compileOncePerViewer((db, itemId: number, viewer) =>
  db
    .with("this", (qb) =>
      qb
        .selectFrom("agenda_item")
        .select(itemColumns(viewer))
        .select([
          "agenda_item.case_id",
          "agenda_item.page",
          "agenda_item.source_file_id",
          "agenda_item.modified",
          "agenda_item.extra_fields",
          "agenda_item.decisions",
          "agenda_item.case_history",
          "agenda_item.not_participating",
        ])
        .where("agenda_item.id", "=", itemId)
        .where("agenda_item.deleted", "=", false),
    )
    .selectFrom("this")
    .innerJoin("meeting as this_meeting", "this_meeting.id", "this.meeting_id")
    .innerJoin("body as this_body", "this_body.id", "this_meeting.body_id")
    .selectAll("this")
    .select(["this_meeting.date", "this_body.id as bodyId", "this_body.name as bodyName"])
    .select((eb) => {
      const neighbour = (direction: "<" | ">") =>
        jsonObjectFrom(
          db
            .selectFrom("agenda_item")
            .select(["agenda_item.id", "agenda_item.number", "agenda_item.title"])
            .where("agenda_item.meeting_id", "=", eb.ref("this.meeting_id"))
            .where("agenda_item.position", direction, eb.ref("this.position"))
            // Closed items are stepped over: a link titled "Lukket punkt" leads nowhere worth reading.
            .where(itemVisible(viewer))
            .where("agenda_item.deleted", "=", false)
            .orderBy("agenda_item.position", direction === "<" ? "desc" : "asc")
            .limit(1),
        );
      return [
        db
          .selectFrom("case_file")
          .select("case_file.number")
          .where("case_file.id", "=", eb.ref("this.case_id"))
          .as("caseNumber"),
        jsonArrayFrom(
          db
            .selectFrom("file")
            .select(FILE_REF_COLUMNS)
            .where("file.role", "=", "annex")
            .where(fileVisible(viewer))
            .where((fb) =>
              fileOfItem(
                fb,
                {
                  itemId: fb.ref("file.agenda_item_id"),
                  meetingId: fb.ref("file.meeting_id"),
                  itemNumber: fb.ref("file.item_number"),
                },
                {
                  id: eb.ref("this.id"),
                  meetingId: eb.ref("this.meeting_id"),
                  number: eb.ref("this.number"),
                },
              ),
            )
            .orderBy("file.annex_number")
            .orderBy("file.position"),
        ).as("annexes"),
        jsonArrayFrom(
          itemRefQuery(db)
            .where("agenda_item.case_id", "=", eb.ref("this.case_id"))
            // Other meetings only: one set of minutes often files every item under the minutes' own case
            // number (seeds/004 puts 1.1 to 5 under SAG-2024-03326), which says nothing about the matter.
            .where("agenda_item.meeting_id", "!=", eb.ref("this.meeting_id"))
            // A closed item on the same case is left out: even its existence would tell about the matter.
            .where(itemVisible(viewer))
            .where("agenda_item.deleted", "=", false)
            .where("meeting.deleted", "=", false)
            .orderBy("meeting.date", "desc"),
        ).as("sameCase"),
        jsonObjectFrom(
          db
            .selectFrom("file")
            .innerJoin("source_file", "source_file.id", "file.source_file_id")
            .select([
              "file.id",
              "source_file.kind",
              "source_file.format",
              originalVisible(viewer).as("downloadable"),
            ])
            .where("file.source_file_id", "=", eb.ref("this.source_file_id"))
            .where("file.role", "=", "original")
            .where("file.deleted", "=", false)
            .limit(1),
        ).as("original"),
        db
          .selectFrom("file")
          .select("file.id")
          .where("file.source_file_id", "=", eb.ref("this.source_file_id"))
          .where("file.role", "=", "annex")
          .where(fileVisible(viewer))
          .where("file.page_start", "<=", eb.ref("this.page"))
          .where("file.page_end", ">=", eb.ref("this.page"))
          .orderBy("file.position")
          .limit(1)
          .as("annexAtPage"),
        neighbour("<").as("previousItem"),
        neighbour(">").as("nextItem"),
      ];
    })
    .where("this_meeting.deleted", "=", false),
);

/** One item; a closed item comes back as "Lukket punkt" with its meeting and nothing else. */
export async function getItemPage(
  db: Kysely<Database>,
  itemId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<ItemPageData | null> {
  const [row] = await itemPageQuery(db, itemId, viewer);
  if (!row) return null;
  const item = presentItem(row);
  const meeting = { id: row.meeting_id, date: row.date, bodyId: row.bodyId, bodyName: row.bodyName };
  if (item.closed) {
    // The statement read the closed item's case, annexes and neighbours too; none of it leaves here.
    return {
      item,
      extras: NO_EXTRAS,
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
  const { original } = row;
  return {
    item,
    extras: {
      extraFields: row.extra_fields,
      decisions: row.decisions,
      caseHistory: row.case_history,
      notParticipating: row.not_participating,
    },
    meeting,
    caseNumber: row.caseNumber ?? null,
    annexes: row.annexes.map(toFileRef),
    sameCase: row.sameCase.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      meeting: { id: s.meetingId, date: s.date, bodyName: s.bodyName },
    })),
    source: original
      ? {
          page: row.page,
          kind: original.kind,
          format: original.format,
          originalFileId: original.downloadable ? original.id : null,
          annexAtPage: row.annexAtPage ?? null,
        }
      : null,
    previousItem: row.previousItem ?? null,
    nextItem: row.nextItem ?? null,
    lastModified: toDate(row.modified),
  };
}
