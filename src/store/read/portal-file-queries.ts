/** @module Read models of an annex page (text page by page) and of an original file's download. */
import type { Kysely } from "kysely";
import { PUBLIC_VIEWER, type Viewer } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { type FileRef, toDate, toFileRef } from "./portal-common.js";
import { fileVisible, itemVisible, originalVisible, pageVisible } from "./visibility.js";

export interface AnnexPage {
  readonly page: number;
  readonly text: string;
}

export interface AnnexPageData {
  readonly file: FileRef;
  readonly pages: readonly AnnexPage[];
  readonly meeting: {
    readonly id: number;
    readonly date: string;
    /** The date was estimated from an annex pack's text (migration 0025). */
    readonly dateEstimated: boolean;
    readonly bodyId: number;
    readonly bodyName: string;
  } | null;
  /** The body that owns the file, also when the file names no meeting (its source names the body). */
  readonly body: { readonly id: number; readonly name: string } | null;
  /** The open item the annex belongs to, if known. */
  readonly item: { readonly id: number; readonly number: string; readonly title: string } | null;
  readonly downloadable: boolean;
  readonly lastModified: Date | null;
}

/**
 * An annex with the pages `viewer` may see; null when unknown, deleted, an original, or withheld from
 * `viewer` (an annex of a closed item, or of no meeting yet).
 */
export async function getAnnexPage(
  db: Kysely<Database>,
  fileId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<AnnexPageData | null> {
  const file = await db
    .selectFrom("file")
    .leftJoin("meeting", "meeting.id", "file.meeting_id")
    .leftJoin("source_file", "source_file.id", "file.source_file_id")
    .leftJoin("body", (join) =>
      join.on((eb) =>
        eb.or([
          eb("body.id", "=", eb.ref("meeting.body_id")),
          eb.and([eb("meeting.id", "is", null), eb("body.name", "=", eb.ref("source_file.body_name"))]),
        ]),
      ),
    )
    .select([
      "file.id",
      "file.title",
      "file.file_name",
      "file.item_number",
      "file.annex_number",
      "file.page_start",
      "file.page_end",
      "file.mime",
      "file.byte_size",
      "file.agenda_item_id",
      "file.modified",
      "meeting.id as meetingId",
      "meeting.date",
      "meeting.date_estimated as dateEstimated",
      "body.id as bodyId",
      "body.name as bodyName",
    ])
    .select(originalVisible(viewer).as("downloadable"))
    .where("file.id", "=", fileId)
    .where("file.role", "=", "annex")
    .where(fileVisible(viewer))
    .executeTakeFirst();
  if (!file) return null;
  const [pages, item] = await Promise.all([
    db
      .selectFrom("file_page")
      .innerJoin("file", "file.id", "file_page.file_id")
      .select(["file_page.page", "file_page.text"])
      .where("file_page.file_id", "=", fileId)
      // The privacy gate: a page with a CPR number is left out until the secretariat releases it.
      .where(pageVisible(viewer))
      .orderBy("file_page.page")
      .execute(),
    db
      .selectFrom("agenda_item")
      .select(["id", "number", "title"])
      .where(itemVisible(viewer))
      .where("deleted", "=", false)
      .where((eb) =>
        file.agenda_item_id !== null
          ? eb("id", "=", file.agenda_item_id)
          : eb.and([eb("meeting_id", "=", file.meetingId ?? -1), eb("number", "=", file.item_number ?? "")]),
      )
      .executeTakeFirst(),
  ]);
  return {
    file: toFileRef(file),
    pages,
    meeting:
      file.meetingId !== null && file.date !== null && file.bodyId !== null && file.bodyName !== null
        ? {
            id: file.meetingId,
            date: file.date,
            dateEstimated: file.dateEstimated === true,
            bodyId: file.bodyId,
            bodyName: file.bodyName,
          }
        : null,
    body: file.bodyId !== null && file.bodyName !== null ? { id: file.bodyId, name: file.bodyName } : null,
    item: item ?? null,
    downloadable: Boolean(file.downloadable),
    lastModified: toDate(file.modified),
  };
}

export interface OriginalDownload {
  readonly fileName: string;
  readonly mime: string;
  readonly content: Uint8Array;
}

/**
 * The imported file behind an annex or original, for download. Null when there are no bytes, or when
 * the file holds a closed item: its text would reveal what the page hides.
 */
export async function getOriginalDownload(
  db: Kysely<Database>,
  fileId: number,
  viewer: Viewer = PUBLIC_VIEWER,
): Promise<OriginalDownload | null> {
  const row = await db
    .selectFrom("file")
    .innerJoin("source_file", "source_file.id", "file.source_file_id")
    .select(["source_file.file_name", "source_file.mime", "source_file.content"])
    .where("file.id", "=", fileId)
    .where(fileVisible(viewer))
    .where(originalVisible(viewer))
    .where("source_file.deleted", "=", false)
    .executeTakeFirst();
  if (!row?.content) return null;
  return { fileName: row.file_name, mime: row.mime, content: row.content };
}
