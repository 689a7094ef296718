/**
 * @module Writes of the secretariat's working copy of an agenda (migration 0015): meetings of the year
 * plan, sections and items, their numbers (domain/agenda-numbering.ts), uploaded annexes, a body's
 * template and review copies. Authoring calls these inside its own transaction, after domain said who may.
 */
import type { Kysely } from "kysely";
import { type AgendaTemplate, moveInAgenda, numberAgenda, type SectionPurpose } from "../../domain/index.js";
import type { AuthoredAnnexPage, Database } from "../schema.js";

type Db = Kysely<Database>;

export interface NewPlannedMeeting {
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
}

/** The dates among `dates` on which the body already has a meeting (the natural key is body and date). */
export async function takenMeetingDates(db: Db, bodyId: number, dates: readonly string[]): Promise<string[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .selectFrom("meeting")
    .select("date")
    .where("body_id", "=", bodyId)
    .where("date", "in", [...dates])
    .where("deleted", "=", false)
    .execute();
  return rows.map((r) => r.date);
}

/** Inserts planned meetings of a body; returns their ids in the order given. */
export async function insertPlannedMeetings(
  db: Db,
  props: {
    readonly bodyId: number;
    readonly bodyName: string;
    readonly meetings: readonly NewPlannedMeeting[];
  },
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const m of props.meetings) {
    const row = await db
      .insertInto("meeting")
      .values({
        body_id: props.bodyId,
        // As the importer names a meeting (store/write/import-document.ts).
        name: `Møde i ${props.bodyName}`,
        date: m.date,
        start_time: m.startTime,
        end_time: m.endTime,
        location: m.location,
        state: "planned",
        source_file_id: null,
        organization_id: null,
        previous_meeting_date: null,
        next_meeting_date: null,
        modified: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** A meeting's sections as drafted from a template, with their standing items; returns item ids by section. */
export async function insertDraftSections(
  db: Db,
  meetingId: number,
  template: AgendaTemplate,
  now: Date,
): Promise<{ readonly sectionIds: number[] }> {
  const sectionIds: number[] = [];
  for (const [position, section] of template.sections.entries()) {
    const row = await db
      .insertInto("agenda_section")
      .values({
        meeting_id: meetingId,
        position,
        title: section.title,
        purpose: section.purpose,
        modified: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    sectionIds.push(row.id);
    for (const [itemPosition, item] of section.items.entries()) {
      await insertAuthoredItem(db, {
        meetingId,
        sectionId: row.id,
        position: itemPosition,
        title: item.title,
        public: true,
        caseNumber: null,
        initials: [],
        fields: { indstilling: item.indstilling },
        carriedFrom: null,
        now,
      });
    }
  }
  return { sectionIds };
}

export interface NewAuthoredItem {
  readonly meetingId: number;
  readonly sectionId: number;
  /** 0-based place in the section; the numbers are set by renumberAgenda afterwards. */
  readonly position: number;
  readonly title: string;
  readonly public: boolean;
  readonly caseNumber: string | null;
  readonly initials: readonly string[];
  readonly fields: Partial<
    Record<"resume" | "baggrund" | "indstilling" | "sagsforloeb" | "sagsfremstilling", string | null>
  >;
  readonly carriedFrom: string | null;
  readonly now: Date;
}

/** Inserts an item at its place in the section, the later ones moving down; returns its id. Renumber afterwards. */
export async function insertAuthoredItem(db: Db, item: NewAuthoredItem): Promise<number> {
  await db
    .updateTable("authored_item")
    .set((eb) => ({ position: eb("position", "+", 1) }))
    .where("section_id", "=", item.sectionId)
    .where("position", ">=", item.position)
    .where("deleted", "=", false)
    .execute();
  const row = await db
    .insertInto("authored_item")
    .values({
      meeting_id: item.meetingId,
      section_id: item.sectionId,
      position: item.position,
      number: "",
      title: item.title,
      public: item.public,
      case_number: item.caseNumber,
      initials: JSON.stringify(item.initials),
      resume: item.fields.resume ?? null,
      baggrund: item.fields.baggrund ?? null,
      indstilling: item.fields.indstilling ?? null,
      sagsforloeb: item.fields.sagsforloeb ?? null,
      sagsfremstilling: item.fields.sagsfremstilling ?? null,
      carried_from: item.carriedFrom,
      published_item_id: null,
      modified: item.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The sections of a meeting's working copy with their live items' ids, in order. */
export async function agendaOrder(
  db: Db,
  meetingId: number,
): Promise<{ readonly id: number; readonly purpose: SectionPurpose; readonly items: number[] }[]> {
  const [sections, items] = await Promise.all([
    db
      .selectFrom("agenda_section")
      .select(["id", "purpose"])
      .where("meeting_id", "=", meetingId)
      .where("deleted", "=", false)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("authored_item")
      .select(["id", "section_id"])
      .where("meeting_id", "=", meetingId)
      .where("deleted", "=", false)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return sections.map((s) => ({
    id: s.id,
    purpose: s.purpose,
    items: items.filter((i) => i.section_id === s.id).map((i) => i.id),
  }));
}

/**
 * Gives every live item of the meeting its place and number from the order of sections and items;
 * returns the items whose number changed, old and new.
 */
export async function renumberAgenda(
  db: Db,
  meetingId: number,
  now: Date,
  order?: readonly {
    readonly id: number;
    readonly purpose: SectionPurpose;
    readonly items: readonly number[];
  }[],
): Promise<{ readonly id: number; readonly from: string; readonly to: string }[]> {
  const sections = order ?? (await agendaOrder(db, meetingId));
  const current = new Map(
    (
      await db
        .selectFrom("authored_item")
        .select(["id", "number", "position", "section_id"])
        .where("meeting_id", "=", meetingId)
        .where("deleted", "=", false)
        .execute()
    ).map((r) => [r.id, r]),
  );
  const sectionOf = new Map(sections.flatMap((s) => s.items.map((id) => [id, s.id] as const)));
  const changed: { id: number; from: string; to: string }[] = [];
  for (const n of numberAgenda(sections)) {
    const row = current.get(n.id);
    const sectionId = sectionOf.get(n.id);
    if (!row || sectionId === undefined) continue;
    if (row.number === n.number && row.position === n.position && row.section_id === sectionId) continue;
    // The number is derived, not the user's edit: the revision stays, so an open editor does not clash.
    await db
      .updateTable("authored_item")
      .set({ number: n.number, position: n.position, section_id: sectionId, modified: now })
      .where("id", "=", n.id)
      .execute();
    if (row.number !== n.number) changed.push({ id: n.id, from: row.number, to: n.number });
  }
  return changed;
}

/**
 * Moves an item to `position` (0-based) in the section with id `sectionId` and renumbers the meeting.
 * Returns the numbers that changed; the caller has checked that the section is the meeting's.
 */
export async function moveAuthoredItem(
  db: Db,
  props: {
    readonly meetingId: number;
    readonly itemId: number;
    readonly sectionId: number;
    readonly position: number;
  },
  now: Date,
): Promise<{ readonly id: number; readonly from: string; readonly to: string }[]> {
  const sections = await agendaOrder(db, props.meetingId);
  const to = sections.findIndex((s) => s.id === props.sectionId);
  if (to < 0) throw new RangeError(`section ${props.sectionId} is not meeting ${props.meetingId}'s`);
  return renumberAgenda(db, props.meetingId, now, moveInAgenda(sections, props.itemId, to, props.position));
}

/** The item columns the editor may set. */
export interface AuthoredItemChanges {
  readonly title?: string;
  readonly public?: boolean;
  readonly case_number?: string | null;
  readonly initials?: readonly string[];
  readonly resume?: string | null;
  readonly baggrund?: string | null;
  readonly indstilling?: string | null;
  readonly sagsforloeb?: string | null;
  readonly sagsfremstilling?: string | null;
  readonly take_up_again?: boolean;
}

/**
 * Saves changes to an item when its revision is still `revision`, and bumps the revision; false when
 * someone saved in between (the caller answers 409 with the current item).
 */
export async function updateAuthoredItem(
  db: Db,
  props: { readonly itemId: number; readonly revision: number; readonly changes: AuthoredItemChanges },
  now: Date,
): Promise<boolean> {
  const { initials, ...rest } = props.changes;
  const result = await db
    .updateTable("authored_item")
    .set((eb) => ({
      ...rest,
      ...(initials ? { initials: JSON.stringify(initials) } : {}),
      revision: eb("revision", "+", 1),
      modified: now,
    }))
    .where("id", "=", props.itemId)
    .where("revision", "=", props.revision)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes an item (soft: a sent agenda's item is withdrawn by the next version) and its annexes. */
export async function removeAuthoredItem(db: Db, itemId: number, now: Date): Promise<void> {
  await db
    .updateTable("authored_item")
    .set((eb) => ({ deleted: true, modified: now, revision: eb("revision", "+", 1) }))
    .where("id", "=", itemId)
    .execute();
  await db
    .updateTable("authored_annex")
    .set({ deleted: true, modified: now })
    .where("authored_item_id", "=", itemId)
    .where("deleted", "=", false)
    .execute();
}

export interface NewAuthoredAnnex {
  readonly itemId: number;
  readonly title: string;
  readonly fileName: string;
  readonly format: "pdf" | "docx";
  readonly mime: string;
  readonly sha256: string;
  readonly content: Uint8Array;
  readonly text: string;
  readonly pages: readonly AuthoredAnnexPage[];
  readonly cprPages: readonly number[];
}

/** Adds an annex after the item's others (its number is its place); returns its id and number. */
export async function insertAuthoredAnnex(
  db: Db,
  annex: NewAuthoredAnnex,
  now: Date,
): Promise<{ readonly id: number; readonly position: number }> {
  const last = await db
    .selectFrom("authored_annex")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("authored_item_id", "=", annex.itemId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  const position = Number(last?.max ?? 0) + 1;
  const row = await db
    .insertInto("authored_annex")
    .values({
      authored_item_id: annex.itemId,
      position,
      title: annex.title,
      file_name: annex.fileName,
      format: annex.format,
      mime: annex.mime,
      byte_size: annex.content.byteLength,
      sha256: annex.sha256,
      content: annex.content,
      text: annex.text,
      pages: JSON.stringify(annex.pages),
      cpr_pages: [...annex.cprPages],
      published_file_id: null,
      modified: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, position };
}

/** Replaces a body's template with `template`, sections and standing items in order. */
export async function replaceAgendaTemplate(
  db: Db,
  bodyId: number,
  template: AgendaTemplate,
  now: Date,
): Promise<void> {
  // The items go with their sections (on delete cascade).
  await db.deleteFrom("agenda_template_section").where("body_id", "=", bodyId).execute();
  for (const [position, section] of template.sections.entries()) {
    const row = await db
      .insertInto("agenda_template_section")
      .values({ body_id: bodyId, position, title: section.title, purpose: section.purpose, modified: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (section.items.length === 0) continue;
    await db
      .insertInto("agenda_template_item")
      .values(
        section.items.map((item, itemPosition) => ({
          section_id: row.id,
          position: itemPosition,
          title: item.title,
          indstilling: item.indstilling,
          modified: now,
        })),
      )
      .execute();
  }
}

/** Records review copies sent to `userIds`. */
export async function insertReviewCopies(db: Db, props: SentToUsers, now: Date): Promise<void> {
  await insertSentToUsers(db, "review_copy", props, now);
}

/** What went to whom, by whom: a review copy of the agenda, or the draft minutes for remarks. */
export interface SentToUsers {
  readonly meetingId: number;
  readonly userIds: readonly number[];
  readonly actor: { readonly userId: number | null; readonly tokenId: number | null };
}

/** Records that the meeting's `table` (review copy, minutes for remarks) went to `userIds`. */
export async function insertSentToUsers(
  db: Db,
  table: "review_copy" | "minutes_remark_request",
  props: SentToUsers,
  now: Date,
): Promise<void> {
  if (props.userIds.length === 0) return;
  await db
    .insertInto(table)
    .values(
      props.userIds.map((userId) => ({
        meeting_id: props.meetingId,
        user_id: userId,
        sent_at: now,
        sent_by_user_id: props.actor.userId,
        sent_by_token_id: props.actor.tokenId,
      })),
    )
    .execute();
}

/**
 * Sets an annex's title and, when `position` (1-based) is given, its place among the item's annexes; the
 * others close up, so the numbers stay "Bilag 1, 2, …". Removing passes `remove`.
 */
export async function rearrangeAuthoredAnnex(
  db: Db,
  props: {
    readonly annexId: number;
    readonly itemId: number;
    readonly title?: string;
    readonly position?: number;
    readonly remove?: boolean;
  },
  now: Date,
): Promise<void> {
  if (props.title !== undefined || props.remove) {
    await db
      .updateTable("authored_annex")
      .set({
        ...(props.title !== undefined ? { title: props.title } : {}),
        ...(props.remove ? { deleted: true } : {}),
        modified: now,
      })
      .where("id", "=", props.annexId)
      .execute();
  }
  const rows = await db
    .selectFrom("authored_annex")
    .select(["id", "position"])
    .where("authored_item_id", "=", props.itemId)
    .where("deleted", "=", false)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const ids = rows.map((r) => r.id).filter((id) => id !== props.annexId);
  if (!props.remove) {
    const at =
      props.position === undefined ? rows.findIndex((r) => r.id === props.annexId) : props.position - 1;
    ids.splice(Math.max(0, Math.min(at, ids.length)), 0, props.annexId);
  }
  for (const [index, id] of ids.entries()) {
    if (rows.find((r) => r.id === id)?.position === index + 1) continue;
    await db
      .updateTable("authored_annex")
      .set({ position: index + 1, modified: now })
      .where("id", "=", id)
      .execute();
  }
}
