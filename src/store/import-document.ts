/**
 * @module Writes one ParsedDocument to the store in one transaction, idempotent by the file's sha256.
 * Natural keys (body name; body and date for a meeting; number within a meeting; case number; person name
 * and municipality) make a re-import update rows in place, so ids, and the URLs built on them, stay.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  type Attendee,
  type ItemFieldKey,
  isNearMatch,
  MEETING_STATES,
  type MeetingState,
  type ParsedDocument,
  type ParseWarning,
} from "../domain/index.js";
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

const MIME_BY_FORMAT = {
  text: "text/plain; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

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

async function mainOrganization(tx: Tx, bodyId: number): Promise<number> {
  const org = await tx
    .selectFrom("organization")
    .select("id")
    .where("body_id", "=", bodyId)
    .where("classification", "=", "KKR")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return org.id;
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

async function upsertPerson(tx: Tx, person: Attendee, now: Date, warnings: ParseWarning[]): Promise<number> {
  let query = tx.selectFrom("person").select(["id", "party"]).where("name", "=", person.name);
  query = person.municipality
    ? query.where("municipality", "=", person.municipality)
    : query.where("municipality", "is", null);
  const found = await query.executeTakeFirst();
  if (found) {
    if (person.party && person.party !== found.party) {
      await tx
        .updateTable("person")
        .set({ party: person.party, modified: now })
        .where("id", "=", found.id)
        .execute();
    }
    return found.id;
  }
  const row = await tx
    .insertInto("person")
    .values({ name: person.name, party: person.party, municipality: person.municipality, modified: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await linkNearMatches(tx, row.id, person.name, warnings);
  return row.id;
}

/** Links a new person to others whose name may be another spelling of theirs, and says so. */
async function linkNearMatches(tx: Tx, personId: number, name: string, warnings: ParseWarning[]) {
  const lastName = name.split(/[\s-]+/).at(-1) ?? name;
  const candidates = await tx
    .selectFrom("person")
    .select(["id", "name", "municipality"])
    .where("id", "!=", personId)
    .where("name", "ilike", `%${lastName.replace(/[%_\\]/g, "")}%`)
    .execute();
  for (const other of candidates) {
    if (!isNearMatch(name, other.name)) continue;
    await tx
      .insertInto("person_link")
      .values({ person_id: personId, other_person_id: other.id, reason: "near-match" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    warnings.push({
      code: "person-near-match",
      message: `"${name}" may be the same person as "${other.name}"${other.municipality ? ` (${other.municipality})` : ""}; linked, not merged`,
    });
  }
}

async function writeAttendance(
  tx: Tx,
  doc: ParsedDocument,
  bodyId: number,
  meetingId: number,
  sourceFileId: number,
  now: Date,
  warnings: ParseWarning[],
): Promise<number> {
  const organizationId = await mainOrganization(tx, bodyId);
  const absentIds = new Map<string, number>();
  const rows: { attendee: Attendee; status: "present" | "absent" }[] = [
    ...doc.attendance.absent.map((attendee) => ({ attendee, status: "absent" as const })),
    ...doc.attendance.present.map((attendee) => ({ attendee, status: "present" as const })),
  ];
  for (const { attendee, status } of rows) {
    const personId = await upsertPerson(tx, attendee, now, warnings);
    if (status === "absent") absentIds.set(attendee.name, personId);
    const substituteFor = attendee.substituteFor ?? null;
    let substituteForId: number | null = null;
    if (substituteFor) {
      substituteForId =
        absentIds.get(substituteFor) ??
        [...absentIds.entries()].find(([name]) => isNearMatch(name, substituteFor))?.[1] ??
        null;
    }
    await tx
      .insertInto("attendance")
      .values({
        meeting_id: meetingId,
        person_id: personId,
        status,
        substitute_for_person_id: substituteForId,
        substitute_for_name: substituteFor,
        source_file_id: sourceFileId,
        modified: now,
      })
      .onConflict((oc) =>
        oc.columns(["meeting_id", "person_id"]).doUpdateSet({
          status,
          substitute_for_person_id: substituteForId,
          substitute_for_name: substituteFor,
          source_file_id: sourceFileId,
          modified: now,
          deleted: false,
        }),
      )
      .execute();
    await tx
      .insertInto("membership")
      .values({
        person_id: personId,
        organization_id: organizationId,
        role: substituteFor ? "substitute" : "member",
        party: attendee.party,
        modified: now,
      })
      .onConflict((oc) => oc.columns(["person_id", "organization_id", "role"]).doNothing())
      .execute();
  }
  return rows.length;
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

/**
 * The imported file itself becomes an "original" File (for download); each document of an annex pack,
 * or the whole text of a plain document, becomes an "annex" File with its text page by page.
 */
async function writeFiles(
  tx: Tx,
  doc: ParsedDocument,
  sourceFileId: number,
  meetingId: number | null,
  itemIds: ReadonlyMap<string, number>,
  previousIds: readonly number[],
  options: ImportOptions,
  now: Date,
): Promise<number> {
  const pages = doc.pageTexts ?? [{ page: 1, lineStart: 1, lineEnd: lineCount(doc.text), text: doc.text }];
  const mime = options.mime ?? MIME_BY_FORMAT[doc.source.format];
  const byteSize = options.content?.byteLength ?? Buffer.byteLength(doc.text);
  const itemIdFor = async (itemNumber: string | null): Promise<number | null> => {
    if (!itemNumber || meetingId === null) return null;
    const known = itemIds.get(itemNumber);
    if (known !== undefined) return known;
    const row = await tx
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("number", "=", itemNumber)
      .where("deleted", "=", false)
      .executeTakeFirst();
    return row?.id ?? null;
  };

  type Planned = {
    role: "original" | "annex";
    title: string;
    itemNumber: string | null;
    annexNumber: number | null;
    pageStart: number;
    pageEnd: number;
    lineStart: number | null;
    lineEnd: number | null;
  };
  const lastPage = pages.at(-1)?.page ?? 1;
  const planned: Planned[] = [
    {
      role: "original",
      title: doc.source.file,
      itemNumber: null,
      annexNumber: null,
      pageStart: 1,
      pageEnd: lastPage,
      lineStart: null,
      lineEnd: null,
    },
  ];
  if (doc.documents.length > 0) {
    for (const d of doc.documents) {
      planned.push({
        role: "annex",
        title: d.title,
        itemNumber: d.itemNumber,
        annexNumber: d.annexNumber,
        pageStart: d.source.pageStart,
        pageEnd: d.source.pageEnd,
        lineStart: d.source.lineStart,
        lineEnd: d.source.lineEnd,
      });
    }
  } else if (doc.kind !== "minutes" && doc.kind !== "agenda") {
    // A plain document or a pack whose documents were not told apart is one annex as a whole.
    planned.push({
      role: "annex",
      title: doc.toc[0]?.title ?? doc.source.file.replace(/\.[^.]+$/, ""),
      itemNumber: null,
      annexNumber: null,
      pageStart: 1,
      pageEnd: lastPage,
      lineStart: 1,
      lineEnd: pages.at(-1)?.lineEnd ?? null,
    });
  }

  const earlier =
    previousIds.length > 0
      ? await tx
          .selectFrom("file")
          .select(["id", "role", "title", "item_number", "annex_number"])
          .where("source_file_id", "in", previousIds)
          .where("deleted", "=", false)
          .execute()
      : [];
  const reused = new Set<number>();
  for (const [position, plan] of planned.entries()) {
    const pagesOf = pages.filter((p) => p.page >= plan.pageStart && p.page <= plan.pageEnd);
    const text =
      plan.role === "original"
        ? ""
        : // Whole pages: a document that shares a page with the next keeps that page's text too.
          pagesOf.map((p) => p.text).join("\n\n");
    const values = {
      source_file_id: sourceFileId,
      meeting_id: meetingId,
      agenda_item_id: await itemIdFor(plan.itemNumber),
      item_number: plan.itemNumber,
      annex_number: plan.annexNumber,
      title: plan.title,
      file_name: doc.source.file,
      mime,
      sha256: doc.source.sha256,
      byte_size: byteSize,
      page_start: plan.pageStart,
      page_end: plan.pageEnd,
      line_start: plan.lineStart,
      line_end: plan.lineEnd,
      text,
      position,
      role: plan.role,
      modified: now,
      deleted: false,
    };
    const match = earlier.find(
      (e) =>
        !reused.has(e.id) &&
        e.role === plan.role &&
        e.item_number === plan.itemNumber &&
        e.annex_number === plan.annexNumber &&
        (plan.role === "original" || e.title === plan.title),
    );
    let fileId: number;
    if (match) {
      reused.add(match.id);
      await tx.updateTable("file").set(values).where("id", "=", match.id).execute();
      await tx.deleteFrom("file_page").where("file_id", "=", match.id).execute();
      fileId = match.id;
    } else {
      const row = await tx.insertInto("file").values(values).returning("id").executeTakeFirstOrThrow();
      fileId = row.id;
    }
    if (plan.role === "annex" && pagesOf.length > 0) {
      await tx
        .insertInto("file_page")
        .values(
          pagesOf.map((p) => ({
            file_id: fileId,
            page: p.page,
            line_start: Math.max(p.lineStart, plan.lineStart ?? p.lineStart),
            line_end: Math.min(p.lineEnd, plan.lineEnd ?? p.lineEnd),
            text: p.text,
          })),
        )
        .execute();
    }
  }
  const stale = earlier.filter((e) => !reused.has(e.id)).map((e) => e.id);
  if (stale.length > 0) {
    await tx.updateTable("file").set({ deleted: true, modified: now }).where("id", "in", stale).execute();
  }
  return planned.length - 1;
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

function lineCount(text: string): number {
  return text.split("\n").length;
}
