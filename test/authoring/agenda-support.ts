/**
 * @module Helpers for the agenda authoring suites (issue 13): KKR Nordjylland with its viewers (its
 * secretariat, a member, another body's secretariat), an outbox mailer in a temporary folder, a meeting
 * drafted from the template, and the text of the KKR seed 004 minutes imported as the last meeting.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { agendaDrafter } from "../../src/authoring/agenda-drafter.js";
import { agendaItemCreator } from "../../src/authoring/agenda-item-creator.js";
import type { ItemInput } from "../../src/authoring/agenda-item-input.js";
import { meetingCreator } from "../../src/authoring/meeting-creator.js";
import type { Viewer } from "../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";
import { openMailer, outboxFolder, outboxList, outboxMessage } from "../../src/mail/index.js";
import { type AgendaDraft, type Database, finishImports, importDocument } from "../../src/store/index.js";
import { bodyId } from "../accounts/support.js";
import { seedPath } from "../support/seeds.js";

export const BODY = "KKR Nordjylland";
export const CLI = { userId: null, tokenId: null } as const;
export const T0 = new Date("2024-10-01T08:00:00.000Z");

export interface AgendaWorld {
  readonly bodyId: number;
  readonly otherBodyId: number;
  readonly secretariat: Viewer;
  readonly member: Viewer;
  readonly otherSecretariat: Viewer;
}

export async function agendaWorld(db: Kysely<Database>): Promise<AgendaWorld> {
  const id = await bodyId(db, BODY);
  const other = await bodyId(db, "KKR Sjælland");
  // The importer finds a body by its KKR organization (store/write/import-document.ts upsertBody), and
  // makes a second body of the name when it has none: give the test's body one, as an import would.
  const organization = await db
    .selectFrom("organization")
    .select("id")
    .where("body_id", "=", id)
    .executeTakeFirst();
  if (!organization) {
    await db
      .insertInto("organization")
      .values({ body_id: id, name: BODY, classification: "KKR", modified: T0 })
      .execute();
  }
  return {
    bodyId: id,
    otherBodyId: other,
    secretariat: { kind: "user", memberOf: [], secretariatOf: [id] },
    member: { kind: "user", memberOf: [id], secretariatOf: [] },
    otherSecretariat: { kind: "user", memberOf: [], secretariatOf: [other] },
  };
}

/** A planned meeting of the body with its agenda drafted from the template. */
export async function draftedMeeting(
  db: Kysely<Database>,
  world: AgendaWorld,
  date: string,
  accept: readonly string[] = [],
): Promise<AgendaDraft> {
  const { meetingIds } = await meetingCreator({
    db,
    viewer: world.secretariat,
    actor: CLI,
    bodyId: world.bodyId,
    meetings: [{ date, startTime: "10:00", endTime: "12:00", location: "Aalborg Rådhus" }],
    now: T0,
  });
  const id = meetingIds[0] as number;
  const { draft } = await agendaDrafter({
    db,
    viewer: world.secretariat,
    actor: CLI,
    meetingId: id,
    accept,
    now: T0,
  });
  return draft;
}

/** A KKR meeting drafted on `date` and its standing item 1.1 (index 0) or 1.2 (index 1). */
export async function standingItem(db: Kysely<Database>, date: string, index: 0 | 1) {
  const world = await agendaWorld(db);
  const draft = await draftedMeeting(db, world, date);
  const item = sectionOf(draft, "Godkendelse af referat").items[index];
  assert.ok(item, `no standing item ${index + 1}`);
  return { world, draft, item };
}

/** Adds items to one section of a draft as its secretariat (options: position, carriedFrom). */
export function itemAdder(db: Kysely<Database>, world: AgendaWorld, meetingId: number, sectionId: number) {
  return (item: ItemInput, options: { readonly position?: number; readonly carriedFrom?: string } = {}) =>
    agendaItemCreator({ db, viewer: world.secretariat, actor: CLI, meetingId, sectionId, item, ...options });
}

/** The section of a draft with that title. */
export function sectionOf(draft: AgendaDraft, title: string) {
  const section = draft.sections.find((s) => s.title === title);
  if (!section) throw new Error(`no section ${title}`);
  return section;
}

/** A mailer writing to a fresh outbox folder, and a reader of what it wrote. */
export function testOutbox() {
  const dataDir = mkdtempSync(join(tmpdir(), "raadsinfo-agenda-"));
  const folder = outboxFolder(dataDir);
  return {
    folder,
    mailer: openMailer({ smtpUrl: undefined, dataDir, from: "Rådsinfo <raadsinfo@localhost>" }),
    async mails() {
      const list = await outboxList(folder);
      return Promise.all(list.map((m) => outboxMessage(m.file)));
    },
  };
}

/** Seed 004, KKR Nordjylland's minutes of 20 September 2024, parsed and imported. */
export async function importSeed004(db: Kysely<Database>): Promise<void> {
  const parsed = await parseSource(await readSourceFile(seedPath("004")), await loadIngestOptions());
  await importDocument(db, parsed);
  await finishImports(db);
}

/** A real PDF from ../shared/real-pdf. */
export function realPdf(): { fileName: string; bytes: Uint8Array } {
  const path = join(seedPath("004"), "..", "..", "real-pdf", "aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf");
  return {
    fileName: "aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf",
    bytes: new Uint8Array(readFileSync(path)),
  };
}
