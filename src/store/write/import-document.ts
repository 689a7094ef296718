/**
 * @module Writes one ParsedDocument to the store in one transaction, idempotent by the file's sha256.
 * Natural keys (body name; body and date for a meeting; number within a meeting; case number; person name
 * and municipality) make a re-import update rows in place, so ids, and the URLs built on them, stay.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
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
import { documentRank, type ItemsWritten, writeItems } from "./import-items.js";
import { runPrepared } from "./prepared.js";
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
  // An annex pack is linked to its meeting by body and date from its own text, or else from its file name,
  // or else estimated from the dates its annexes mention (a meeting of its own, marked as estimated).
  const date = meetingDateOf({
    kind: doc.kind,
    meetingDate: doc.meeting?.date,
    fileName: doc.source.file,
    text: doc.text,
  });
  // Each document commits durably (synchronous_commit stays on): a file reported as imported survives a
  // crash. Measured on the seeds into PGlite, this costs nothing that shows beside parsing.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => writeDocument(tx, doc, date, options));
    } catch (error) {
      // On a server, another worker may write the same file, person or case at the same moment. Upserts
      // wait for its commit and then see its rows, but a writer outside this file (the secretariat making
      // a meeting) can still break a unique key, and a deadlock is always possible in principle: the whole
      // transaction is written again, after a short random pause so that two losers do not meet again.
      if (attempt >= MAX_ATTEMPTS || !isConcurrentWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

const MAX_ATTEMPTS = 5;

/** unique_violation, serialization_failure, deadlock_detected: what a concurrent writer can cause. */
function isConcurrentWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "40001" || code === "40P01";
}

/**
 * The first key of the advisory locks that serialize a meeting's writers (the second is a hash of the
 * meeting's body and date); any fixed number that no other part of Rådsinfo uses as a first key.
 */
const MEETING_LOCK_SPACE = 0x5261_6473; // "Rads"

/**
 * Waits until no other transaction writes this meeting, and keeps others out until this one ends. The
 * minutes and the annex pack of one meeting written at the same moment would each miss the other's
 * uncommitted rows: the pack's annexes would link to no item, and the annex of a closed item could stay
 * public. One writer per meeting at a time, and each sees what the previous one committed (under READ
 * COMMITTED every statement after the lock reads a fresh snapshot). Documents of different meetings
 * still write in parallel; a hash collision between two meetings only makes them take turns.
 */
