/**
 * @module Writes one ParsedDocument to the store in one transaction, idempotent by the file's sha256.
 * Natural keys (body name; body and date for a meeting; number within a meeting; case number; person name
 * and municipality) make a re-import update rows in place, so ids, and the URLs built on them, stay.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  legislativeTermOf,
  MEETING_STATES,
  type MeetingDate,
  type MeetingState,
  meetingDateOf,
  meetingStateForKind,
  type ParsedDocument,
  type ParseWarning,
} from "../../domain/index.js";
import type { Database } from "../schema.js";
import { queueSearchWords, refreshSearchWords } from "../search-words.js";
import { writeAttendance } from "./import-attendance.js";
import { MIME_BY_FORMAT, writeFiles } from "./import-files.js";
import { type ItemsWritten, writeItems } from "./import-items.js";
import { settleWithholding } from "./withholding.js";

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

/**
 * Stores a parsed document. Everything it brings is written in one transaction, or nothing is.
 * @example const result = await importDocument(store.db, parsed, { content: bytes });
 */
export async function importDocument(
  db: Kysely<Database>,
  doc: ParsedDocument,
  options: ImportOptions = {},
): Promise<ImportResult> {
  // Each document commits durably (synchronous_commit stays on): a file reported as imported survives a
  // crash. Measured on the seeds into PGlite, this costs nothing that shows beside parsing.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => writeDocument(tx, doc, options));
    } catch (error) {
      // On a server, another process may write the same file, meeting or person at the same moment: its
      // commit makes ours break a unique key (or deadlock). Written again, ours sees its rows and updates.
      if (attempt >= 3 || !isConcurrentWriteConflict(error)) throw error;
    }
  }
}

/** unique_violation, serialization_failure, deadlock_detected: what a concurrent writer can cause. */
function isConcurrentWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "40001" || code === "40P01";
}

/**
 * True when a file with these bytes is imported: a caller can skip reading and parsing it again.
 * @example if (await isImported(store.db, source.sha256)) return "unchanged";
 */
