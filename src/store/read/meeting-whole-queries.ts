/**
 * @module What the whole-meeting PDF (issue 16) is made of: the meeting's public record (its minutes, or
 * its agenda when there are no minutes; imported, or the public edition of those written here) and every
 * annex the public may see, in pack order, each with
 * its place in the imported file it is cut from; and a fingerprint of all that, which changes whenever
 * the public record does (a re-import, a new annex, a release), so a kept PDF is known to be stale.
 * Visibility is the public's, through read/visibility.ts, as OParl serves the same files.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { PUBLIC_VIEWER } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { fileVisible, itemVisible, originalVisible, ownPartVisible, pageVisible } from "./visibility.js";

type Db = Kysely<Database>;

/** Lines of a text record the public may not read: a closed item's, or a withheld page's. */
export interface HiddenLines {
  readonly lineStart: number;
  readonly lineEnd: number;
  /** The closed item's number, so the cut can say "2.3 Lukket punkt"; null for a withheld page. */
  readonly itemNumber: string | null;
}

/** The meeting's minutes or agenda, as imported. */
export interface ImportedRecord {
  readonly origin: "import";
  readonly kind: "minutes" | "agenda";
  readonly sourceFileId: number;
  readonly sourceSha256: string;
  readonly sourceFormat: string;
  /**
   * True when the whole imported file is public and nothing in it is marked withheld. Otherwise only a
   * text record is used, less the `hidden` lines; a PDF or Word record holding a closed item stays out.
   */
  readonly whole: boolean;
  readonly hidden: readonly HiddenLines[];
}

/**
 * The meeting's minutes or agenda as written here: the public edition the render jobs made (closed items
 * as "Lukket punkt"), the minutes once published, the agenda as last sent.
 */
export interface RenderedRecord {
  readonly origin: "rendering";
  readonly kind: "minutes" | "agenda";
  /** The agenda version it shows (null for minutes). */
  readonly versionNumber: number | null;
  /** When it was made (ISO), so that a new rendering changes the fingerprint. */
  readonly renderedAt: string;
}

export type MeetingWholeRecord = ImportedRecord | RenderedRecord;

/** One public annex and its place in the imported file (a pack) it is cut from. */
export interface MeetingWholeAnnex {
  readonly fileId: number;
  readonly title: string;
  readonly itemNumber: string | null;
  readonly annexNumber: number | null;
  readonly sourceFileId: number;
  readonly sourceSha256: string;
  readonly sourceFormat: string;
  readonly pageStart: number | null;
  readonly pageEnd: number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
}

export interface MeetingWholeSources {
  readonly meetingId: number;
  readonly bodyName: string;
  readonly date: string;
  /** Null when the meeting has no record the public may read (known from a pack only, or a closed PDF). */
  readonly record: MeetingWholeRecord | null;
  readonly annexes: readonly MeetingWholeAnnex[];
  /** SHA-256 (hex) over every fact above that changes the PDF. */
  readonly fingerprint: string;
}

/**
 * The public parts of a meeting's whole PDF, or null when there is no such meeting.
 * @example (await meetingWholeSources(db, 6))?.annexes.map((a) => a.title)
 */
export async function meetingWholeSources(db: Db, meetingId: number): Promise<MeetingWholeSources | null> {
  const meeting = await db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select(["meeting.id", "meeting.date", "meeting.state", "body.name as bodyName"])
    .where("meeting.id", "=", meetingId)
    .where("meeting.deleted", "=", false)
    .executeTakeFirst();
  if (!meeting) return null;
  const [imported, rendered, annexes] = await Promise.all([
    importedRecord(db, meetingId),
    renderedRecord(db, meetingId, meeting.state),
    publicAnnexes(db, meetingId),
  ]);
  // Minutes before an agenda, whichever end wrote them.
  const record =
    imported?.kind === "minutes"
      ? imported
      : rendered?.kind === "minutes"
        ? rendered
        : (imported ?? rendered);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ date: meeting.date, body: meeting.bodyName, record, annexes }))
    .digest("hex");
  return { meetingId, bodyName: meeting.bodyName, date: meeting.date, record, annexes, fingerprint };
}