async function lockMeeting(tx: Tx, body: string, date: string): Promise<void> {
  // The date is of fixed length, so "date body" names one meeting.
  const key = `${date} ${body}`;
  await runPrepared(tx, sql`select pg_advisory_xact_lock(${sql.lit(MEETING_LOCK_SPACE)}, hashtext(${key}))`);
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

async function writeDocument(
  tx: Tx,
  doc: ParsedDocument,
  date: MeetingDate | null,
  options: ImportOptions,
): Promise<ImportResult> {
  const step = options.onStep ?? (() => {});
  // Before the first read: what another writer of this meeting committed must be visible to all of ours.
  if (doc.body && date) await lockMeeting(tx, doc.body, date.date);
  // The same bytes imported before change nothing; a file of the same name is an earlier version that
  // this one replaces.
  const { rows: known } = await runPrepared(
    tx,
    tx
      .selectFrom("source_file")
      .select(["id", "sha256"])
      .where((eb) => eb.or([eb("sha256", "=", doc.source.sha256), eb("file_name", "=", doc.source.file)]))
      .where("deleted", "=", false),
  );
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
  const [sourceFile] = (
    await runPrepared(
      tx,
      tx
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
        .returning("id"),
    )
  ).rows;
  if (!sourceFile) throw new Error("the source file was not stored");
  await step("source");

  const warnings: ParseWarning[] = [];
  const body = doc.body ? await upsertBody(tx, doc.body, now) : null;
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
    {
      sourceFileId: sourceFile.id,
      meetingId,
      meetingEstimated: date?.estimated === true,
      originalWithheld: items.withheld ?? null,
      previousIds,
      now,
    },
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
    items: { created: items.created, updated: items.updated, removed: items.removed },
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
  const found = await findBody(tx, name);
  if (found?.organizationId != null) return { id: found.id, organizationId: found.organizationId };
  // A body made before any of its documents (an account's role, the secretariat's meeting plan) gets
  // its organisation now; otherwise both are new. Another worker may make them at the same moment: the
  // insert then waits for its commit and does nothing, and the second look finds its rows.
  if (!found) {
    await tx
      .insertInto("body")
      .values({ name, short_name: name.replace(/^KKR\s+/, ""), classification: "KKR", modified: now })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
  }
  const body = found ?? (await findBody(tx, name));
  if (!body) throw new Error(`body "${name}" neither found nor made`);
  await tx
    .insertInto("organization")
    .values({ body_id: body.id, name, classification: "KKR", modified: now })
    .onConflict((oc) => oc.columns(["body_id", "name"]).doNothing())
    .execute();
  const made = await findBody(tx, name);
  if (made?.organizationId == null) throw new Error(`organisation of body "${name}" neither found nor made`);
  return { id: made.id, organizationId: made.organizationId };
}

/** The body of this name and its own organisation (classification "KKR", or else one of its name). */
async function findBody(tx: Tx, name: string) {
  const query = tx
    .selectFrom("body")
    .leftJoin("organization", (join) =>
      join
        .onRef("organization.body_id", "=", "body.id")
        .on((eb) =>
          eb.or([eb("organization.classification", "=", "KKR"), eb("organization.name", "=", name)]),
        ),
    )
    .select(["body.id", "organization.id as organizationId"])
    .where("body.name", "=", name)
    .orderBy("body.id")
    .orderBy(sql`organization.classification <> 'KKR'`)
    .orderBy("organization.id")
    .limit(1);
  return (await runPrepared(tx, query)).rows[0];
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
  const meetingQuery = tx
    .selectFrom("meeting")
    .leftJoin("source_file", (join) =>
      join.onRef("source_file.id", "=", "meeting.source_file_id").on("source_file.deleted", "=", false),
    )
    .select([
      "meeting.id",
      "meeting.state",
      "meeting.start_time",
      "meeting.end_time",
      "meeting.location",
      "meeting.previous_meeting_date",
      "meeting.next_meeting_date",
      "meeting.date_estimated",
      "source_file.kind as sourceKind",
    ])
    .where("meeting.body_id", "=", body.id)
    .where("meeting.date", "=", date);
  const [found] = (await runPrepared(tx, meetingQuery)).rows;
  if (found) {
    // A later document never moves a meeting back in its life (an annex pack after the minutes).
    const keepState = MEETING_STATES.indexOf(found.state as MeetingState) > MEETING_STATES.indexOf(state);
    // The meeting's document is its minutes once there are minutes: an agenda imported after them (a
    // queue takes files in any order) neither takes the meeting over nor overwrites what the minutes say.
    const outranks = documentRank(doc.kind) >= documentRank(found.sourceKind);
    const pick = <T>(ours: T | null, theirs: T | null): T | null =>
      outranks ? (ours ?? theirs) : (theirs ?? ours);
    await runPrepared(
      tx,
      tx
        .updateTable("meeting")
        .set({
          // What a later document does not say (an annex pack names no next meeting) is kept, not erased.
          previous_meeting_date: pick(meeting.previousMeetingDate, found.previous_meeting_date),
          next_meeting_date: pick(meeting.nextMeetingDate, found.next_meeting_date),
          modified: now,
          deleted: false,
          state: keepState ? found.state : state,
          start_time: pick(meeting.startTime, found.start_time),
          end_time: pick(meeting.endTime, found.end_time),
          location: pick(meeting.location, found.location),
          // A date a document states makes the meeting's date known, whatever estimated it before.
          date_estimated: found.date_estimated && estimated,
          ...(documentRank(doc.kind) > 0 && outranks ? { source_file_id: sourceFileId } : {}),
        })
        .where("id", "=", found.id),
    );
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