export async function isImported(db: Kysely<Database>, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom("source_file")
    .select("id")
    .where("sha256", "=", sha256)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Ends a run of imports: takes their words into the "Mente du" list.
 * @example for (const doc of docs) await importDocument(db, doc); await finishImports(db);
 */
export async function finishImports(db: Kysely<Database>): Promise<void> {
  await refreshSearchWords(db);
}

async function writeDocument(tx: Tx, doc: ParsedDocument, options: ImportOptions): Promise<ImportResult> {
  const step = options.onStep ?? (() => {});
  // The same bytes imported before change nothing; a file of the same name is an earlier version that
  // this one replaces.
  const known = await tx
    .selectFrom("source_file")
    .select(["id", "sha256"])
    .where((eb) => eb.or([eb("sha256", "=", doc.source.sha256), eb("file_name", "=", doc.source.file)]))
    .where("deleted", "=", false)
    .execute();
  const existing = known.find((k) => k.sha256 === doc.source.sha256);
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
  const previousIds = known.map((p) => p.id);
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
  const body = doc.body ? await upsertBody(tx, doc.body, now) : null;
  // An annex pack is linked to its meeting by body and date from its own text, or else from its file name,
  // or else estimated from the dates its annexes mention (a meeting of its own, marked as estimated).
  const date = meetingDateOf({
    kind: doc.kind,
    meetingDate: doc.meeting?.date,
    fileName: doc.source.file,
    text: doc.text,
  });
  const meetingId =
    body !== null && date ? await upsertMeeting(tx, body, doc, date, sourceFile.id, now) : null;
  await step("meeting");

  let attendees = 0;
  if (meetingId !== null && body !== null) {
    attendees = await writeAttendance(tx, doc, body.organizationId, meetingId, sourceFile.id, now, warnings);
    await step("attendance");
  }

  const words = new Set<string>();
  let items: ItemsWritten = { created: 0, updated: 0, removed: 0 };
  if (meetingId !== null) {
    items = await writeItems(tx, doc, meetingId, sourceFile.id, previousIds, now, words);
    await step("items");
  } else if (doc.items.length > 0) {
    warnings.push({
      code: "no-meeting-date",
      message: `${doc.items.length} items were not stored as agenda items: the document names no body and meeting date`,
    });
  }

  const documents = await writeFiles(
    tx,
    doc,
    { sourceFileId: sourceFile.id, meetingId, meetingEstimated: date?.estimated === true, previousIds, now },
    options,
    words,
  );
  await settleWithholding(tx, {
    meetingIds: meetingId === null ? [] : [meetingId],
    sourceFileIds: [sourceFile.id],
  });
  await step("files");
  await queueSearchWords(tx, words);

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

/** A body and its own organisation (the KKR itself, classification "KKR"), found or made together. */
interface BodyRef {
  readonly id: number;
  readonly organizationId: number;
}

async function upsertBody(tx: Tx, name: string, now: Date): Promise<BodyRef> {
  const found = await tx
    .selectFrom("body")
    .leftJoin("organization", (join) =>
      join.onRef("organization.body_id", "=", "body.id").on("organization.classification", "=", "KKR"),
    )
    .select(["body.id", "organization.id as organizationId"])
    .where("body.name", "=", name)
    .orderBy("body.id")
    .orderBy("organization.id")
    .executeTakeFirst();
  if (found?.organizationId != null) return { id: found.id, organizationId: found.organizationId };
  // A body made before any of its documents (an account's role, the secretariat's meeting plan) gets
  // its organisation now; otherwise both are new.
  const bodyId =
    found?.id ??
    (
      await tx
        .insertInto("body")
        .values({ name, short_name: name.replace(/^KKR\s+/, ""), classification: "KKR", modified: now })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const organization = await tx
    .insertInto("organization")
    .values({ body_id: bodyId, name, classification: "KKR", modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: bodyId, organizationId: organization.id };
}

async function upsertMeeting(
  tx: Tx,
  body: BodyRef,
  doc: ParsedDocument,
  meetingDate: MeetingDate,
  sourceFileId: number,
  now: Date,
): Promise<number> {
  const { date, estimated } = meetingDate;
  const meeting = doc.meeting ?? {
    startTime: null,
    endTime: null,
    location: null,
    previousMeetingDate: null,
    nextMeetingDate: null,
  };
  const state = meetingStateForKind(doc.kind);
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
      "date_estimated",
    ])
    .where("body_id", "=", body.id)
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
        // A date a document states makes the meeting's date known, whatever estimated it before.
        date_estimated: found.date_estimated && estimated,
        ...(doc.kind === "minutes" || doc.kind === "agenda" ? { source_file_id: sourceFileId } : {}),
      })
      .where("id", "=", found.id)
      .execute();
    return found.id;
  }
  await ensureLegislativeTerm(tx, body.id, date, now);
  const row = await tx
    .insertInto("meeting")
    .values({
      previous_meeting_date: meeting.previousMeetingDate,
      next_meeting_date: meeting.nextMeetingDate,
      modified: now,
      body_id: body.id,
      organization_id: body.organizationId,
      name: `Møde i ${doc.body}`,
      date,
      start_time: meeting.startTime,
      end_time: meeting.endTime,
      location: meeting.location,
      state,
      source_file_id: sourceFileId,
      date_estimated: estimated,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds the legislative term the meeting date falls in (domain's legislativeTermOf), once per body. */
async function ensureLegislativeTerm(tx: Tx, bodyId: number, date: string, now: Date): Promise<void> {
  const term = legislativeTermOf(date);
  await tx
    .insertInto("legislative_term")
    .values({
      body_id: bodyId,
      name: term.name,
      start_date: term.startDate,
      end_date: term.endDate,
      modified: now,
    })
    .onConflict((oc) => oc.columns(["body_id", "name"]).doNothing())
    .execute();
}