/** The minutes (else the agenda) imported for the meeting, and what of it the public may not read. */
async function importedRecord(db: Db, meetingId: number): Promise<ImportedRecord | null> {
  const original = await db
    .selectFrom("file")
    .innerJoin("source_file", "source_file.id", "file.source_file_id")
    .select([
      "file.id",
      "source_file.id as sourceFileId",
      "source_file.kind",
      "source_file.sha256",
      "source_file.format",
      originalVisible(PUBLIC_VIEWER).as("whole"),
    ])
    .where("file.meeting_id", "=", meetingId)
    .where("file.role", "=", "original")
    .where("file.deleted", "=", false)
    .where("source_file.deleted", "=", false)
    .where("source_file.kind", "in", ["minutes", "agenda"])
    // Minutes before an agenda; of two imports of the same kind, the newer.
    .orderBy(sql`source_file.kind = 'minutes'`, "desc")
    .orderBy("source_file.imported", "desc")
    .orderBy("source_file.id", "desc")
    .executeTakeFirst();
  if (!original) return null;
  const kind = original.kind === "minutes" ? "minutes" : "agenda";
  const base = {
    origin: "import",
    kind,
    sourceFileId: original.sourceFileId,
    sourceSha256: original.sha256,
    sourceFormat: original.format,
  } as const;
  const [items, pages] = await Promise.all([
    db
      .selectFrom("agenda_item")
      .select(["number", "source_file_id", "line_start", "line_end"])
      .where("meeting_id", "=", meetingId)
      .where("deleted", "=", false)
      .where((eb) => eb.not(itemVisible(PUBLIC_VIEWER)))
      .orderBy("line_start")
      .execute(),
    db
      .selectFrom("file_page")
      .innerJoin("file", "file.id", "file_page.file_id")
      .select(["file_page.line_start", "file_page.line_end"])
      .where("file.source_file_id", "=", original.sourceFileId)
      .where((eb) => eb.not(pageVisible(PUBLIC_VIEWER)))
      .orderBy("file_page.line_start")
      .execute(),
  ]);
  const own = items.filter((i) => i.source_file_id === original.sourceFileId);
  const ranges = [
    ...own.map((i) => ({ lineStart: i.line_start, lineEnd: i.line_end, itemNumber: i.number })),
    ...pages.map((p) => ({ lineStart: p.line_start, lineEnd: p.line_end, itemNumber: null })),
  ];
  const hidden: HiddenLines[] = ranges.flatMap((h) =>
    h.lineStart !== null && h.lineEnd !== null
      ? [{ lineStart: h.lineStart, lineEnd: h.lineEnd, itemNumber: h.itemNumber }]
      : [],
  );
  // Public as a whole (never withheld, or released by the secretariat) and nothing in it still marked.
  if (original.whole && ranges.length === 0) return { ...base, whole: true, hidden: [] };
  // Only a text record can be cut by lines; a PDF or Word record holding a closed item stays out.
  if (original.format !== "text") return null;
  // Lines no range shows, or a closed item read from another file (an agenda before these minutes) whose
  // place here is unknown: nothing says which lines are safe, so none are used.
  if (hidden.length < ranges.length) return null;
  if (!original.whole && (hidden.length === 0 || own.length < items.length)) return null;
  return { ...base, whole: false, hidden };
}

/**
 * The public minutes written here once published (the meeting is then minutes-approved, as the meeting
 * page offers them), else the public agenda of the version last sent, once the render job made it.
 */
