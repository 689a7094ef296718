/**
 * @module Writes one ParsedDocument to the store in one transaction, idempotent by the file's sha256.
 * Natural keys (body name; body and date for a meeting; number within a meeting; case number; person name
 * and municipality) make a re-import update rows in place, so ids, and the URLs built on them, stay.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  type ItemFieldKey,
  MEETING_STATES,
  type MeetingState,
  type ParsedDocument,
  type ParseWarning,
} from "../domain/index.js";
import { mainOrganization, writeAttendance } from "./import-attendance.js";
import { MIME_BY_FORMAT, writeFiles } from "./import-files.js";
import type { Database } from "./schema.js";

export type ImportStatus = "created" | "updated" | "unchanged";

export interface ImportResult {
  readonly status: ImportStatus;
  readonly sourceFileId: number;
  readonly meetingId: number | null;
  readonly items: { readonly created: number; readonly updated: number; readonly removed: number };
  readonly attendees: number;
  readonly documents: number;
  /** Warnings raised while storing (near-matching persons), beside the parser's own. */
  readonly warnings: readonly ParseWarning[];
}

export interface ImportOptions {
  /** The original bytes, kept for download and OParl File objects. */
  readonly content?: Uint8Array | null;
  readonly mime?: string;
  /** Called after each stored piece; lets the CLI draw progress (and tests stop a write midway). */
  readonly onStep?: (what: string) => void | Promise<void>;
}

type Tx = Transaction<Database>;

const STATE_BY_KIND: Partial<Record<ParsedDocument["kind"], MeetingState>> = {
  minutes: "held",
  agenda: "agenda-published",
  "annex-pack": "agenda-published",
};

/**
 * Stores a parsed document. Everything it brings is written in one transaction, or nothing is.
 * @example const result = await importDocument(store.db, parsed, { content: bytes });
 */
export async function importDocument(
  db: Kysely<Database>,
  doc: ParsedDocument,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return db.transaction().execute((tx) => writeDocument(tx, doc, options));
}

