/**
 * @module The rendered minutes of a meeting: the render-minutes job keeps the latest internal and public
 * PDF in agenda_rendering (kind 'minutes', migration 0017), beside the agenda's; the secretariat's page
 * downloads the internal one, the public page serves the public one once the minutes are published.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export interface MinutesRenderingInfo {
  readonly edition: "internal" | "public";
  readonly pageCount: number;
  readonly byteSize: number;
  readonly renderedAt: Date;
}

/**
 * Keeps `pdf` as the meeting's latest minutes in the edition.
 * @example await storeMinutesRendering(db, { meetingId: 7, edition: "public", pdf, pageCount: 6 })
 */
export async function storeMinutesRendering(
  db: Db,
  rendering: {
    readonly meetingId: number;
    readonly edition: "internal" | "public";
    readonly pdf: Uint8Array;
    readonly pageCount: number;
  },
): Promise<void> {
  await db
    .insertInto("agenda_rendering")
    .values({
      meeting_id: rendering.meetingId,
      kind: "minutes",
      edition: rendering.edition,
      version_number: null,
      pdf: rendering.pdf,
      page_count: rendering.pageCount,
      byte_size: rendering.pdf.byteLength,
    })
    .onConflict((oc) =>
      oc.columns(["meeting_id", "kind", "edition"]).doUpdateSet((eb) => ({
        pdf: eb.ref("excluded.pdf"),
        page_count: eb.ref("excluded.page_count"),
        byte_size: eb.ref("excluded.byte_size"),
        rendered_at: new Date(),
      })),
    )
    .execute();
}

/** The meeting's rendered minutes, without the bytes, internal edition first. */
export async function minutesRenderings(db: Db, meetingId: number): Promise<MinutesRenderingInfo[]> {
  const rows = await db
    .selectFrom("agenda_rendering")
    .select(["edition", "page_count", "byte_size", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("kind", "=", "minutes")
    .orderBy("edition")
    .execute();
  return rows.map((r) => ({
    edition: r.edition,
    pageCount: r.page_count,
    byteSize: r.byte_size,
    renderedAt: new Date(r.rendered_at),
  }));
}

/** The bytes of the meeting's minutes in the edition, or undefined when none is rendered. */
export async function minutesRenderingPdf(
  db: Db,
  meetingId: number,
  edition: "internal" | "public",
): Promise<{ readonly pdf: Uint8Array; readonly renderedAt: Date } | undefined> {
  const row = await db
    .selectFrom("agenda_rendering")
    .select(["pdf", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("kind", "=", "minutes")
    .where("edition", "=", edition)
    .executeTakeFirst();
  return row ? { pdf: new Uint8Array(row.pdf), renderedAt: new Date(row.rendered_at) } : undefined;
}