async function renderedRecord(db: Db, meetingId: number, state: string): Promise<RenderedRecord | null> {
  const rows = await db
    .selectFrom("agenda_rendering")
    .select(["kind", "version_number", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("edition", "=", "public")
    .where("kind", "in", ["minutes", "agenda"])
    .execute();
  const minutes = rows.find((r) => r.kind === "minutes");
  if (minutes && state === "minutes-approved") {
    return {
      origin: "rendering",
      kind: "minutes",
      versionNumber: null,
      renderedAt: new Date(minutes.rendered_at).toISOString(),
    };
  }
  const latest = await db
    .selectFrom("agenda_version")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  const agenda = rows.find((r) => r.kind === "agenda");
  // Only the version last sent: an older version's PDF is not the agenda any more.
  if (!agenda || latest?.number == null || agenda.version_number !== latest.number) return null;
  return {
    origin: "rendering",
    kind: "agenda",
    versionNumber: agenda.version_number,
    renderedAt: new Date(agenda.rendered_at).toISOString(),
  };
}

/**
 * The meeting's annexes the public may see, in pack order: not withheld, none of their pages withheld,
 * and either their imported file is public or their own part is clean (an annex is served as its own
 * part, as OParl's accessUrl does).
 */
async function publicAnnexes(db: Db, meetingId: number): Promise<MeetingWholeAnnex[]> {
  const rows = await db
    .selectFrom("file")
    .innerJoin("source_file", "source_file.id", "file.source_file_id")
    .select([
      "file.id as fileId",
      "file.title",
      "file.item_number as itemNumber",
      "file.annex_number as annexNumber",
      "file.page_start as pageStart",
      "file.page_end as pageEnd",
      "file.line_start as lineStart",
      "file.line_end as lineEnd",
      "source_file.id as sourceFileId",
      "source_file.sha256 as sourceSha256",
      "source_file.format as sourceFormat",
    ])
    .where("file.meeting_id", "=", meetingId)
    .where("file.role", "=", "annex")
    .where("source_file.deleted", "=", false)
    .where(fileVisible(PUBLIC_VIEWER))
    .where(sql<boolean>`(${originalVisible(PUBLIC_VIEWER)} or ${ownPartVisible(PUBLIC_VIEWER)})`)
    // Stricter than a download of a released pack: a page still marked (a CPR number) keeps its annex out.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("file_page")
            .select("file_page.id")
            .whereRef("file_page.file_id", "=", "file.id")
            .where(sql<boolean>`not ${pageVisible(PUBLIC_VIEWER)}`),
        ),
      ),
    )
    .orderBy("source_file.id")
    .orderBy("file.position")
    .execute();
  return rows;
}

/** The kept whole-meeting PDF's facts, without its bytes. */
export interface MeetingWholePdfInfo {
  readonly fingerprint: string;
  readonly pageCount: number;
  readonly byteSize: number;
  readonly renderedAt: Date;
}

/** The kept PDF of the meeting (of whatever fingerprint), without its bytes; undefined when none. */
export async function meetingWholePdfInfo(
  db: Db,
  meetingId: number,
): Promise<MeetingWholePdfInfo | undefined> {
  const row = await db
    .selectFrom("meeting_whole_pdf")
    .select(["fingerprint", "page_count", "byte_size", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  return row
    ? {
        fingerprint: row.fingerprint,
        pageCount: row.page_count,
        byteSize: row.byte_size,
        renderedAt: new Date(row.rendered_at),
      }
    : undefined;
}

/** The kept PDF's bytes when it was made from `fingerprint`; undefined when there is none or it is stale. */
export async function meetingWholePdf(
  db: Db,
  meetingId: number,
  fingerprint: string,
): Promise<{ readonly pdf: Uint8Array; readonly renderedAt: Date } | undefined> {
  const row = await db
    .selectFrom("meeting_whole_pdf")
    .select(["pdf", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("fingerprint", "=", fingerprint)
    .executeTakeFirst();
  return row ? { pdf: new Uint8Array(row.pdf), renderedAt: new Date(row.rendered_at) } : undefined;
}

/**
 * The newest whole-meeting job for this meeting and fingerprint (queued, running, done or failed), so
 * a second visitor waits for the first one's job instead of queueing another.
 */
export async function latestMeetingWholeJobId(
  db: Db,
  props: { readonly kind: string; readonly meetingId: number; readonly fingerprint: string },
): Promise<number | undefined> {
  const row = await db
    .selectFrom("job")
    .select("id")
    .where("kind", "=", props.kind)
    .where(sql<boolean>`payload->>'meetingId' = ${String(props.meetingId)}`)
    .where(sql<boolean>`payload->>'fingerprint' = ${props.fingerprint}`)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