async function writeDocument(tx: Tx, doc: ParsedDocument, options: ImportOptions): Promise<ImportResult> {
  const step = options.onStep ?? (() => {});
  const existing = await tx
    .selectFrom("source_file")
    .select("id")
    .where("sha256", "=", doc.source.sha256)
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (existing) {
    return {
      status: "unchanged",
      sourceFileId: existing.id,
      meetingId: null,
      items: { created: 0, updated: 0, removed: 0 },
      attendees: 0,
      documents: 0,
      warnings: [],
    };
  }
  const now = new Date();
  // A file of the same name imported before is an earlier version: this one replaces it.
  const previous = await tx
    .selectFrom("source_file")
    .select("id")
    .where("file_name", "=", doc.source.file)
    .where("deleted", "=", false)
    .execute();
  const previousIds = previous.map((p) => p.id);
  if (previousIds.length > 0) {
    await tx
      .updateTable("source_file")
      .set({ deleted: true, modified: now })
      .where("id", "in", previousIds)
      .execute();
  }
  const content = options.content ?? null;
  const sourceFile = await tx
    .insertInto("source_file")
    .values({
      file_name: doc.source.file,
      sha256: doc.source.sha256,
      sha512: createHash("sha512")
        .update(content ?? doc.text)
        .digest("hex"),
      format: doc.source.format,
      mime: options.mime ?? MIME_BY_FORMAT[doc.source.format],
      byte_size: content?.byteLength ?? Buffer.byteLength(doc.text),
      pages: doc.source.pages,
      kind: doc.kind,
      body_name: doc.body,
      content,
      text: doc.text,
      warnings: JSON.stringify(doc.warnings),
      parsed: JSON.stringify({ ...doc, text: undefined, pageTexts: undefined }),
      modified: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await step("source");

  const warnings: ParseWarning[] = [];
  const bodyId = doc.body ? await upsertBody(tx, doc.body, now) : null;
  const meetingId =
    bodyId !== null && doc.meeting?.date ? await upsertMeeting(tx, bodyId, doc, sourceFile.id, now) : null;
  await step("meeting");

  let attendees = 0;
  if (meetingId !== null && bodyId !== null) {
    attendees = await writeAttendance(tx, doc, bodyId, meetingId, sourceFile.id, now, warnings);
    await step("attendance");
  }

  const items = { created: 0, updated: 0, removed: 0 };
  const itemIds = new Map<string, number>();
  if (meetingId !== null) {
    for (const [position, item] of doc.items.entries()) {
      const caseId = item.caseNumber ? await upsertCase(tx, item.caseNumber, item.caseInitials, now) : null;
      const section = doc.sections.find((s) => s.number === item.section);
      const field = (key: ItemFieldKey): string | null => item.fields[key] ?? null;
      const values = {
        position,
        section_number: item.section,
        section_title: section?.title ?? null,
        title: item.title,
        public: !item.closed,
        case_id: caseId,
        resume: field("resume"),
        baggrund: field("baggrund"),
        indstilling: field("indstilling"),
        sagsforloeb: field("sagsforloeb"),
        sagsfremstilling: field("sagsfremstilling"),
        beslutning: field("beslutning"),
        notes: item.notes,
        annex_markers: item.annexMarkers,
        source_file_id: sourceFile.id,
        page: item.source.page,
        line_start: item.source.lineStart,
        line_end: item.source.lineEnd,
        modified: now,
        deleted: false,
      };
      const row = await tx
        .selectFrom("agenda_item")
        .selectAll()
        .where("meeting_id", "=", meetingId)
        .where("number", "=", item.number)
        .executeTakeFirst();
      if (row) {
        // An item whose content is unchanged keeps its `modified`, so OParl's modified_since lists only
        // what a re-import really changed (OParl 1.1 §2.5 "Filter"); its provenance still moves along.
        const unchanged = CONTENT_COLUMNS.every((column) => isSame(row[column], values[column]));
        const { modified: _modified, ...provenanceOnly } = values;
        await tx
          .updateTable("agenda_item")
          .set(unchanged ? provenanceOnly : values)
          .where("id", "=", row.id)
          .execute();
        itemIds.set(item.number, row.id);
        items.updated++;
      } else {
        const inserted = await tx
          .insertInto("agenda_item")
          .values({ meeting_id: meetingId, number: item.number, ...values })
          .returning("id")
          .executeTakeFirstOrThrow();
        itemIds.set(item.number, inserted.id);
        items.created++;
      }
      await step("item");
    }
    // Items that an earlier version of this file brought and this one no longer has are removed.
    if (previousIds.length > 0) {
      let removal = tx
        .updateTable("agenda_item")
        .set({ deleted: true, modified: now })
        .where("meeting_id", "=", meetingId)
        .where("source_file_id", "in", previousIds)
        .where("deleted", "=", false);
      const kept = [...itemIds.keys()];
      if (kept.length > 0) removal = removal.where("number", "not in", kept);
      const removed = await removal.executeTakeFirst();
      items.removed = Number(removed.numUpdatedRows);
    }
  } else if (doc.items.length > 0) {
    warnings.push({
      code: "no-meeting-date",
      message: `${doc.items.length} items were not stored as agenda items: the document names no body and meeting date`,
    });
  }

  const documents = await writeFiles(tx, doc, sourceFile.id, meetingId, itemIds, previousIds, options, now);
  await step("files");

  if (warnings.length > 0) {
    await tx
      .updateTable("source_file")
      .set({ warnings: JSON.stringify([...doc.warnings, ...warnings]) })
      .where("id", "=", sourceFile.id)
      .execute();
  }
  return {
    status: previousIds.length > 0 ? "updated" : "created",
    sourceFileId: sourceFile.id,
    meetingId,
    items,
    attendees,
    documents,
    warnings,
  };
}

async function upsertBody(tx: Tx, name: string, now: Date): Promise<number> {
  const found = await tx.selectFrom("body").select("id").where("name", "=", name).executeTakeFirst();
  if (found) return found.id;
  const row = await tx
    .insertInto("body")
    .values({ name, short_name: name.replace(/^KKR\s+/, ""), classification: "KKR", modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("organization")
    .values({ body_id: row.id, name, classification: "KKR", modified: now })
    .execute();
  return row.id;
}

async function upsertMeeting(
  tx: Tx,
  bodyId: number,
  doc: ParsedDocument,
  sourceFileId: number,
  now: Date,
): Promise<number> {
  const meeting = doc.meeting!;
  const date = meeting.date!;
  const body = await tx.selectFrom("body").select("name").where("id", "=", bodyId).executeTakeFirstOrThrow();
  const state = STATE_BY_KIND[doc.kind] ?? "planned";
  const found = await tx
    .selectFrom("meeting")
    .select([
      "id",
      "state",
      "start_time",
      "end_time",
      "location",
      "previous_meeting_date",
      "next_meeting_date",
    ])
    .where("body_id", "=", bodyId)
    .where("date", "=", date)
    .executeTakeFirst();
  if (found) {
    // A later document never moves a meeting back in its life (an annex pack after the minutes).
    const keepState = MEETING_STATES.indexOf(found.state as MeetingState) > MEETING_STATES.indexOf(state);
    await tx
      .updateTable("meeting")
      .set({
        // What a later document does not say (an annex pack names no next meeting) is kept, not erased.
        previous_meeting_date: meeting.previousMeetingDate ?? found.previous_meeting_date,
        next_meeting_date: meeting.nextMeetingDate ?? found.next_meeting_date,
        modified: now,
        deleted: false,
        state: keepState ? found.state : state,
        start_time: meeting.startTime ?? found.start_time,
        end_time: meeting.endTime ?? found.end_time,
        location: meeting.location ?? found.location,
        ...(doc.kind === "minutes" || doc.kind === "agenda" ? { source_file_id: sourceFileId } : {}),
      })
      .where("id", "=", found.id)
      .execute();
    return found.id;
  }
  await ensureLegislativeTerm(tx, bodyId, date, now);
  const row = await tx
    .insertInto("meeting")
    .values({
      previous_meeting_date: meeting.previousMeetingDate,
      next_meeting_date: meeting.nextMeetingDate,
      modified: now,
      body_id: bodyId,
      organization_id: await mainOrganization(tx, bodyId),
      name: `Møde i ${body.name}`,
      date,
      start_time: meeting.startTime,
      end_time: meeting.endTime,
      location: meeting.location,
      state,
      source_file_id: sourceFileId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Danish local councils are elected for four years from 1 January after the November election (2021,
 * 2025, ...), and KKR members are appointed for the same period; every meeting falls in one such term.
 */
async function ensureLegislativeTerm(tx: Tx, bodyId: number, date: string, now: Date): Promise<void> {
  const year = Number(date.slice(0, 4));
  const start = 2022 + 4 * Math.floor((year - 2022) / 4);
  const name = `Valgperiode ${start}-${start + 3}`;
  await tx
    .insertInto("legislative_term")
    .values({
      body_id: bodyId,
      name,
      start_date: `${start}-01-01`,
      end_date: `${start + 3}-12-31`,
      modified: now,
    })
    .onConflict((oc) => oc.columns(["body_id", "name"]).doNothing())
    .execute();
}

async function upsertCase(tx: Tx, number: string, initials: readonly string[], now: Date): Promise<number> {
  const found = await tx
    .selectFrom("case_file")
    .select(["id", "initials"])
    .where("number", "=", number)
    .executeTakeFirst();
  if (found) {
    const merged = [...new Set([...(found.initials ?? []), ...initials])];
    if (merged.length !== (found.initials ?? []).length) {
      await tx
        .updateTable("case_file")
        .set({ initials: JSON.stringify(merged), modified: now })
        .where("id", "=", found.id)
        .execute();
    }
    return found.id;
  }
  const row = await tx
    .insertInto("case_file")
    .values({ number, initials: JSON.stringify([...initials]), modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Columns of an agenda item whose change is a change of the item (provenance columns are not). */
const CONTENT_COLUMNS = [
  "position",
  "section_number",
  "section_title",
  "title",
  "public",
  "case_id",
  "resume",
  "baggrund",
  "indstilling",
  "sagsforloeb",
  "sagsfremstilling",
  "beslutning",
  "notes",
  "annex_markers",
  "deleted",
] as const;

function isSame(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
