/**
 * @module Writes of the sections of a meeting's working copy (issue 13): a section added at a place,
 * renamed, or removed when empty; the sections' places are dealt out anew and the items renumbered
 * (agenda-draft-writes.ts renumberAgenda), since an item's number starts with its section's.
 */
import type { Kysely } from "kysely";
import type { SectionPurpose } from "../../domain/index.js";
import type { Database } from "../schema.js";
import { agendaOrder, renumberAgenda } from "./agenda-draft-writes.js";

type Db = Kysely<Database>;

type Renumbered = readonly { readonly id: number; readonly from: string; readonly to: string }[];

/** A live section of a working copy with its meeting and how many live items it holds. */
export interface AgendaSectionRow {
  readonly id: number;
  readonly meetingId: number;
  readonly title: string;
  readonly purpose: SectionPurpose;
  readonly itemCount: number;
}

/** One live section; undefined when unknown or removed. */
export async function agendaSectionOf(db: Db, sectionId: number): Promise<AgendaSectionRow | undefined> {
  const row = await db
    .selectFrom("agenda_section")
    .select((eb) => [
      "id",
      "meeting_id as meetingId",
      "title",
      "purpose",
      eb
        .selectFrom("authored_item")
        .select((ib) => ib.fn.countAll<number>().as("n"))
        .whereRef("authored_item.section_id", "=", "agenda_section.id")
        .where("authored_item.deleted", "=", false)
        .as("itemCount"),
    ])
    .where("id", "=", sectionId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return row ? { ...row, itemCount: Number(row.itemCount ?? 0) } : undefined;
}

/** Writes each section's place from the order of `ids`. */
async function placeSections(db: Db, ids: readonly number[], now: Date): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db
      .updateTable("agenda_section")
      .set({ position, modified: now })
      .where("id", "=", id)
      .where("position", "!=", position)
      .execute();
  }
}

/**
 * Adds an ordinary section at `place` (0-based among the live sections, clamped) and renumbers.
 * @example await insertAgendaSection(tx, { meetingId: 7, title: "Temadrøftelse", place: 2 }, now)
 */
export async function insertAgendaSection(
  db: Db,
  props: { readonly meetingId: number; readonly title: string; readonly place: number },
  now: Date,
): Promise<{ readonly id: number; readonly renumbered: Renumbered }> {
  const order = (await agendaOrder(db, props.meetingId)).map((s) => s.id);
  const { id } = await db
    .insertInto("agenda_section")
    .values({
      meeting_id: props.meetingId,
      position: order.length,
      title: props.title,
      purpose: "regular",
      modified: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const at = Math.max(0, Math.min(props.place, order.length));
  await placeSections(db, [...order.slice(0, at), id, ...order.slice(at)], now);
  return { id, renumbered: await renumberAgenda(db, props.meetingId, now) };
}

/** Gives a section a new title. */
export async function renameAgendaSection(
  db: Db,
  sectionId: number,
  title: string,
  now: Date,
): Promise<void> {
  await db.updateTable("agenda_section").set({ title, modified: now }).where("id", "=", sectionId).execute();
}

/** Removes a section (the caller has checked it is empty) and renumbers the rest. */
export async function removeAgendaSection(
  db: Db,
  section: { readonly id: number; readonly meetingId: number },
  now: Date,
): Promise<Renumbered> {
  await db
    .updateTable("agenda_section")
    .set({ deleted: true, modified: now })
    .where("id", "=", section.id)
    .execute();
  await placeSections(
    db,
    (await agendaOrder(db, section.meetingId)).map((s) => s.id),
    now,
  );
  return renumberAgenda(db, section.meetingId, now);
}
